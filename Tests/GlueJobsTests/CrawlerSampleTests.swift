import Foundation
import GlueCatalog
import GlueCore
@testable import GlueJobs
import GlueStorage
import Testing

/// The crawler on the sample buckets gives the tables of `SampleData/crawler/expected-tables.json`,
/// written by hand from Glue's crawler rules.
@Suite struct CrawlerSampleTests {
    struct ExpectedPartition: Decodable {
        var values: [String]
        var location: String
        enum CodingKeys: String, CodingKey { case values = "Values", location = "Location" }
    }

    struct ExpectedTable: Decodable {
        var input: TableInput
        var partitions: [ExpectedPartition]
        enum CodingKeys: String, CodingKey { case partitions = "Partitions" }
        init(from decoder: any Decoder) throws {
            input = try TableInput(from: decoder)
            partitions = try decoder.container(keyedBy: CodingKeys.self).decode([ExpectedPartition].self, forKey: .partitions)
        }
    }

    struct Summary: Decodable {
        var name: String
        var location: String
        var partitionKeys: [String]
        var partitions: [[String]]
        var classification: String
        enum CodingKeys: String, CodingKey {
            case name = "Name", location = "Location", partitionKeys = "PartitionKeys", partitions = "Partitions"
            case classification = "Classification"
        }
    }

    struct Case: Decodable {
        var crawler: CrawlerDefinition
        var tables: [ExpectedTable]?
        var tableSummaries: [Summary]?
        enum CodingKeys: String, CodingKey { case crawler = "Crawler", tables = "Tables", tableSummaries = "TableSummaries" }
    }

    func cases() throws -> [Case] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("SampleData/crawler/expected-tables.json"))
        return try CatalogJSON.decode([Case].self, from: data)
    }

    @Test("One include path per dataset: events, sales_customers, sales_orders and products, exactly as written by hand")
    func datasets() throws {
        guard let sample = try cases().first, let expected = sample.tables else {
            Issue.record("the fixture has no tables")
            return
        }
        let store = try sampleBuckets()
        let catalog = try crawlCatalog()
        let outcome = try runCrawl(sample.crawler, store: store, catalog: catalog)
        #expect(outcome.tablesCreated == expected.count)
        #expect(try tableNames(catalog) == expected.map(\.input.name).sorted())
        for table in expected {
            guard let stored = try crawledTable(catalog, table.input.name) else {
                Issue.record("no table \(table.input.name)")
                continue
            }
            let actual = CrawlerCatalogWriter.input(of: stored)
            #expect(actual == table.input, "\(table.input.name)")
            let partitions = try catalog.getPartitions(GetPartitionsRequest(databaseName: "crawled", tableName: table.input.name)).partitions ?? []
            #expect(partitions.map { $0.values ?? [] } == table.partitions.map(\.values), "\(table.input.name)")
            #expect(partitions.map { $0.storageDescriptor?.location ?? "" } == table.partitions.map(\.location), "\(table.input.name)")
            for partition in partitions {
                // Each partition carries its own copy of the formats and columns, and its statistics.
                #expect(partition.storageDescriptor?.columns == table.input.storageDescriptor?.columns)
                #expect(partition.storageDescriptor?.serdeInfo == table.input.storageDescriptor?.serdeInfo)
                #expect(partition.parameters?["objectCount"] == "1")
            }
        }
        // A second crawl of unchanged data changes nothing.
        let again = try runCrawl(sample.crawler, store: store, catalog: catalog)
        #expect(again.tablesCreated == 0 && again.tablesUpdated == 0 && again.partitionsCreated == 0 && again.partitionsUpdated == 0)
    }

    @Test("The whole snapshot bucket: formats and schemas that differ split tables; a lone sub-folder becomes a partition")
    func wholeBucket() throws {
        guard let sample = try cases().last, let expected = sample.tableSummaries else {
            Issue.record("the fixture has no summaries")
            return
        }
        let catalog = try crawlCatalog()
        try runCrawl(sample.crawler, store: try sampleBuckets(), catalog: catalog)
        #expect(try tableNames(catalog) == expected.map(\.name))
        for summary in expected {
            let stored = try crawledTable(catalog, summary.name)
            #expect(stored?.storageDescriptor?.location == summary.location)
            #expect(stored?.partitionKeys?.map(\.name) == summary.partitionKeys)
            #expect(stored?.parameters?["classification"] == summary.classification)
            #expect(try partitionValues(catalog, summary.name) == summary.partitions)
        }
    }
}
