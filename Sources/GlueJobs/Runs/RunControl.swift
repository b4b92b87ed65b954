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

    private let reason = Mutex<StopReason?>(nil)

    /// Creates a switch that is off.
    public init() {}

    /// Tells the run to stop; the first reason wins.
    public func stop(_ stopReason: StopReason) {
        reason.withLock { if $0 == nil { $0 = stopReason } }
    }

    /// Why the run was told to stop, or `nil` while it may go on.
    public var stopReason: StopReason? { reason.withLock { $0 } }

    /// Whether the run was told to stop.
    public var isStopped: Bool { stopReason != nil }
}
