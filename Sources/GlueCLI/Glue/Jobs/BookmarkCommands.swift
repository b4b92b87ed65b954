import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue get-job-bookmark`. Mirrors Glue `GetJobBookmark`.
struct GetJobBookmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-job-bookmark", abstract: "Show a job's bookmark (Glue GetJobBookmark).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(name: .customLong("run-id"), help: "Accepted for compatibility; the current bookmark is shown.")
    var runID: String?

    struct Output: Encodable { var JobBookmarkEntry: JobBookmarkEntry }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let entry = try lake.jobStore().getJobBookmark(jobName: jobName)
        try OutputPrinter(format: global.output).print(Output(JobBookmarkEntry: entry))
    }
}

/// `localglue glue reset-job-bookmark`. Mirrors Glue `ResetJobBookmark`: all state, or back to the
/// state a run committed.
struct ResetJobBookmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset-job-bookmark", abstract: "Reset a job's bookmark, or rewind it to a run (Glue ResetJobBookmark).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("job-name"), help: "The job.")
    var jobName: String

    @Option(name: .customLong("run-id"), help: "Rewind to the state this run committed.")
    var runID: String?

    struct Output: Encodable { var JobBookmarkEntry: JobBookmarkEntry }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let entry = try lake.jobStore().resetJobBookmark(jobName: jobName, runId: runID)
        try OutputPrinter(format: global.output).print(Output(JobBookmarkEntry: entry))
    }
}
