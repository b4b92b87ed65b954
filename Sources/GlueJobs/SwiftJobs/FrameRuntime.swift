import GlueCore
import GlueExecution
import GlueTransforms
import Synchronization

/// What the frames of one job (or of one test) share when an action runs: how many workers, the
/// run's stop switch, and the error records the actions produced.
final class FrameRuntime: Sendable {
    struct Errors {
        var kept: [ErrorRecord] = []
        var count = 0
        var byStage: [String: Int] = [:]
    }

    let parallelism: Int
    let control: RunControl?
    /// The memory budget of each join's build side (the run's ``ExecutionEnvironment/joinMemoryBudget``).
    let joinMemoryBudget: Int?
    private let errors = Mutex(Errors())

    init(parallelism: Int, control: RunControl? = nil, joinMemoryBudget: Int? = nil) {
        self.parallelism = max(1, parallelism)
        self.control = control
        self.joinMemoryBudget = joinMemoryBudget
    }

    /// A runtime for frames built outside a job run (tests, exploration).
    static func standalone() -> FrameRuntime { FrameRuntime(parallelism: 1) }

    /// Runs a compiled pipeline to its end, stopping when the run is told to stop.
    ///
    /// - Throws: the first error of any stage; `OperationTimeoutException` when the run was stopped.
    func run(_ pipeline: Pipeline) throws(GlueError) -> PipelineResult {
        if let control, control.isStopped {
            throw GlueError(.operationTimeout, "The run was stopped before this action.")
        }
        let stop = StopToken()
        let result = try pipeline.run(stop: stop)
        record(result)
        if let control, control.isStopped {
            throw GlueError(.operationTimeout, "The run was stopped.")
        }
        return result
    }

    /// Compiles `plan` with `sink` after it, runs it, and records the error records of the
    /// stages and of the sources' rejected rows.
    ///
    /// - Throws: as ``run(_:)``.
    func execute(_ plan: FramePlan, sink: some BatchOperator, name: String) throws(GlueError) -> PipelineResult {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: parallelism))
        var compiled: [ObjectIdentifier: Pipeline.NodeID] = [:]
        var sources: [any BatchSource] = []
        let output = try plan.compile(into: &pipeline, compiled: &compiled, sources: &sources)
        try pipeline.add(sink, inputs: [output], name: name)
        let result = try run(pipeline)
        for case let scan as S3FileScan in sources {
            let rejected = scan.errorRecords
            recordSourceErrors(rejected.kept, count: rejected.count, stage: rejected.kept.first?.stage ?? scan.explainName)
        }
        return result
    }

    func record(_ result: PipelineResult) {
        errors.withLock { errors in
            errors.count += result.errorCount
            errors.kept.append(contentsOf: result.errorRecords.prefix(max(0, 1_000 - errors.kept.count)))
            for metric in result.metrics where metric.errorRecords > 0 {
                errors.byStage[metric.name, default: 0] += metric.errorRecords
            }
        }
    }

    func recordSourceErrors(_ records: [ErrorRecord], count: Int, stage: String) {
        guard count > 0 else { return }
        errors.withLock { errors in
            errors.count += count
            errors.kept.append(contentsOf: records.prefix(max(0, 1_000 - errors.kept.count)))
            errors.byStage[stage, default: 0] += count
        }
    }

    /// The error records of every action so far.
    var errorRecords: (kept: [ErrorRecord], count: Int, byStage: [String: Int]) {
        errors.withLock { ($0.kept, $0.count, $0.byStage) }
    }
}
