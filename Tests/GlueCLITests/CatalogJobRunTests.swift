import Foundation
@testable import GlueCLI
import GlueIAM
import GlueStorage
import Testing

/// Jobs that read and write Data Catalog tables, in the sample lake with Catalog/ imported.
@Suite struct CatalogJobRunTests {
    static let allowAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","glue:*"],"Resource":"*"}]}"#

    func lake(_ folder: URL, policy: String = allowAll) async throws -> LakeContext {
        let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
        try loadSampleBuckets(into: lake)
        try createJobRole(lake, policy: policy)
        let imported = await runLocalGlue(["glue", "import-catalog", repositoryRoot.appendingPathComponent("Catalog").path, "--lake", lake.root.path])
        #expect(imported.exitCode == 0, "\(imported.error)")
        return lake
    }

    func partitions(_ lake: LakeContext, _ database: String, _ table: String) async -> [[String]] {
        let result = await runLocalGlue(["glue", "get-partitions", "--database-name", database, "--table-name", table, "--lake", lake.root.path])
        let list = jsonObject(result.output)["Partitions"] as? [[String: Any]] ?? []
        return list.compactMap { $0["Values"] as? [String] }.sorted { $0.joined() < $1.joined() }
    }

    @Test("The sample job writes data_lake_target.orders_by_country and registers one partition per country after publishing")
    func sampleJobRegistersPartitions() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try await lake(folder)
            let result = await runLocalGlue(["run", sampleData.appendingPathComponent("jobs/rds-snapshot-orders.json").path, "--lake", lake.root.path])
            #expect(result.exitCode == 0, "\(result.error)")
            let keys = try lake.objectStore().listAllObjects(bucket: "data-lake-test-target-s3", prefix: "orders_by_country/").contents.map(\.key)
            let folders = Set(keys.compactMap { $0.split(separator: "/").dropFirst().first.map(String.init) })
            let registered = await partitions(lake, "data_lake_target", "orders_by_country")
            #expect(!registered.isEmpty)
            #expect(Set(registered.map { "country=" + ($0.first ?? "") }) == folders)
        }
    }

    @Test("A run whose write is denied registers no partition")
    func deniedWriteRegistersNothing() async throws {
        try await withTemporaryDirectory { folder in
            let readOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","glue:*"],"Resource":"*"}]}"#
            let lake = try await lake(folder, policy: readOnly)
            let result = await runLocalGlue(["run", sampleData.appendingPathComponent("jobs/rds-snapshot-orders.json").path, "--lake", lake.root.path])
            #expect(result.exitCode == 254)
            #expect(result.error.contains("s3:PutObject"))
            #expect(await partitions(lake, "data_lake_target", "orders_by_country").isEmpty)
        }
    }

    @Test("A role without glue:BatchCreatePartition fails before anything is written")
    func deniedRegistrationWritesNothing() async throws {
        try await withTemporaryDirectory { folder in
            let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","glue:GetTable","glue:GetPartitions"],"Resource":"*"}]}"#
            let lake = try await lake(folder, policy: policy)
            let result = await runLocalGlue(["run", sampleData.appendingPathComponent("jobs/rds-snapshot-orders.json").path, "--lake", lake.root.path])
            #expect(result.exitCode == 254)
            #expect(result.error.contains("AccessDeniedException") && result.error.contains("glue:BatchCreatePartition"))
            #expect(try lake.objectStore().listAllObjects(bucket: "data-lake-test-target-s3").contents.isEmpty)
        }
    }

    @Test("CatalogSource reads a partitioned CSV table: header skipped, partition values as columns, PartitionPredicate applied")
    func catalogSource() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try await lake(folder)
            let partition = #"[{"Values": ["2024", "10", "28"], "StorageDescriptor": {"Location": "s3://sagemaker-rawdata/raw/events/2024/10/28/"}}]"#
            let created = await runLocalGlue([
                "glue", "batch-create-partition", "--database-name", "sagemaker_rawdata", "--table-name", "events",
                "--partition-input-list", partition, "--lake", lake.root.path,
            ])
            #expect(created.exitCode == 0, "\(created.error)")
            for (predicate, expectRows) in [("partition_2 == '28'", true), ("partition_2 = '27'", false)] {
                let job = #"""
                    {"Name": "events-\#(expectRows)", "Role": "data-lake-test-job-role", "Command": {"Name": "glueetl"},
                     "CodeGenConfigurationNodes": {
                      "events": {"CatalogSource": {"Name": "Events", "Database": "sagemaker_rawdata", "Table": "events", "PartitionPredicate": "\#(predicate)"}},
                      "out": {"S3DirectTarget": {"Name": "Out", "Inputs": ["events"], "Path": "s3://sagemaker-result/events-\#(expectRows)/", "Format": "json"}}}}
                    """#
                let jobFile = folder.appendingPathComponent("events-\(expectRows).json")
                try Data(job.utf8).write(to: jobFile)
                let result = await runLocalGlue(["run", jobFile.path, "--lake", lake.root.path])
                #expect(result.exitCode == 0, "\(result.error)")
                let store = try lake.objectStore()
                let keys = try store.listAllObjects(bucket: "sagemaker-result", prefix: "events-\(expectRows)/").contents.map(\.key)
                let text = try keys.map { String(decoding: try store.getObjectBytes(bucket: "sagemaker-result", key: $0).body, as: UTF8.self) }.joined()
                let lines = text.split(separator: "\n")
                if expectRows {
                    #expect(lines.count == 40)
                    #expect(lines.first?.contains(#""event_id":1"#) == true)
                    #expect(lines.allSatisfy { $0.contains(#""partition_0":"2024","partition_1":"10","partition_2":"28""#) })
                } else {
                    #expect(lines.isEmpty)
                }
            }
        }
    }
}
