import ArgumentParser
import Foundation
import GlueColumnar
import GlueCore
import GlueJobs

/// `localglue run JOB.json`: creates or updates the job, runs it in the foreground with a progress
/// line, and prints the finished JobRun.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update a job from its CreateJob JSON, run it now, and print the JobRun.",
        discussion: "Exits 0 when the run SUCCEEDED and 254 otherwise, printing the run's ErrorMessage.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job definition: the JSON of `aws glue create-job --cli-input-json`.")
    var jobFile: String

    @Option(help: "Run arguments as JSON, e.g. '{\"--key\": \"value\"}'.")
    var arguments: String?

    struct Output: Encodable { var JobRun: JobRun }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let console = Console.current
        let text = try ParameterInput.text(jobFile.hasPrefix("file://") ? jobFile : "file://" + jobFile, option: "JOB.json")
        let definition = try JobDefinition.decode(json: Data(text.utf8))
        let runArguments = try arguments.map { try ParameterInput.decode([String: String].self, from: $0, option: "--arguments") } ?? [:]
        let runner = try lake.jobRunner()
        if (try? runner.store.getJob(named: definition.name)) != nil {
            try runner.store.updateJob(named: definition.name, with: definition)
        } else {
            try runner.store.createJob(definition)
        }
        let started = try runner.startJobRun(jobName: definition.name, arguments: runArguments)
        let log = RunLog(lake: lake, jobName: definition.name, runID: started.id)
        let interactive = console.isTerminal
        let finished = await runner.execute(started) { run in
            log.record(run)
            let line = "\(run.jobName) \(run.id.prefix(11))… attempt \(run.attempt): \(run.jobRunState.rawValue)"
            if interactive {
                console.printError("\u{1B}[2K\r" + line)
            } else {
                console.printError(line)
            }
        }
        try OutputPrinter(format: global.output).print(Output(JobRun: finished))
        if let metrics = finished.nodeMetrics, !metrics.isEmpty {
            console.printError(RecordBatch.formatTable(
                header: ["node", "type", "rows in", "rows out", "errors", "seconds"],
                rows: metrics.map { [$0.nodeId, $0.nodeType, String($0.rowsIn), String($0.rowsOut), String($0.errorRecords), String(format: "%.3f", $0.seconds)] }))
        }
        guard finished.jobRunState == .succeeded else {
            console.printError("Job run \(finished.id) \(finished.jobRunState.rawValue): \(finished.errorMessage ?? "no error message")")
            throw ExitCode(254)
        }
    }
}
