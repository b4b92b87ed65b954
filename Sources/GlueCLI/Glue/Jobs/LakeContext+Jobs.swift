import Foundation
import GlueCore
import GlueJobs

extension LakeContext {
    /// The lake's job and run store.
    ///
    /// - Throws: `InternalServiceException` when its tables cannot be prepared.
    func jobStore() throws -> JobStore {
        try JobStore(database: database)
    }

    /// A runner for the lake's jobs, with the executor that runs their graphs here.
    ///
    /// For tests only: the environment variable `LOCALGLUE_TEST_MINUTE_MS` sets how many
    /// milliseconds one minute of a run's `Timeout` lasts (default 60000), so a test can watch a
    /// run time out without waiting a minute. It shortens timeouts; it never slows a run down.
    func jobRunner() throws -> JobRunner {
        var runner = JobRunner(store: try jobStore(), executor: LakeJobExecutor(lake: self))
        if let text = ProcessInfo.processInfo.environment[Self.testMinuteVariable], let milliseconds = Int(text), milliseconds > 0 {
            runner.minute = .milliseconds(milliseconds)
        }
        return runner
    }

    /// The test-only environment variable that sets the length of a `Timeout` minute in milliseconds.
    static let testMinuteVariable = "LOCALGLUE_TEST_MINUTE_MS"

    /// The folder of a run's driver and error logs: `logs/JOB/RUN/`.
    func runLogFolder(jobName: String, runID: String) -> URL {
        logsFolder.appendingPathComponent(jobName, isDirectory: true).appendingPathComponent(runID, isDirectory: true)
    }
}
