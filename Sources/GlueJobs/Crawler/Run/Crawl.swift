import Foundation
import GlueCatalog
import GlueCore
import GlueStorage

/// One crawl of a crawler's S3 targets into its database.
///
/// The crawl first lists and classifies every object (through the role's object store), then
/// plans tables and partitions (``CrawlerPlanner``), then writes the catalog (through the role's
/// catalog) following the `SchemaChangePolicy`, the `RecrawlPolicy` and the `Configuration`. An
/// error while reading (such as `AccessDenied`) fails the crawl before anything is written.
public enum Crawl {
    /// Marks a crawl that `StopCrawler` ended.
    static let cancelled = GlueError.Code("CrawlCancelled")

    /// Runs one crawl.
    ///
    /// - Parameter previouslyCrawled: folders earlier crawls read (used with `CRAWL_NEW_FOLDERS_ONLY`).
    /// - Throws: the first error reading the targets or writing the catalog; `CrawlCancelled`
    ///   when stopped.
    public static func run(
        _ definition: CrawlerDefinition, environment: CrawlEnvironment, previouslyCrawled: Set<String> = []
    ) throws(GlueError) -> CrawlOutcome {
        guard !definition.targets.hasUnsupportedTargets else {
            throw GlueError(.unsupportedFeature, "LocalGlue crawls S3 targets only; JDBC, MongoDB, DynamoDB, Catalog, Delta, Iceberg and Hudi targets are not crawled.")
        }
        let configuration = try definition.parsedConfiguration()
        let newFoldersOnly = definition.recrawlPolicy?.crawlsNewFoldersOnly == true
        let database = definition.effectiveDatabaseName
        _ = try environment.catalog.getDatabase(GetDatabaseRequest(name: database))

        var outcome = CrawlOutcome()
        var planned: [PlannedTable] = []
        var writer = CrawlerCatalogWriter(definition: definition, configuration: configuration, environment: environment)
        for target in definition.targets.s3Targets ?? [] {
            let root = try S3Location(parsing: target.path ?? "")
            let prefix = root.key.isEmpty || root.key.hasSuffix("/") ? root.key : root.key + "/"
            var files: [CrawledFile] = []
            for object in try listObjects(root.bucket, prefix: prefix, target: target, store: environment.objectStore) {
                if environment.isStopRequested() { throw GlueError(cancelled, "The crawl was stopped.") }
                let folder = "s3://\(object.bucket)/" + object.key[..<(object.key.lastIndex(of: "/").map { object.key.index(after: $0) } ?? object.key.startIndex)]
                outcome.crawledFolders.append(folder)
                if newFoldersOnly && previouslyCrawled.contains(folder) { continue }
                let relative = object.key.dropFirst(prefix.count).split(separator: "/").map(String.init)
                let file = try CrawlerClassifier.classify(
                    object, folders: Array(relative.dropLast()), store: environment.objectStore, log: environment.log)
                environment.log("Classified \(object.location) as \(file.classification)")
                files.append(file)
            }
            if newFoldersOnly {
                files = try writer.attachToExistingTables(files, root: root.bucket, prefix: prefix, database: database)
            }
            let planner = CrawlerPlanner(
                bucket: root.bucket, rootSegments: prefix.split(separator: "/").map(String.init),
                tablePrefix: definition.tablePrefix ?? "", configuration: configuration)
            planned += planner.plan(files)
        }
        outcome.crawledFolders = Array(Set(outcome.crawledFolders)).sorted()
        try writer.write(planned, database: database, outcome: &outcome, detectDeletions: !newFoldersOnly)
        return outcome
    }

    /// The objects of one S3 target: below the include path, not hidden (`_` or `.` names), not
    /// excluded, at most `SampleSize` per folder.
    static func listObjects(_ bucket: String, prefix: String, target: S3Target, store: any ObjectStore) throws(GlueError) -> [S3ObjectReference] {
        let exclusions = (target.exclusions ?? []).map(CrawlerExclusion.init)
        var result: [S3ObjectReference] = []
        var perFolder: [Substring: Int] = [:]
        var token: String? = nil
        repeat {
            let page = try store.listObjectsV2(bucket: bucket, request: ListObjectsV2Request(prefix: prefix, continuationToken: token))
            for object in page.contents {
                let relative = String(object.key.dropFirst(prefix.count))
                guard !relative.isEmpty, !relative.hasSuffix("/"),
                    !relative.split(separator: "/").contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }),
                    !exclusions.contains(where: { $0.matches(relative) })
                else { continue }
                let folder = relative[..<(relative.lastIndex(of: "/") ?? relative.startIndex)]
                if let sampleSize = target.sampleSize {
                    guard perFolder[folder, default: 0] < sampleSize else { continue }
                    perFolder[folder, default: 0] += 1
                }
                result.append(S3ObjectReference(bucket: bucket, key: object.key, size: object.size, lastModified: object.lastModified))
            }
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return result
    }
}
