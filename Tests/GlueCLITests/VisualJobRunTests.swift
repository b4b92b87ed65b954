import Foundation
@testable import GlueCLI
import GlueColumnar
import GlueCore
import GlueIAM
import GlueParquet
import GlueStorage
import Testing

/// Copies the sample lake's buckets into a lake, as `s3 cp --recursive` would.
func loadSampleBuckets(into lake: LakeContext) throws {
    let store = try lake.objectStore()
    let root = sampleData.appendingPathComponent("buckets")
    for bucket in ["data-lake-snapshot-rds-test-s3", "data-lake-test-target-s3", "sagemaker-rawdata", "sagemaker-result"] {
        try store.createBucket(bucket)
        let folder = root.appendingPathComponent(bucket)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
        for case let file as URL in files where !file.hasDirectoryPath {
            let key = String(file.path.dropFirst(folder.path.count + 1))
            try store.putObject(bucket: bucket, key: key, bytes: Array(try Data(contentsOf: file)))
        }
    }
}

/// Creates a job role the way the design documents do: trusted by `glue.amazonaws.com` (unless
/// told otherwise), with an inline policy.
func createJobRole(_ lake: LakeContext, name: String = "data-lake-test-job-role", policy: String? = nil, trustedService: String = "glue.amazonaws.com") throws {
    let iam = try SQLiteIAMStore(database: lake.database, accountID: lake.configuration.accountID.rawValue)
    let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(trustedService)"},"Action":"sts:AssumeRole"}]}"#
    try iam.createRole(roleName: name, assumeRolePolicyDocument: trust)
    let everything = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
    try iam.putRolePolicy(roleName: name, policyName: "s3", policyDocument: policy ?? everything)
}

@Suite struct VisualJobRunTests {
    let ordersPath = "s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/"

    func job(_ nodes: String) -> String {
        #"{"Name": "orders-by-status", "Role": "data-lake-test-job-role", "Command": {"Name": "glueetl"}, "GlueVersion": "5.0", "CodeGenConfigurationNodes": "# + nodes + "}"
    }

    @Test("Parquet source -> SelectFields -> Glue Parquet target partitioned by a column")
    func parquetPartitioned() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            try createJobRole(lake)
            let jobFile = folder.appendingPathComponent("job.json")
            try Data(job(#"""
                {"source": {"S3ParquetSource": {"Name": "Orders", "Paths": ["\#(ordersPath)"]}},
                 "select": {"SelectFields": {"Name": "Keep", "Inputs": ["source"], "Paths": [["order_id"], ["amount"], ["status"]]}},
                 "target": {"S3GlueParquetTarget": {"Name": "Curated", "Inputs": ["select"], "Path": "s3://data-lake-test-target-s3/orders/", "PartitionKeys": [["status"]]}}}
                """#).utf8).write(to: jobFile)
            let result = await runLocalGlue(["run", jobFile.path, "--lake", lake.root.path])
            #expect(result.exitCode == 0, "\(result.error)")
            let store = try lake.objectStore()
            let keys = try store.listAllObjects(bucket: "data-lake-test-target-s3", prefix: "orders/").contents.map(\.key)
            #expect(Set(keys.map { $0.split(separator: "/")[1] }) == ["status=cancelled", "status=pending", "status=shipped"])
            #expect(keys.allSatisfy { $0.split(separator: "/").last?.hasPrefix("run-") == true && $0.hasSuffix("-snappy.parquet") })
            var total = 0
            for key in keys {
                let bytes = try store.getObjectBytes(bucket: "data-lake-test-target-s3", key: key).body
                let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: key)
                #expect(reader.schema.names == ["order_id", "amount"])
                total += reader.rowCount
            }
            #expect(total == 60)
            let run = try #require(jsonObject(result.output)["JobRun"] as? [String: Any])
            let metrics = try #require(run["NodeMetrics"] as? [[String: Any]])
            #expect(metrics.map { $0["NodeId"] as? String } == ["source", "select", "target"])
            #expect(metrics.first?["RowsOut"] as? Int == 60)
            // The staging area is gone and nothing else was written.
            #expect(try store.listAllObjects(bucket: "data-lake-test-target-s3").contents.count == keys.count)
        }
    }

    @Test("A failing node leaves no output objects")
    func failureLeavesNothing() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            try createJobRole(lake)
            let jobFile = folder.appendingPathComponent("job.json")
            try Data(job(#"""
                {"source": {"S3ParquetSource": {"Name": "Orders", "Paths": ["\#(ordersPath)"]}},
                 "target": {"S3GlueParquetTarget": {"Name": "Curated", "Inputs": ["source"], "Path": "s3://no-such-bucket/orders/"}}}
                """#).utf8).write(to: jobFile)
            let result = await runLocalGlue(["run", jobFile.path, "--lake", lake.root.path])
            #expect(result.exitCode == 254)
            #expect(result.error.contains("NoSuchBucket"))
            let store = try lake.objectStore()
            #expect(try store.listAllObjects(bucket: "data-lake-test-target-s3").contents.isEmpty)
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: lake.root.appendingPathComponent("tmp").path)) ?? []
            #expect(leftovers.isEmpty)
        }
    }
}

@Suite struct VisualJobTransformTests {
    let export = "s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb"

    @Test("Orders joined with customers, filtered, mapped and aggregated by country, as a Glue Studio graph")
    func joinFilterAggregate() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            try createJobRole(lake)
            let jobFile = folder.appendingPathComponent("job.json")
            try Data(#"""
                {"Name": "shipped-by-country", "Role": "data-lake-test-job-role", "Command": {"Name": "glueetl"},
                 "CodeGenConfigurationNodes": {
                  "orders": {"S3ParquetSource": {"Name": "Orders", "Paths": ["\#(export)/sales.orders/"]}},
                  "customers": {"S3ParquetSource": {"Name": "Customers", "Paths": ["\#(export)/sales.customers/"]}},
                  "shipped": {"Filter": {"Name": "Shipped", "Inputs": ["orders"], "LogicalOperator": "AND",
                     "Filters": [{"Operation": "EQ", "Values": [{"Type": "COLUMNEXTRACTED", "Value": ["status"]}, {"Type": "CONSTANT", "Value": ["shipped"]}]}]}},
                  "mapped": {"ApplyMapping": {"Name": "Types", "Inputs": ["shipped"], "Mapping": [
                     {"ToKey": "order_id", "FromPath": ["order_id"], "FromType": "bigint", "ToType": "bigint"},
                     {"ToKey": "cid", "FromPath": ["customer_id"], "FromType": "bigint", "ToType": "bigint"},
                     {"ToKey": "amount", "FromPath": ["amount"], "FromType": "decimal(10,2)", "ToType": "double"}]}},
                  "joined": {"Join": {"Name": "With customers", "Inputs": ["mapped", "customers"], "JoinType": "equijoin",
                     "Columns": [{"From": "mapped", "Keys": [["cid"]]}, {"From": "customers", "Keys": [["customer_id"]]}]}},
                  "totals": {"Aggregate": {"Name": "By country", "Inputs": ["joined"], "Groups": [["country"]],
                     "Aggs": [{"Column": ["amount"], "AggFunc": "sum"}, {"Column": ["order_id"], "AggFunc": "count"}]}},
                  "target": {"S3DirectTarget": {"Name": "Out", "Inputs": ["totals"], "Path": "s3://data-lake-test-target-s3/shipped/", "Format": "parquet"}}}}
                """#.utf8).write(to: jobFile)
            let result = await runLocalGlue(["run", jobFile.path, "--lake", lake.root.path])
            #expect(result.exitCode == 0, "\(result.error)")
            let store = try lake.objectStore()
            let keys = try store.listAllObjects(bucket: "data-lake-test-target-s3", prefix: "shipped/").contents.map(\.key)
            #expect(!keys.isEmpty)
            #expect(keys.allSatisfy { $0.hasPrefix("shipped/part-") && $0.hasSuffix("-c000.snappy.parquet") })
            var batches: [RecordBatch] = []
            for key in keys {
                let bytes = try store.getObjectBytes(bucket: "data-lake-test-target-s3", key: key).body
                batches += try ParquetFileReader(source: InMemoryParquetSource(bytes), name: key).read()
            }
            let output = try RecordBatch.concatenate(batches)
            #expect(output.schema.names == ["country", "sum(amount)", "count(order_id)"])
            // The reference: the input file read directly, filtered and grouped by hand.
            let ordersKey = "exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/1/part-00000-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.gz.parquet"
            let orders = try RecordBatch.concatenate(try ParquetFileReader(
                source: InMemoryParquetSource(try store.getObjectBytes(bucket: "data-lake-snapshot-rds-test-s3", key: ordersKey).body), name: "orders").read())
            let shipped = (0..<orders.rowCount).filter { orders.column(named: "status")?.value(at: $0) == .string("shipped") }
            let counts: [Int64] = (output.column(named: "count(order_id)")?.values ?? []).compactMap { (value: Value) -> Int64? in
                if case .integer(let count) = value { return count }
                return nil
            }
            let countSum: Int64 = counts.reduce(Int64(0)) { $0 + $1 }
            #expect(countSum == Int64(shipped.count))
            #expect(Set(output.column(named: "country")?.values ?? []).count == output.rowCount)
        }
    }
}

@Suite struct StudioExampleJobTests {
    @Test("Glue Studio's CreateJob example (CSV -> ApplyMapping -> Filter -> partitioned Parquet) runs as Glue would")
    func studioExample() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            let store = try lake.objectStore()
            try createJobRole(lake, name: "GlueJobRole")
            try store.createBucket("my-raw-bucket")
            try store.createBucket("my-curated-bucket")
            let csv = """
                order_id,amount,country,order_date
                1,250.50,DE,2024-10-01
                2,99.99,DE,2024-10-02
                3,1000,FR,2024-10-03
                4,not-a-number,FR,2024-10-04
                5,180,"US",2024-10-05
                6,300,JP
                7,120.25,Zürich,2024-10-07

                """
            try store.putObject(bucket: "my-raw-bucket", key: "orders/2024/10/orders.csv", bytes: Array(csv.utf8))
            let result = await runLocalGlue([
                "run", sampleData.appendingPathComponent("jobs/orders-csv-to-parquet.json").path, "--lake", lake.root.path,
            ])
            #expect(result.exitCode == 0, "\(result.error)")
            let keys = try store.listAllObjects(bucket: "my-curated-bucket", prefix: "orders/").contents.map(\.key)
            #expect(Set(keys.map { String($0.split(separator: "/")[1]) }) == ["country=DE", "country=FR", "country=US", "country=Zürich"])
            var rows: [[Value]] = []
            for key in keys.sorted() {
                let bytes = try store.getObjectBytes(bucket: "my-curated-bucket", key: key).body
                let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: key)
                #expect(reader.schema.description == "order_id bigint, amount double, order_date date")
                for batch in try reader.read() { rows += (0..<batch.rowCount).map(batch.row(at:)) }
            }
            // amount > 100 keeps orders 1, 3, 5 and 7; order 4's amount is null after the cast; order 6 is a bad row.
            #expect(rows.map { $0[0] } == [.integer(1), .integer(3), .integer(5), .integer(7)])
            let run = try #require(jsonObject(result.output)["JobRun"] as? [String: Any])
            let runID = try #require(run["Id"] as? String)
            let errors = try String(contentsOf: lake.runLogFolder(jobName: "orders-csv-to-parquet", runID: runID).appendingPathComponent("error-records.jsonl"), encoding: .utf8)
            #expect(errors.contains("\"node\":\"node-1\""))
            #expect(errors.contains("6,300,JP"))
            let metrics = try #require(run["NodeMetrics"] as? [[String: Any]])
            #expect(metrics.first?["ErrorRecords"] as? Int == 1)
            // The job's bookmark is enabled: a rerun reads only the new file.
            try store.putObject(bucket: "my-raw-bucket", key: "orders/2024/11/orders.csv", bytes: Array("order_id,amount,country,order_date\n8,500,BR,2024-11-01\n9,1\n10,2\n".utf8))
            let second = await runLocalGlue(["run", sampleData.appendingPathComponent("jobs/orders-csv-to-parquet.json").path, "--lake", lake.root.path])
            #expect(second.exitCode == 0, "\(second.error)")
            let secondMetrics = (jsonObject(second.output)["JobRun"] as? [String: Any])?["NodeMetrics"] as? [[String: Any]]
            #expect(secondMetrics?.first?["RowsOut"] as? Int == 1)
            #expect(secondMetrics?.first?["ErrorRecords"] as? Int == 2)
            let published = try store.listAllObjects(bucket: "my-curated-bucket").contents.count
            // Reading everything again (bookmark disabled) finds 3 bad rows: more than --stageThreshold 2 fails
            // the run, and nothing is published.
            let failing = await runLocalGlue([
                "run", sampleData.appendingPathComponent("jobs/orders-csv-to-parquet.json").path, "--lake", lake.root.path,
                "--arguments", #"{"--job-bookmark-option": "job-bookmark-disable", "--stageThreshold": "2"}"#,
            ])
            #expect(failing.exitCode == 254)
            #expect(failing.error.contains("produced 3 error records, more than --stageThreshold 2"))
            #expect(try store.listAllObjects(bucket: "my-curated-bucket").contents.count == published)
            let lenient = await runLocalGlue([
                "run", sampleData.appendingPathComponent("jobs/orders-csv-to-parquet.json").path, "--lake", lake.root.path,
                "--arguments", #"{"--job-bookmark-option": "job-bookmark-disable", "--stageThreshold": "3", "--totalThreshold": "3"}"#,
            ])
            #expect(lenient.exitCode == 0, "\(lenient.error)")
        }
    }
}

@Suite struct JobRoleEnforcementTests {
    let ordersPath = "s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/"

    func run(_ lake: LakeContext, folder: URL, target: String = "s3://data-lake-test-target-s3/orders/") async throws -> CommandResult {
        let jobFile = folder.appendingPathComponent("job.json")
        try Data(#"""
            {"Name": "rds-snapshot-orders", "Role": "arn:aws:iam::123456789012:role/data-lake-test-job-role", "Command": {"Name": "glueetl"},
             "CodeGenConfigurationNodes": {
              "source": {"S3ParquetSource": {"Name": "Orders", "Paths": ["\#(ordersPath)"]}},
              "target": {"S3GlueParquetTarget": {"Name": "Curated", "Inputs": ["source"], "Path": "\#(target)"}}}}
            """#.utf8).write(to: jobFile)
        return await runLocalGlue(["run", jobFile.path, "--lake", lake.root.path])
    }

    @Test("The design documents' S3 policy (target ARN missing a colon): the write is denied with AWS's message, nothing is written")
    func typoDeniesWrite() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            let policy = try String(contentsOf: sampleData.appendingPathComponent("iam/data-lake-test-job-role.s3-policy.json"), encoding: .utf8)
            try createJobRole(lake, policy: policy)
            let denied = try await run(lake, folder: folder)
            #expect(denied.exitCode == 254)
            #expect(denied.error.contains(
                "User: arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::data-lake-test-target-s3/orders/"))
            #expect(denied.error.contains("because no identity-based policy allows the s3:PutObject action"))
            #expect(try lake.objectStore().listAllObjects(bucket: "data-lake-test-target-s3").contents.isEmpty)
            // The corrected policy lets the same job succeed.
            let corrected = try String(contentsOf: sampleData.appendingPathComponent("iam/data-lake-test-job-role.s3-policy.corrected.json"), encoding: .utf8)
            let iam = try SQLiteIAMStore(database: lake.database, accountID: "123456789012")
            try iam.putRolePolicy(roleName: "data-lake-test-job-role", policyName: "s3", policyDocument: corrected)
            let allowed = try await run(lake, folder: folder)
            #expect(allowed.exitCode == 0, "\(allowed.error)")
            #expect(try lake.objectStore().listAllObjects(bucket: "data-lake-test-target-s3").contents.count == 1)
        }
    }

    @Test("A role whose trust policy does not name glue.amazonaws.com cannot run the job")
    func trustPolicy() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            try createJobRole(lake, trustedService: "sagemaker.amazonaws.com")
            let result = try await run(lake, folder: folder)
            #expect(result.exitCode == 254)
            #expect(result.error.contains("AccessDeniedException"))
            #expect(result.error.contains("Service is unable to assume provided role. Please verify role's TrustPolicy"))
        }
    }

    @Test("A job whose role does not exist fails with IAM's NoSuchEntity")
    func missingRole() async throws {
        try await withTemporaryDirectory { folder in
            let lake = try LakeContext.create(at: folder.appendingPathComponent("lake"), configuration: LakeConfiguration())
            try loadSampleBuckets(into: lake)
            let result = try await run(lake, folder: folder)
            #expect(result.exitCode == 254)
            #expect(result.error.contains("NoSuchEntity"))
        }
    }
}
