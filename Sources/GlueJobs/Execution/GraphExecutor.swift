import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueStorage
import GlueTransforms

/// Runs a visual job's node graph on the columnar pipeline: S3 and catalog sources read through
/// the run's policy-enforcing object store, Glue's transforms as batch operators, and targets
/// that stage their files for the runner to publish when the whole run succeeded.
public struct GraphExecutor: JobExecutor {
    /// The lake's side of the run.
    public let environment: ExecutionEnvironment

    /// Creates an executor.
    public init(environment: ExecutionEnvironment) { self.environment = environment }

    public func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        guard let graph = request.graph else {
            throw GlueError(
                .invalidInput,
                "Job \(request.job.name) is a script job (Command.ScriptLocation \(request.job.command.scriptLocation ?? "unset")); LocalGlue runs visual jobs (CodeGenConfigurationNodes) and Swift jobs, not Python or Scala scripts.")
        }
        let store = try environment.objectStore(request.job)
        let outputs = RunOutputs(store: store, temporaryFolder: environment.temporaryFolder.appendingPathComponent(request.runID, isDirectory: true))
        var compiler = GraphCompiler(
            graph: graph, request: request, store: store, outputs: outputs, control: control,
            options: ExecutionOptions(parallelism: environment.parallelism),
            catalog: environment.catalog)
        compiler.joinMemoryBudget = environment.joinMemoryBudget
        let stop = StopToken()
        let result: PipelineResult
        do {
            let pipeline = try compiler.compile()
            // The runner's watchdog flips the control from its own thread; the pipeline's
            // workers see the stop token between batches.
            control.onStop { reason in
                stop.stop(GlueError(.operationTimeout, reason == .timeout ? "The run exceeded its timeout." : "The run was stopped."))
            }
            var finished = try await pipeline.run(stop: stop)
            // Rows the sources rejected count as the sources' error records.
            for scan in compiler.scans {
                let rejected = scan.errorRecords
                finished.errorRecords += rejected.kept
                if let index = finished.metrics.firstIndex(where: { $0.name == rejected.kept.first?.stage }) {
                    finished.metrics[index].errorRecords += rejected.count
                }
            }
            result = finished
            try checkThresholds(result, arguments: request.arguments)
        } catch {
            outputs.abort()
            throw error
        }
        writeErrorRecords(result, request: request)
        if control.isStopped {
            outputs.abort()
            throw GlueError(.operationTimeout, "The run was stopped before it finished.")
        }
        let metrics = graph.order.compactMap { nodeID -> NodeMetrics? in
            guard let node = graph.nodes[nodeID] else { return nil }
            let stages = result.metrics.filter { $0.name == nodeID || $0.name.hasPrefix(nodeID + "/") }
            guard !stages.isEmpty else { return nil }
            let busy = stages.reduce(Duration.zero) { $0 + $1.busy }
            return NodeMetrics(
                nodeId: nodeID, nodeType: node.typeName,
                rowsIn: stages.first?.rowsIn ?? 0, rowsOut: stages.last?.rowsOut ?? 0,
                bytesIn: stages.first?.bytesIn ?? 0, bytesOut: stages.last?.bytesOut ?? 0,
                errorRecords: stages.reduce(0) { $0 + $1.errorRecords },
                seconds: Double(busy.components.seconds) + Double(busy.components.attoseconds) / 1e18)
        }
        return JobExecutionResult(nodeMetrics: metrics, outputs: outputs)
    }

    /// Glue's error thresholds, as run arguments: `--stageThreshold N` fails the run when one node
    /// produced more than N error records, `--totalThreshold N` when all nodes together did.
    /// Absent or 0 means never fail because of error records (Glue's default).
    func checkThresholds(_ result: PipelineResult, arguments: JobArguments) throws(GlueError) {
        if let limit = try arguments.count("--stageThreshold"), limit > 0,
            let stage = result.metrics.first(where: { $0.errorRecords > limit })
        {
            throw GlueError(
                .invalidData,
                "Node \(stage.name) produced \(stage.errorRecords) error records, more than --stageThreshold \(limit).")
        }
        if let limit = try arguments.count("--totalThreshold"), limit > 0, result.errorCount > limit {
            throw GlueError(.invalidData, "The run produced \(result.errorCount) error records, more than --totalThreshold \(limit).")
        }
    }

    /// Writes the run's error records (with their reasons) as JSON Lines beside its logs.
    func writeErrorRecords(_ result: PipelineResult, request: JobExecutionRequest) {
        guard !result.errorRecords.isEmpty, let folder = environment.logFolder(request.job.name, request.runID) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = ""
        for record in result.errorRecords {
            let object: [String: String] = ["node": record.stage, "reason": record.message, "record": record.record]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        try? Data(text.utf8).write(to: folder.appendingPathComponent("error-records.jsonl"))
    }
}
