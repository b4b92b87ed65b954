import ArgumentParser

extension GlueService {
    /// The job and job-run commands.
    static let jobCommands: [any ParsableCommand.Type] = [
        CreateJob.self, UpdateJob.self, GetJob.self, GetJobs.self, ListJobs.self, DeleteJob.self,
        StartJobRun.self, GetJobRun.self, GetJobRuns.self, BatchStopJobRun.self, GetJobBookmark.self, ResetJobBookmark.self,
        JobRunWorker.self,
    ]
}
