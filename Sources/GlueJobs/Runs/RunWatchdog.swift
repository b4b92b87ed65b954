import Foundation
import Synchronization

/// Watches a running job from its own thread: flips the run's ``RunControl`` when the timeout
/// passes or someone asks the run to stop.
///
/// It runs on a dedicated thread, not in the Swift concurrency pool: on Linux that pool is
/// Dispatch's, which the pipeline's workers keep busy, and a watcher queued behind them would see
/// a stop request only once the run is over.
final class RunWatchdog: Sendable {
    private let finished = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    /// Starts watching.
    ///
    /// - Parameters:
    ///   - deadline: when the run times out.
    ///   - interval: how often to look for a stop request.
    ///   - isStopRequested: asks the lake whether someone requested a stop.
    ///   - onStopRequested: called once, on the watchdog's thread, when a stop request was seen.
    init(
        control: RunControl, deadline: ContinuousClock.Instant, interval: Duration,
        isStopRequested: @escaping @Sendable () -> Bool, onStopRequested: @escaping @Sendable () -> Void
    ) {
        let thread = Thread { [self] in
            defer { exited.signal() }
            while !finished.withLock({ $0 }) {
                if ContinuousClock.now >= deadline {
                    control.stop(.timeout)
                    return
                }
                if isStopRequested() {
                    control.stop(.stopRequested)
                    if control.stopReason == .stopRequested { onStopRequested() }
                    return
                }
                let nanoseconds = max(1_000_000, interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000)
                _ = wake.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
            }
        }
        thread.name = "localglue.run-watchdog"
        thread.start()
    }

    /// Stops watching (the run is over) and waits for the watchdog's thread to end, so no
    /// callback runs after this returns.
    func finish() {
        finished.withLock { $0 = true }
        wake.signal()
        exited.wait()
    }
}
