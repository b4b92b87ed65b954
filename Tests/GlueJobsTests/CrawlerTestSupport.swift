import Foundation
import GRDB
import GlueCatalog
import GlueCore
@testable import GlueJobs
import GlueStorage
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// An in-memory object store holding the sample buckets of `SampleData/buckets`.
func sampleBuckets() throws -> InMemoryObjectStore {
    let store = InMemoryObjectStore()
    let root = repositoryRoot.appendingPathComponent("SampleData/buckets")
    for bucket in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
        _ = try store.createBucket(bucket)
        let folder = root.appendingPathComponent(bucket)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
        for case let relative as String in walker {
            let url = folder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            try store.putObject(bucket: bucket, key: relative, bytes: Array(try Data(contentsOf: url)))
        }
    }
    return store
}

/// An in-memory catalog with the database `crawled`.
func crawlCatalog() throws -> SQLiteCatalogStore {
    let catalog = try SQLiteCatalogStore(writer: try DatabaseQueue())
    try catalog.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "crawled")))
    return catalog
}

/// A crawler definition over S3 include paths into `crawled`.
func crawler(
    _ name: String, _ paths: [String], exclusions: [String]? = nil, policy: SchemaChangePolicy? = nil,
    recrawl: RecrawlPolicy? = nil, configuration: String? = nil, prefix: String? = nil
) -> CrawlerDefinition {
    CrawlerDefinition(
        name: name, role: "crawler-role", databaseName: "crawled",
        targets: CrawlerTargets(s3Targets: paths.map { S3Target(path: $0, exclusions: exclusions) }), tablePrefix: prefix,
        schemaChangePolicy: policy, recrawlPolicy: recrawl, configuration: configuration)
}

/// Runs one crawl directly (no crawler store).
@discardableResult
func runCrawl(_ definition: CrawlerDefinition, store: any ObjectStore, catalog: any CatalogStore, previously: Set<String> = []) throws -> CrawlOutcome {
    try Crawl.run(definition, environment: CrawlEnvironment(objectStore: store, catalog: catalog), previouslyCrawled: previously)
}

func crawledTable(_ catalog: any CatalogStore, _ name: String) throws -> GlueCatalog.Table? {
    try catalog.getTable(GetTableRequest(databaseName: "crawled", name: name)).table
}

func tableNames(_ catalog: any CatalogStore) throws -> [String] {
    try (catalog.getTables(GetTablesRequest(databaseName: "crawled")).tableList ?? []).map(\.name).sorted()
}

func partitionValues(_ catalog: any CatalogStore, _ name: String) throws -> [[String]] {
    try (catalog.getPartitions(GetPartitionsRequest(databaseName: "crawled", tableName: name)).partitions ?? [])
        .compactMap(\.values).sorted { $0.lexicographicallyPrecedes($1) }
}
