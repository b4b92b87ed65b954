import Synchronization

/// A run's stop switch, shared by the runner and every stage of its pipeline.
///
/// The runner sets it when the run's timeout passes or `BatchStopJobRun` asks; stages check it
/// between batches and stop promptly.
public final class RunControl: Sendable {
    /// Why a run was told to stop.
    public enum StopReason: Sendable, Equatable {
        case stopRequested
        case timeout
    }

    struct State {
        var reason: StopReason?
        var handlers: [@Sendable (StopReason) -> Void] = []
    }

    private let state = Mutex(State())

    /// Creates a switch that is off.
    public init() {}

    /// Tells the run to stop; the first reason wins, and the ``onStop(_:)`` handlers run once,
    /// on the caller's thread.
    public func stop(_ stopReason: StopReason) {
        let handlers = state.withLock { state -> [@Sendable (StopReason) -> Void] in
            guard state.reason == nil else { return [] }
            state.reason = stopReason
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler(stopReason) }
    }

    /// Runs `handler` when the run is told to stop (at once if it already was).
    public func onStop(_ handler: @escaping @Sendable (StopReason) -> Void) {
        let reason = state.withLock { state -> StopReason? in
            if state.reason == nil { state.handlers.append(handler) }
            return state.reason
        }
        if let reason { handler(reason) }
    }

    /// Why the run was told to stop, or `nil` while it may go on.
    public var stopReason: StopReason? { state.withLock { $0.reason } }

    /// Whether the run was told to stop.
    public var isStopped: Bool { stopReason != nil }
}
