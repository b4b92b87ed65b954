import Foundation
import GRDB
import GlueCatalog
import GlueColumnar
import GlueCore
import GlueIAM
import GlueJobs
import GlueStorage

/// A whole lake in memory, made in one line: S3 buckets, the Data Catalog, IAM with a job role,
/// and the job store, for tests that run real jobs in milliseconds.
///
/// ```swift
/// let lake = try InMemoryLake(buckets: ["raw", "curated"])
/// try lake.putObject("s3://raw/orders/2024.csv", "order_id,amount\n1,9.5\n")
/// let run = try await lake.run(ordersJob, arguments: ["--input": "s3://raw/orders/", "--output": "s3://curated/orders/"])
/// #expect(run.jobRunState == .succeeded)
/// ```
///
/// Jobs run exactly as in a lake on disk: the runner assumes the job's role as
/// `glue.amazonaws.com` (its trust policy must allow it), every object call is authorized with
/// the role's policies, outputs are staged and published only when the run succeeds, and
/// bookmarks are kept in the job store.
public final class InMemoryLake: Sendable {
    /// The role jobs run as unless they name another (`glue-test-job-role`).
    public static let defaultRoleName = "glue-test-job-role"
    /// A policy allowing every S3 and Glue action, the default job role's only policy.
    public static let allowAllPolicy = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "glue:*"], "Resource": "*"}]}
        """
    /// The trust policy that lets Glue assume a role.
    public static let glueTrustPolicy = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """

    /// The account that owns everything (`123456789012`).
    public let accountID: AccountID
    /// The region of ARNs and policy conditions (`us-east-1`).
    public let region = "us-east-1"
    /// The buckets, unguarded (what an administrator sees; jobs see them through their role).
    public let objectStore: InMemoryObjectStore
    /// The one in-memory database behind IAM, the catalog and the jobs.
    public let database: DatabaseQueue
    /// Roles and policies.
    public let iam: SQLiteIAMStore
    /// The Data Catalog.
    public let catalog: SQLiteCatalogStore
    /// Jobs, runs and bookmarks.
    public let jobs: JobStore
    /// The Swift jobs this lake's runner can execute (``run(_:jobName:role:arguments:)`` adds to it).
    public let swiftJobs: SwiftJobRegistry
    /// Where runs stage their temporary files (removed by each run).
    public let temporaryFolder: URL
    /// The pipeline workers per action (1 by default: deterministic order, fastest for tiny data).
    public let parallelism: Int

    /// Creates the lake with its buckets and the role ``defaultRoleName`` (trusting Glue, allowed
    /// `rolePolicy`).
    ///
    /// - Parameters:
    ///   - buckets: buckets to create.
    ///   - rolePolicy: the default role's inline policy (default: every S3 and Glue action).
    /// - Throws: `InvalidBucketName`, `MalformedPolicyDocument`, `InternalServiceException`.
    public init(buckets: [String] = [], rolePolicy: String = InMemoryLake.allowAllPolicy, parallelism: Int = 1) throws(GlueError) {
        accountID = .default
        objectStore = InMemoryObjectStore(account: accountID)
        do {
            database = try DatabaseQueue()
        } catch {
            throw GlueError(.internalService, "Cannot open an in-memory database: \(error)")
        }
        iam = try SQLiteIAMStore(database: database, accountID: accountID.rawValue)
        catalog = try SQLiteCatalogStore(writer: database, catalogId: accountID.rawValue)
        jobs = try JobStore(database: database)
        swiftJobs = SwiftJobRegistry()
        temporaryFolder = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-testing-\(UUID().uuidString)", isDirectory: true)
        self.parallelism = max(1, parallelism)
        try createRole(Self.defaultRoleName, policy: rolePolicy)
        for bucket in buckets { try createBucket(bucket) }
    }

    deinit {
        // Runs remove their own folders; this removes the lake's (empty) parent folder.
        try? FileManager.default.removeItem(at: temporaryFolder)
    }

    /// Creates a role Glue may assume, with one inline policy (`policy`, if given).
    ///
    /// - Throws: `EntityAlreadyExists`, `MalformedPolicyDocument`.
    public func createRole(_ roleName: String, policy: String?, trustPolicy: String = InMemoryLake.glueTrustPolicy) throws(GlueError) {
        try iam.createRole(roleName: roleName, assumeRolePolicyDocument: trustPolicy)
        if let policy { try iam.putRolePolicy(roleName: roleName, policyName: "\(roleName)-policy", policyDocument: policy) }
    }

    /// Creates a bucket.
    ///
    /// - Throws: `InvalidBucketName`, `BucketAlreadyOwnedByYou`.
    public func createBucket(_ bucket: String) throws(GlueError) {
        try objectStore.createBucket(bucket, options: CreateBucketOptions())
    }

    /// Writes an object (`s3://bucket/key`), creating its bucket when missing.
    ///
    /// - Throws: `InvalidArgument` for a bad location or key.
    public func putObject(_ uri: String, _ text: String) throws(GlueError) {
        try putObject(uri, bytes: Array(text.utf8))
    }

    /// Writes an object's bytes (`s3://bucket/key`), creating its bucket when missing.
    ///
    /// - Throws: `InvalidArgument` for a bad location or key.
    public func putObject(_ uri: String, bytes: [UInt8]) throws(GlueError) {
        let location = try S3Location(parsing: uri)
        if (try? objectStore.bucketInfo(location.bucket)) == nil { try createBucket(location.bucket) }
        try objectStore.putObject(bucket: location.bucket, key: location.key, bytes: bytes)
    }

    /// An object's text.
    ///
    /// - Throws: `NoSuchBucket`, `NoSuchKey`.
    public func objectText(_ uri: String) throws(GlueError) -> String {
        let location = try S3Location(parsing: uri)
        return String(decoding: try objectStore.getObjectBytes(bucket: location.bucket, key: location.key).body, as: UTF8.self)
    }

    /// The keys under a prefix (`s3://bucket/prefix`), sorted, recursively.
    ///
    /// - Throws: `NoSuchBucket`.
    public func keys(under uri: String) throws(GlueError) -> [String] {
        try S3ObjectListing.objects(in: objectStore, paths: [uri], recurse: true).map(\.key).sorted()
    }

    // MARK: - Running jobs

    /// The runner of this lake's jobs: Swift jobs from ``swiftJobs``, visual jobs with the graph
    /// executor, as the job's role.
    public var runner: JobRunner {
        let objectStore = self.objectStore
        let iam = self.iam
        let catalog = self.catalog
        let region = self.region
        let environment = ExecutionEnvironment(
            objectStore: { job throws(GlueError) in try InMemoryLake.roleStore(objectStore, iam: iam, role: job.role) },
            temporaryFolder: temporaryFolder, parallelism: parallelism,
            catalog: { job throws(GlueError) in
                PolicyCheckingCatalogStore(base: catalog, caller: try InMemoryLake.jobCaller(iam: iam, role: job.role), region: region)
            })
        return JobRunner(store: jobs, executor: SwiftJobExecutor(environment: environment, registry: swiftJobs))
    }

    /// `objectStore` as the session `assumed-role/ROLE/GlueJobRunnerSession`, after the role's
    /// trust policy let `glue.amazonaws.com` assume it (the lake on disk does the same).
    static func roleStore(_ objectStore: any ObjectStore, iam: SQLiteIAMStore, role: String) throws(GlueError) -> any ObjectStore {
        PolicyEnforcingObjectStore(wrapping: objectStore, caller: try jobCaller(iam: iam, role: role))
    }

    /// The run's principal: the role's `GlueJobRunnerSession`, once its trust policy let
    /// `glue.amazonaws.com` assume it.
    static func jobCaller(iam: SQLiteIAMStore, role: String) throws(GlueError) -> CallerIdentity {
        do {
            return try iam.assumeRole(
                roleName: SQLiteIAMStore.roleName(fromNameOrARN: role), servicePrincipal: "glue.amazonaws.com", sessionName: "GlueJobRunnerSession")
        } catch where error.code == .accessDenied {
            throw GlueError(.accessDeniedException, "Service is unable to assume provided role. Please verify role's TrustPolicy (\(error.message))")
        }
    }

    /// Creates (or replaces) a job and runs it to its end. Mirrors `CreateJob`/`UpdateJob` then
    /// `StartJobRun` and waiting for the run.
    ///
    /// - Returns: the finished run (look at `jobRunState` and `errorMessage`).
    /// - Throws: what `StartJobRun` throws (`InvalidInputException`, ...); failures of the run
    ///   itself are in the returned run.
    @discardableResult
    public func run(_ definition: JobDefinition, arguments: [String: String] = [:]) async throws(GlueError) -> JobRun {
        if (try? jobs.getJob(named: definition.name)) != nil {
            try jobs.updateJob(named: definition.name, with: definition)
        } else {
            try jobs.createJob(definition)
        }
        let runner = self.runner
        let started = try runner.startJobRun(jobName: definition.name, arguments: arguments)
        return await runner.execute(started)
    }

    /// Runs a job given as its CreateJob JSON (`aws glue create-job --cli-input-json`); a job
    /// without `Role` runs as ``defaultRoleName``.
    ///
    /// - Throws: `InvalidInputException` for JSON that is not a job definition, and as ``run(_:arguments:)``.
    @discardableResult
    public func run(jobJSON: String, arguments: [String: String] = [:]) async throws(GlueError) -> JobRun {
        guard let data = jobJSON.data(using: .utf8), var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw GlueError(.invalidInput, "The job JSON is not a JSON object.")
        }
        if object["Role"] == nil { object["Role"] = Self.defaultRoleName }
        guard let completed = try? JSONSerialization.data(withJSONObject: object) else {
            throw GlueError(.invalidInput, "The job JSON cannot be re-encoded.")
        }
        return try await run(try JobDefinition.decode(json: completed), arguments: arguments)
    }

    /// Registers a Swift job and runs it as the job `jobName` (default: the Swift job's name).
    ///
    /// - Parameters:
    ///   - role: the role the run assumes (default ``defaultRoleName``).
    ///   - arguments: the run's arguments (`--input`, `--job-bookmark-option`, ...).
    ///   - defaultArguments: the job's `DefaultArguments`.
    /// - Throws: as ``run(_:arguments:)``.
    @discardableResult
    public func run(
        _ job: SwiftJob, jobName: String? = nil, role: String = InMemoryLake.defaultRoleName, arguments: [String: String] = [:],
        defaultArguments: [String: String]? = nil
    ) async throws(GlueError) -> JobRun {
        swiftJobs.register(job)
        var definition = JobDefinition(name: jobName ?? job.name, role: role, command: JobCommand(name: "glueetl", scriptLocation: job.scriptLocation))
        definition.defaultArguments = defaultArguments
        return try await run(definition, arguments: arguments)
    }
}
