import GlueCore
import Synchronization

/// A shared flag that stops a run: cancellation, a job timeout, or a failure in any stage.
///
/// Every worker checks it between morsels, and long operator loops check it between chunks
/// (Polars' `SourceToken`). The first reason given wins.
public final class StopToken: Sendable {
    private let state = Mutex<GlueError?>(nil)
    private let flag = Atomic<Bool>(false)

    /// Creates a token that is not stopped.
    public init() {}

    /// Whether the run has been stopped.
    public var isStopped: Bool { flag.load(ordering: .acquiring) }

    /// Why the run was stopped, or `nil` while it runs.
    public var reason: GlueError? {
        guard isStopped else { return nil }
        return state.withLock { $0 }
    }

    /// Stops the run with a reason; later calls keep the first reason.
    public func stop(_ reason: GlueError) {
        state.withLock { current in
            if current == nil { current = reason }
        }
        flag.store(true, ordering: .releasing)
    }

    /// Stops the run as cancelled by the caller.
    public func cancel() {
        stop(GlueError(.pipelineCancelled, "The run was cancelled."))
    }
}

extension GlueError.Code {
    /// A run stopped because its caller cancelled it (LocalGlue's own code; a Glue job run in
    /// this state is `STOPPED`).
    public static let pipelineCancelled = Self("PipelineCancelledException")
}
