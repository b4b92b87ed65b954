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
    func jobRunner() throws -> JobRunner {
        JobRunner(store: try jobStore(), executor: LakeJobExecutor(lake: self))
    }

    /// The folder of a run's driver and error logs: `logs/JOB/RUN/`.
    func runLogFolder(jobName: String, runID: String) -> URL {
        logsFolder.appendingPathComponent(jobName, isDirectory: true).appendingPathComponent(runID, isDirectory: true)
    }
}
