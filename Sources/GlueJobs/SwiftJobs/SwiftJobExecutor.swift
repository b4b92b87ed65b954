import Foundation
import GlueCatalog
import GlueCore
import GlueTransforms

/// Runs the lake's jobs: Swift jobs (`Command.ScriptLocation` `swift:NAME`, or a
/// `--scriptLocation` argument) with their registered body, and every other job with the
/// ``GraphExecutor``. Both get the same role-scoped object store, staging and bookmarks from the
/// runner, so a Swift job is held to the same policies as a visual one.
public struct SwiftJobExecutor: JobExecutor {
    /// The lake's side of the run.
    public let environment: ExecutionEnvironment
    /// The Swift jobs this process can run.
    public let registry: SwiftJobRegistry

    /// Creates an executor.
    public init(environment: ExecutionEnvironment, registry: SwiftJobRegistry = .shared) {
        self.environment = environment
        self.registry = registry
    }

    public func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        let location = request.arguments["--scriptLocation"] ?? request.job.command.scriptLocation
        guard let name = SwiftJob.name(fromScriptLocation: location) else {
            return try await GraphExecutor(environment: environment).execute(request, control: control)
        }
        guard let swiftJob = registry.job(named: name) else {
            let known = registry.names
            throw GlueError(
                .entityNotFound,
                "Swift job \(name) is not part of this program (\(known.isEmpty ? "it has no Swift jobs" : "it has " + known.joined(separator: ", "))). Run the job with the localglue your package builds, which registers its jobs (see README, \"Jobs written in Swift\").")
        }
        let store = try environment.objectStore(request.job)
        let outputs = RunOutputs(store: store, temporaryFolder: environment.temporaryFolder.appendingPathComponent(request.runID, isDirectory: true))
        let job = request.job
        var catalog: LazyCatalog? = nil
        if let provider = environment.catalog {
            catalog = LazyCatalog { () throws(GlueError) -> any CatalogStore in try provider(job) }
        }
        let context = GlueContext(
            request: request, store: store, outputs: outputs, control: control, parallelism: environment.parallelism, catalog: catalog,
            joinMemoryBudget: environment.joinMemoryBudget)
        let outcome: Result<Void, GlueError> = await withCheckedContinuation { continuation in
            // The body blocks (each action waits for its pipeline's Dispatch workers), so it gets a
            // thread of its own: never a thread of the Swift concurrency pool, nor one of
            // Dispatch's pool, whose workers the pipeline needs.
            let thread = Thread {
                do {
                    try swiftJob.body(context)
                    continuation.resume(returning: .success(()))
                } catch let error as GlueError {
                    continuation.resume(returning: .failure(error))
                } catch {
                    continuation.resume(returning: .failure(GlueError(.jobScriptFailed, "\(type(of: error)): \(error)")))
                }
            }
            thread.name = "localglue.swift-job.\(request.runID.prefix(11))"
            thread.stackSize = 8 << 20
            thread.start()
        }
        do throws(GlueError) {
            try outcome.get()
            if control.isStopped { throw GlueError(.operationTimeout, "The run was stopped before it finished.") }
            try checkThresholds(context)
        } catch {
            outputs.abort()
            throw error
        }
        writeErrorRecords(context, request: request)
        if !context.isCommitted { request.bookmarks.withhold() }
        return JobExecutionResult(nodeMetrics: [], outputs: outputs)
    }

    /// Glue's `--stageThreshold` and `--totalThreshold` over the error records of every action.
    func checkThresholds(_ context: GlueContext) throws(GlueError) {
        let errors = context.runtime.errorRecords
        if let limit = try context.arguments.count("--stageThreshold"), limit > 0,
            let (stage, count) = errors.byStage.sorted(by: { $0.key < $1.key }).first(where: { $0.value > limit })
        {
            throw GlueError(.invalidData, "\(stage) produced \(count) error records, more than --stageThreshold \(limit).")
        }
        if let limit = try context.arguments.count("--totalThreshold"), limit > 0, errors.count > limit {
            throw GlueError(.invalidData, "The run produced \(errors.count) error records, more than --totalThreshold \(limit).")
        }
    }

    /// Writes the run's error records as JSON Lines beside its logs, as the graph executor does.
    func writeErrorRecords(_ context: GlueContext, request: JobExecutionRequest) {
        let records = context.runtime.errorRecords.kept
        guard !records.isEmpty, let folder = environment.logFolder(request.job.name, request.runID) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = ""
        for record in records {
            let object: [String: String] = ["node": record.stage, "reason": record.message, "record": record.record]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        try? Data(text.utf8).write(to: folder.appendingPathComponent("error-records.jsonl"))
    }
}

extension GlueError.Code {
    /// A Swift job's body threw an error that is not a ``GlueError`` (LocalGlue's own code; Glue
    /// reports a failed script in the run's `ErrorMessage` the same way).
    public static let jobScriptFailed = Self("JobScriptFailed")
}
