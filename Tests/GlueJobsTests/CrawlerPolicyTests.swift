import Foundation
import GRDB
import GlueCatalog
import GlueCore
@testable import GlueJobs
import GlueStorage
import Testing

/// Schema change, delete and recrawl policies, exclusions, formats (JSON Lines, gzip) and
/// `key=value` partitions, on data made in the test.
@Suite struct CrawlerPolicyTests {
    /// A bucket `lake` with JSON Lines under `clicks/year=2024/month=MM/`.
    func clicks(months: [String] = ["01", "02"], extraColumn: Bool = false) throws -> InMemoryObjectStore {
        let store = InMemoryObjectStore()
        _ = try store.createBucket("lake")
        for month in months {
            var lines = ""
            for n in 0..<3 {
                lines += #"{"id": \#(n), "page": "/p\#(n)", "ms": \#(Double(n) + 0.5), "tags": ["a"], "user": {"name": "u\#(n)"}\#(extraColumn ? #", "ref": "x""# : "")}"# + "\n"
            }
            try store.putObject(bucket: "lake", key: "clicks/year=2024/month=\(month)/part-0.json", bytes: Array(lines.utf8))
        }
        return store
    }

    @Test("JSON Lines with key=value folders: one table, typed columns, named partition keys, JsonSerDe")
    func jsonPartitions() throws {
        let catalog = try crawlCatalog()
        try runCrawl(crawler("c", ["s3://lake/"]), store: clicks(), catalog: catalog)
        #expect(try tableNames(catalog) == ["lake"])
        let table = try crawledTable(catalog, "lake")
        #expect(table?.storageDescriptor?.columns?.map { "\($0.name) \($0.type ?? "")" } == ["id int", "page string", "ms double", "tags array<string>", "user struct<name:string>"])
        #expect(table?.partitionKeys?.map(\.name) == ["partition_0", "year", "month"])
        #expect(table?.parameters?["classification"] == "json")
        #expect(table?.storageDescriptor?.serdeInfo?.serializationLibrary == "org.openx.data.jsonserde.JsonSerDe")
        #expect(table?.storageDescriptor?.serdeInfo?.parameters?["paths"] == "id,page,ms,tags,user")
        #expect(try partitionValues(catalog, "lake") == [["clicks", "2024", "01"], ["clicks", "2024", "02"]])

        // With the dataset folder as the include path, the table is `clicks`, partitioned by year and month.
        let second = try crawlCatalog()
        try runCrawl(crawler("c", ["s3://lake/clicks/"]), store: clicks(), catalog: second)
        #expect(try tableNames(second) == ["clicks"])
        #expect(try crawledTable(second, "clicks")?.partitionKeys?.map(\.name) == ["year", "month"])
        #expect(try crawledTable(second, "clicks")?.parameters?["recordCount"] == "6")
    }

    @Test("Glue's documented example: dissimilar schemas under year= folders give tables year_2017 and year_2018; CombineCompatibleSchemas gives one")
    func groupingExample() throws {
        let store = InMemoryObjectStore()
        _ = try store.createBucket("bucket")
        try store.putObject(bucket: "bucket", key: "table1/year=2017/data1.json", bytes: Array(#"{"A": 1, "B": 2}"#.utf8))
        try store.putObject(bucket: "bucket", key: "table1/year=2018/data2.json", bytes: Array(#"{"C": 3, "D": 4000000000}"#.utf8))
        let split = try crawlCatalog()
        try runCrawl(crawler("c", ["s3://bucket/table1/"]), store: store, catalog: split)
        #expect(try tableNames(split) == ["year_2017", "year_2018"])
        #expect(try crawledTable(split, "year_2018")?.storageDescriptor?.columns?.map { "\($0.name):\($0.type ?? "")" } == ["c:int", "d:bigint"])
        let combined = try crawlCatalog()
        let configuration = #"{"Version": 1.0, "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas"}}"#
        try runCrawl(crawler("c", ["s3://bucket/table1/"], configuration: configuration), store: store, catalog: combined)
        #expect(try tableNames(combined) == ["table1"])
        let table = try crawledTable(combined, "table1")
        #expect(table?.storageDescriptor?.columns?.map(\.name) == ["a", "b", "c", "d"])
        #expect(table?.partitionKeys?.map { "\($0.name):\($0.type ?? "")" } == ["year:string"])
        #expect(try partitionValues(combined, "table1") == [["2017"], ["2018"]])
    }

    @Test("UPDATE_IN_DATABASE takes a new column; LOG keeps the table but still adds new partitions")
    func updateBehaviour() throws {
        for behavior in ["UPDATE_IN_DATABASE", "LOG"] {
            let catalog = try crawlCatalog()
            let definition = crawler("c", ["s3://lake/clicks/"], policy: SchemaChangePolicy(updateBehavior: behavior, deleteBehavior: "LOG"))
            try runCrawl(definition, store: clicks(), catalog: catalog)
            let outcome = try runCrawl(definition, store: clicks(months: ["01", "02", "03"], extraColumn: true), catalog: catalog)
            let columns = try crawledTable(catalog, "clicks")?.storageDescriptor?.columns?.map(\.name) ?? []
            #expect(outcome.partitionsCreated == 1, "\(behavior)")
            #expect(try partitionValues(catalog, "clicks").count == 3, "\(behavior)")
            if behavior == "LOG" {
                #expect(!columns.contains("ref"))
                #expect(outcome.tablesUpdated == 0)
            } else {
                #expect(columns.last == "ref")
                #expect(outcome.tablesUpdated == 1)
                #expect(outcome.partitionsUpdated == 2)
            }
        }
    }

    @Test("MergeNewColumns adds columns but never removes one")
    func mergeNewColumns() throws {
        let catalog = try crawlCatalog()
        let configuration = #"{"Version": 1.0, "CrawlerOutput": {"Tables": {"AddOrUpdateBehavior": "MergeNewColumns"}}}"#
        let definition = crawler("c", ["s3://lake/clicks/"], configuration: configuration)
        try runCrawl(definition, store: clicks(extraColumn: true), catalog: catalog)
        try runCrawl(definition, store: clicks(), catalog: catalog)
        #expect(try crawledTable(catalog, "clicks")?.storageDescriptor?.columns?.map(\.name).contains("ref") == true)
    }

    @Test("Deleted data: DEPRECATE_IN_DATABASE marks the table, DELETE_FROM_DATABASE deletes it, LOG keeps it")
    func deleteBehaviour() throws {
        for behavior in ["DEPRECATE_IN_DATABASE", "DELETE_FROM_DATABASE", "LOG"] {
            let catalog = try crawlCatalog()
            let store = try clicks()
            try store.putObject(bucket: "lake", key: "views/v.csv", bytes: Array("a,b\n1,x\n2,y\n".utf8))
            let definition = crawler("c", ["s3://lake/clicks/", "s3://lake/views/"], policy: SchemaChangePolicy(deleteBehavior: behavior))
            try runCrawl(definition, store: store, catalog: catalog)
            #expect(try tableNames(catalog) == ["clicks", "views"])
            try store.deleteObject(bucket: "lake", key: "views/v.csv")
            try store.deleteObject(bucket: "lake", key: "clicks/year=2024/month=02/part-0.json")
            let outcome = try runCrawl(definition, store: store, catalog: catalog)
            switch behavior {
            case "DELETE_FROM_DATABASE":
                #expect(try tableNames(catalog) == ["clicks"])
                #expect(try partitionValues(catalog, "clicks") == [["2024", "01"]])
                #expect(outcome.tablesDeleted == 1)
            case "DEPRECATE_IN_DATABASE":
                #expect(try crawledTable(catalog, "views")?.parameters?["DEPRECATED_BY_CRAWLER"] != nil)
                #expect(try partitionValues(catalog, "clicks").count == 2)
                #expect(outcome.tablesDeleted == 1)
            default:
                #expect(try crawledTable(catalog, "views")?.parameters?["DEPRECATED_BY_CRAWLER"] == nil)
                #expect(outcome.tablesDeleted == 0)
            }
        }
    }

    @Test("CRAWL_NEW_FOLDERS_ONLY reads only folders not crawled before and adds them as partitions")
    func newFoldersOnly() throws {
        let catalog = try crawlCatalog()
        let definition = crawler(
            "c", ["s3://lake/clicks/"], policy: SchemaChangePolicy(updateBehavior: "LOG", deleteBehavior: "LOG"),
            recrawl: RecrawlPolicy(recrawlBehavior: "CRAWL_NEW_FOLDERS_ONLY"))
        let first = try runCrawl(definition, store: clicks(), catalog: catalog)
        let second = try runCrawl(
            definition, store: clicks(months: ["01", "02", "03"], extraColumn: true), catalog: catalog,
            previously: Set(first.crawledFolders))
        #expect(second.partitionsCreated == 1)
        #expect(second.tablesCreated == 0)
        #expect(try partitionValues(catalog, "clicks") == [["2024", "01"], ["2024", "02"], ["2024", "03"]])
        // The policy requires LOG for both behaviours, as Glue does.
        var invalid = definition
        invalid.schemaChangePolicy = nil
        #expect(throws: GlueError.self) { try invalid.validate() }
    }

    @Test("Exclusions are globs relative to the include path; hidden files are skipped; gzip CSV is classified")
    func exclusionsAndGzip() throws {
        let store = InMemoryObjectStore()
        _ = try store.createBucket("raw")
        let gzip = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("SampleData/csv/basic.csv.gz")))
        try store.putObject(bucket: "raw", key: "sales/2024/part-0.csv.gz", bytes: gzip)
        try store.putObject(bucket: "raw", key: "sales/2024/_SUCCESS", bytes: [])
        try store.putObject(bucket: "raw", key: "sales/2024/notes.txt", bytes: Array("not data".utf8))
        try store.putObject(bucket: "raw", key: "sales/tmp/x.json", bytes: Array(#"{"a": 1}"#.utf8))
        let catalog = try crawlCatalog()
        try runCrawl(crawler("c", ["s3://raw/sales/"], exclusions: ["**.txt", "tmp/**"]), store: store, catalog: catalog)
        #expect(try tableNames(catalog) == ["sales"])
        let table = try crawledTable(catalog, "sales")
        #expect(table?.parameters?["compressionType"] == "gzip")
        #expect(table?.storageDescriptor?.compressed == true)
        #expect(table?.parameters?["skip.header.line.count"] == "1")
        #expect(table?.storageDescriptor?.columns?.map { "\($0.name) \($0.type ?? "")" } == ["id bigint", "name string", "price double", "active boolean", "day string", "at string"])
        #expect(table?.parameters?["recordCount"] == "3")

        #expect(CrawlerExclusion("**.txt").matches("2024/notes.txt"))
        #expect(CrawlerExclusion("*.txt").matches("notes.txt"))
        #expect(!CrawlerExclusion("*.txt").matches("2024/notes.txt"))
        #expect(CrawlerExclusion("2024/[0-9][!a]*").matches("2024/1b.csv"))
        #expect(!CrawlerExclusion("2024/[0-9][!a]*").matches("2024/1a.csv"))
        #expect(CrawlerExclusion("{tmp,scratch}/**").matches("scratch/a/b.csv"))
        #expect(CrawlerExclusion("data?.csv").matches("data1.csv") && !CrawlerExclusion("data?.csv").matches("data/.csv"))
    }

    @Test("Tables whose schemas differ get one table each; a name taken at another location gets a hash suffix")
    func splitAndClash() throws {
        let store = InMemoryObjectStore()
        _ = try store.createBucket("raw")
        try store.putObject(bucket: "raw", key: "data/a/1.csv", bytes: Array("x,y\n1,2\n3,4\n".utf8))
        try store.putObject(bucket: "raw", key: "data/b/1.csv", bytes: Array("p,q,r\nu,1,2.5\nv,2,3.5\n".utf8))
        let catalog = try crawlCatalog()
        try catalog.createTable(CreateTableRequest(databaseName: "crawled", tableInput: TableInput(name: "a", storageDescriptor: StorageDescriptor(location: "s3://elsewhere/"))))
        try runCrawl(crawler("c", ["s3://raw/data/"]), store: store, catalog: catalog)
        let names = try tableNames(catalog)
        #expect(names.count == 3)
        #expect(names.contains("b"))
        #expect(names.contains { $0.hasPrefix("a_") && $0.count == 10 })
    }

    @Test("A crawl that cannot read fails before writing anything; the runner records FAILED and READY")
    func failureRecorded() throws {
        let lake = try crawlCatalog()
        let store = try CrawlerStore(database: try DatabaseQueue())
        try store.create(crawler("c", ["s3://missing-bucket/"]))
        let result = try CrawlerRunner(store: store).start(name: "c") { _ throws(GlueError) in
            CrawlEnvironment(objectStore: InMemoryObjectStore(), catalog: lake)
        }
        #expect(result.lastCrawl.status == "FAILED")
        #expect(result.lastCrawl.errorMessage?.contains("NoSuchBucket") == true)
        let crawler = try store.crawler(name: "c")
        #expect(crawler.state == "READY")
        #expect(crawler.lastCrawl?.status == "FAILED")
        #expect(try tableNames(lake).isEmpty)
        #expect(throws: GlueError.self) { try store.requestStop(name: "c") }
        #expect(try store.metrics(names: ["c"]).first?.tablesCreated == 0)
    }

    @Test("Crawler definitions: AlreadyExists, versions, validation, pagination, delete")
    func definitions() throws {
        let store = try CrawlerStore(database: try DatabaseQueue())
        for name in ["b", "a", "c"] { try store.create(crawler(name, ["s3://raw/"])) }
        #expect(throws: GlueError.self) { try store.create(crawler("a", ["s3://raw/"])) }
        #expect(throws: GlueError.self) { try store.create(crawler("d", ["/local/path"])) }
        #expect(throws: GlueError.self) { try store.create(crawler("d", ["s3://raw/"], policy: SchemaChangePolicy(updateBehavior: "SOMETIMES"))) }
        #expect(throws: GlueError.self) { try store.create(crawler("d", ["s3://raw/"], configuration: "not json")) }
        try store.update(name: "a") { $0.tablePrefix = "p_" }
        let a = try store.crawler(name: "a")
        #expect(a.version == 2 && a.tablePrefix == "p_" && a.state == "READY")
        let page = try store.crawlers(maxResults: 2)
        #expect(page.crawlers.map(\.name) == ["a", "b"])
        #expect(try store.crawlers(maxResults: 2, nextToken: page.nextToken).crawlers.map(\.name) == ["c"])
        try store.delete(name: "b")
        #expect(throws: GlueError.self) { try store.crawler(name: "b") }
    }
}
