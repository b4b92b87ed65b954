import Foundation
import GlueCore

/// What a run asks its executor to do: run a job's graph under the job's role.
public struct JobExecutionRequest: Sendable {
    /// The job as stored.
    public var job: JobDefinition
    /// The validated node graph (visual jobs).
    public var graph: JobGraph?
    /// The run's ID (also the staging session's name).
    public var runID: String
    /// The resolved arguments.
    public var arguments: JobArguments
    /// The run's view of the job bookmark (sources ask it which objects to read).
    public var bookmarks: BookmarkSession
    /// When the run started (bookmarks and output file names use it).
    public var runStart: Date
}

/// Outputs staged by a run, published only when the runner says so.
public protocol OutputCommit: Sendable {
    /// Publishes every staged output.
    ///
    /// - Throws: the store's error; outputs not yet published are removed then.
    func commit() throws(GlueError)
    /// Removes every staged output.
    func abort()
}

/// The outcome of an execution that did not throw.
public struct JobExecutionResult: Sendable {
    /// Figures per node, in node order.
    public var nodeMetrics: [NodeMetrics]
    /// The staged outputs, which the runner publishes after the bookmark check.
    public var outputs: (any OutputCommit)?

    /// Creates a result.
    public init(nodeMetrics: [NodeMetrics] = [], outputs: (any OutputCommit)? = nil) {
        self.nodeMetrics = nodeMetrics
        self.outputs = outputs
    }
}

/// Runs a job's graph: reads its sources, applies its transforms and stages its outputs; the
/// runner publishes them only when the whole run succeeded. The runner owns the run's lifecycle;
/// the executor owns the data.
public protocol JobExecutor: Sendable {
    /// Executes the job; must check `control` between batches and stop when it is set. When it
    /// throws, it leaves nothing staged.
    ///
    /// - Throws: The error that failed the run (its message becomes the run's `ErrorMessage`).
    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult
}
