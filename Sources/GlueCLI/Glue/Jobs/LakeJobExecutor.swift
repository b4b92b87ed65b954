import Foundation
import GlueCore
import GlueJobs
import GlueStorage

/// Executes the lake's job runs with the graph executor, over the lake's buckets.
struct LakeJobExecutor: JobExecutor {
    let lake: LakeContext

    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        let lake = self.lake
        let environment = ExecutionEnvironment(
            objectStore: { _ throws(GlueError) in try lake.objectStore() },
            temporaryFolder: lake.root.appendingPathComponent("tmp", isDirectory: true),
            logFolder: { jobName, runID in lake.runLogFolder(jobName: jobName, runID: runID) })
        return try await GraphExecutor(environment: environment).execute(request, control: control)
    }
}

extension LakeContext {
    /// The lake's buckets as an object store.
    ///
    /// - Throws: `InternalError` when the buckets folder or the bucket registry cannot be prepared.
    func objectStore() throws(GlueError) -> LocalFileSystemObjectStore {
        try LocalFileSystemObjectStore(lakeDirectory: root.path, database: database, account: configuration.accountID)
    }
}
