import ArgumentParser
import Foundation
import GlueCore
import GlueJobs

/// `localglue glue start-job-run`. Mirrors Glue `StartJobRun`: records the run and returns its ID at
/// once; a background `localglue` process executes it (watch it with `get-job-run`).
struct StartJobRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start-job-run", abstract: "Start a run of a job in the background (Glue StartJobRun).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(help: "Run arguments as JSON, e.g. '{\"--key\": \"value\"}'.")
    var arguments: String?

    @Option(help: "The run timeout in minutes (overrides the job's).")
    var timeout: Int?

    @Option(name: .customLong("job-run-id"), help: "A previous run to retry (becomes PreviousRunId).")
    var jobRunID: String?

    struct Output: Encodable { var JobRunId: String }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let runArguments = try arguments.map { try ParameterInput.decode([String: String].self, from: $0, option: "--arguments") } ?? [:]
        let runner = try lake.jobRunner()
        let runID: String
        do {
            _ = try runner.store.getJob(named: jobName)
            let worker = try RunWorkerProcess.spawn(lake: lake, jobName: jobName)
            do {
                let run = try runner.startJobRun(
                    jobName: jobName, arguments: runArguments, timeout: timeout, previousRunId: jobRunID,
                    owner: worker.identity)
                try worker.hand(run.id)
                runID = run.id
            } catch {
                worker.cancel()
                throw error
            }
        } catch let error as GlueError {
            throw error.during("StartJobRun")
        }
        try OutputPrinter(format: global.output).print(Output(JobRunId: runID))
    }
}

/// The background process that executes a run started with `start-job-run` (hidden).
struct JobRunWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-job-run-worker", abstract: "Execute a recorded job run.", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name")) var jobName: String

    func run() async throws {
        signal(SIGHUP, SIG_IGN)
        // The starting command sends the run ID once the run is recorded with this process as owner.
        guard let line = readLine(strippingNewline: true), line.hasPrefix("jr_") else { return }
        let lake = try LakeContext.open(global)
        let runner = try lake.jobRunner()
        let run = try runner.store.getJobRun(jobName: jobName, runId: line)
        let log = RunLog(lake: lake, jobName: jobName, runID: run.id)
        // Every state change, the last one included, goes to the driver log.
        _ = await runner.execute(run) { log.record($0) }
    }
}

/// A `localglue` child process that will execute one run.
struct RunWorkerProcess {
    let process: Process
    let input: Pipe
    let identity: ProcessIdentity

    static func spawn(lake: LakeContext, jobName: String) throws -> RunWorkerProcess {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let process = Process()
        process.executableURL = executable
        process.arguments = ["glue", "run-job-run-worker", "--job-name", jobName, "--lake", lake.root.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ConfigurationError("Cannot start a background localglue process (\(executable.path)): \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        return RunWorkerProcess(process: process, input: input, identity: ProcessIdentity(runningProcess: pid))
    }

    func hand(_ runID: String) throws {
        input.fileHandleForWriting.write(Data((runID + "\n").utf8))
        try? input.fileHandleForWriting.close()
    }

    func cancel() {
        try? input.fileHandleForWriting.close()
        process.terminate()
    }
}

/// `localglue glue get-job-run`. Mirrors Glue `GetJobRun`.
struct GetJobRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-job-run", abstract: "Show a job run (Glue GetJobRun).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(name: .customLong("run-id"), help: "The run.")
    var runID: String

    struct Output: Encodable { var JobRun: JobRun }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let run = try lake.jobStore().getJobRun(jobName: jobName, runId: runID)
        try OutputPrinter(format: global.output).print(Output(JobRun: run))
    }
}

/// `localglue glue get-job-runs`. Mirrors Glue `GetJobRuns` (newest first).
struct GetJobRuns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-job-runs", abstract: "List the runs of a job, newest first (Glue GetJobRuns).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(name: .customLong("max-results"), help: "At most this many runs (1-200).")
    var maxResults: Int?

    @Option(name: .customLong("next-token"), help: "The token of the next page.")
    var nextToken: String?

    struct Output: Encodable {
        var JobRuns: [JobRun]
        var NextToken: String?
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let page = try lake.jobStore().getJobRuns(jobName: jobName, maxResults: maxResults, nextToken: nextToken)
        try OutputPrinter(format: global.output).print(Output(JobRuns: page.runs, NextToken: page.nextToken))
    }
}

/// `localglue glue batch-stop-job-run`. Mirrors Glue `BatchStopJobRun`.
struct BatchStopJobRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-stop-job-run", abstract: "Stop job runs (Glue BatchStopJobRun).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(name: .customLong("job-run-ids"), parsing: .upToNextOption, help: "The runs to stop (1-25).")
    var jobRunIDs: [String]

    struct Submission: Encodable {
        var JobName: String
        var JobRunId: String
    }

    struct ErrorDetail: Encodable {
        var ErrorCode: String
        var ErrorMessage: String
    }

    struct Failure: Encodable {
        var JobName: String
        var JobRunId: String
        var ErrorDetail: ErrorDetail
    }

    struct Output: Encodable {
        var SuccessfulSubmissions: [Submission]
        var Errors: [Failure]
    }

    func validate() throws {
        guard (1...25).contains(jobRunIDs.count) else { throw ValidationError("--job-run-ids takes 1 to 25 run IDs.") }
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let store = try lake.jobStore()
        var output = Output(SuccessfulSubmissions: [], Errors: [])
        for runID in jobRunIDs {
            do {
                try store.requestStop(jobName: jobName, runId: runID)
                output.SuccessfulSubmissions.append(Submission(JobName: jobName, JobRunId: runID))
            } catch {
                output.Errors.append(Failure(JobName: jobName, JobRunId: runID, ErrorDetail: ErrorDetail(ErrorCode: error.code.rawValue, ErrorMessage: error.message)))
            }
        }
        try OutputPrinter(format: global.output).print(output)
    }
}
