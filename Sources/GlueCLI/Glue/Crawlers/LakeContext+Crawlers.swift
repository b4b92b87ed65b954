import Foundation
import GlueCatalog
import GlueCore
import GlueIAM
import GlueJobs
import GlueStorage

extension LakeContext {
    /// The lake's crawler store.
    ///
    /// - Throws: `InternalServiceException` when its tables cannot be prepared.
    func crawlerStore() throws(GlueError) -> CrawlerStore {
        try CrawlerStore(database: database)
    }

    /// Authorizes a crawler API call (`glue:ACTION` on `arn:aws:glue:REGION:ACCOUNT:crawler/NAME`)
    /// for the caller of the command (the administrator, or the `--as-role` session).
    ///
    /// - Throws: `AccessDeniedException` with AWS's sentence.
    func authorizeCrawlerCall(_ operation: String, name: String?) throws {
        let caller = try catalogCaller()
        let account = configuration.accountID.rawValue
        let resource = ARN(service: "glue", region: configuration.region, account: account, resource: "crawler/\(name ?? "*")")
        let result = caller.authorize(action: "glue:\(operation)", resource: resource.description, resourceAccount: account, resourcePolicy: nil)
        guard result.decision.isAllowed else {
            throw GlueError(.accessDeniedException, result.denialMessage(), operation: operation)
        }
    }

    /// What a crawl of `definition` runs against: the lake's buckets and catalog as the session
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/AWS-Crawler`, after the role's trust policy let
    /// `glue.amazonaws.com` assume it; log lines go to `logs/crawlers/NAME.log`.
    ///
    /// - Throws: `AccessDeniedException` when the trust policy does not allow Glue;
    ///   `NoSuchEntity` when the role does not exist.
    func crawlEnvironment(_ definition: CrawlerDefinition) throws(GlueError) -> CrawlEnvironment {
        let caller: CallerIdentity
        do {
            let iam = try SQLiteIAMStore(database: database, accountID: configuration.accountID.rawValue)
            caller = try iam.assumeRole(
                roleName: SQLiteIAMStore.roleName(fromNameOrARN: definition.role), servicePrincipal: "glue.amazonaws.com",
                sessionName: "AWS-Crawler")
        } catch where error.code == .accessDenied {
            throw GlueError(
                .accessDeniedException,
                "Service is unable to assume provided role. Please verify role's TrustPolicy (\(error.message))")
        }
        let kmsKeys = try KMSKeyStore(database: database, account: configuration.accountID, region: configuration.region)
        let objects = PolicyEnforcingObjectStore(wrapping: try objectStore(), caller: caller, kmsKeys: kmsKeys)
        let base = try SQLiteCatalogStore(writer: database, catalogId: configuration.accountID.rawValue)
        let catalog = PolicyCheckingCatalogStore(base: base, caller: caller, region: configuration.region)
        let logFile = crawlerLogFile(name: definition.name)
        return CrawlEnvironment(objectStore: objects, catalog: catalog, log: { line in CrawlerLog.append(line, to: logFile) })
    }

    /// `logs/crawlers/NAME.log`: the crawler's log stream.
    func crawlerLogFile(name: String) -> URL {
        logsFolder.appendingPathComponent("crawlers", isDirectory: true).appendingPathComponent("\(name).log")
    }
}

/// Appends timestamped lines to a crawler's log file (best effort: a log that cannot be written
/// does not fail the crawl).
enum CrawlerLog {
    static func append(_ line: String, to file: URL) {
        let manager = FileManager.default
        try? manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = OutputPrinter.awsTimestamp(Date()) + " " + line + "\n"
        if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(text.utf8))
        } else {
            try? Data(text.utf8).write(to: file)
        }
    }
}
