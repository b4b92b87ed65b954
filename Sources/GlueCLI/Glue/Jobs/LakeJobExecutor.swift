import Foundation
import GlueCatalog
import GlueCore
import GlueIAM
import GlueJobs
import GlueStorage

/// Executes the lake's job runs over the lake's buckets: visual jobs with the graph executor,
/// Swift jobs (`swift:NAME`) registered in ``SwiftJobRegistry/shared`` with their body.
struct LakeJobExecutor: JobExecutor {
    let lake: LakeContext

    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        let lake = self.lake
        let environment = ExecutionEnvironment(
            objectStore: { job throws(GlueError) in try lake.jobObjectStore(role: job.role) },
            temporaryFolder: lake.root.appendingPathComponent("tmp", isDirectory: true),
            logFolder: { jobName, runID in lake.runLogFolder(jobName: jobName, runID: runID) },
            catalog: { job throws(GlueError) in try lake.jobCatalogStore(role: job.role) })
        return try await SwiftJobExecutor(environment: environment, registry: .shared).execute(request, control: control)
    }
}

extension LakeContext {
    /// The object store a job run uses: the lake's buckets as the session
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/GlueJobRunnerSession`, after the role's trust policy
    /// let `glue.amazonaws.com` assume it (as Glue does when a run starts).
    ///
    /// - Throws: `AccessDeniedException` with Glue's message when the trust policy does not allow
    ///   Glue; `NoSuchEntity` when the role does not exist.
    func jobObjectStore(role: String) throws(GlueError) -> any ObjectStore {
        let caller = try jobCaller(role: role)
        let kmsKeys = try KMSKeyStore(database: database, account: configuration.accountID, region: configuration.region)
        return PolicyEnforcingObjectStore(wrapping: try objectStore(), caller: caller, kmsKeys: kmsKeys)
    }

    /// The Data Catalog a job run uses: the lake's catalog, every call authorized as the run's
    /// session (`glue:GetTable`, `glue:GetPartitions`, `glue:BatchCreatePartition`, ...).
    ///
    /// - Throws: as ``jobObjectStore(role:)``; `InternalServiceException` when the catalog's
    ///   tables cannot be prepared.
    func jobCatalogStore(role: String) throws(GlueError) -> any CatalogStore {
        let caller = try jobCaller(role: role)
        let base = try SQLiteCatalogStore(writer: database, catalogId: configuration.accountID.rawValue)
        return PolicyCheckingCatalogStore(base: base, caller: caller, region: configuration.region)
    }

    /// The run's principal: the role's `GlueJobRunnerSession`, once the role's trust policy let
    /// `glue.amazonaws.com` assume it.
    func jobCaller(role: String) throws(GlueError) -> CallerIdentity {
        do {
            let iam = try SQLiteIAMStore(database: database, accountID: configuration.accountID.rawValue)
            return try iam.assumeRole(
                roleName: SQLiteIAMStore.roleName(fromNameOrARN: role), servicePrincipal: "glue.amazonaws.com",
                sessionName: "GlueJobRunnerSession")
        } catch where error.code == .accessDenied {
            throw GlueError(
                .accessDeniedException,
                "Service is unable to assume provided role. Please verify role's TrustPolicy (\(error.message))")
        }
    }

    /// The lake's buckets as an object store.
    ///
    /// - Throws: `InternalError` when the buckets folder or the bucket registry cannot be prepared.
    func objectStore() throws(GlueError) -> LocalFileSystemObjectStore {
        try LocalFileSystemObjectStore(lakeDirectory: root.path, database: database, account: configuration.accountID)
    }
}
