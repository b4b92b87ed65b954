import Dispatch

/// Wakes idle workers when work appears: a counting semaphore plus the number of sleepers.
///
/// `@unchecked Sendable` because `DispatchSemaphore` is thread-safe but not declared `Sendable`
/// on every platform; the only stored property is that semaphore, which is never reassigned.
final class WorkerSignal: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    /// Sleeps until signalled or until `timeout` passes. Call only from Dispatch-owned threads,
    /// never from the Swift concurrency pool.
    func wait(timeout: Duration) {
        let nanoseconds = max(0, timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        _ = semaphore.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
    }

    /// Wakes up to `count` sleepers.
    func signal(_ count: Int) {
        for _ in 0..<max(0, count) { semaphore.signal() }
    }
}
