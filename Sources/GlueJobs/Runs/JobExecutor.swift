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
}

/// The outcome of an execution that did not throw.
public struct JobExecutionResult: Sendable {
    /// Figures per node, in node order.
    public var nodeMetrics: [NodeMetrics]

    /// Creates a result.
    public init(nodeMetrics: [NodeMetrics] = []) { self.nodeMetrics = nodeMetrics }
}

/// Runs a job's graph: reads its sources, applies its transforms, stages its outputs and commits
/// them only on success. The runner owns the run's lifecycle; the executor owns the data.
public protocol JobExecutor: Sendable {
    /// Executes the job; must check `control` between batches and stop when it is set, leaving
    /// nothing committed.
    ///
    /// - Throws: The error that failed the run (its message becomes the run's `ErrorMessage`).
    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult
}
