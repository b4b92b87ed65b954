import Foundation
import GRDB
import GlueCatalog
import GlueCore
import GlueExport
import GlueIAM
import GlueJobs
import GlueStorage

/// An in-memory lake for export tests: the sample lake's catalog (Catalog/) and roles
/// (data-lake-test-job-role as scripts/demo.sh makes it with the corrected S3 policy, the W2-W5
/// bench role, and GlueJobRole with customer managed policies and a permissions boundary).
struct ExportTestLake {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let account = "123456789012"

    let iam: SQLiteIAMStore
    let catalog: SQLiteCatalogStore
    /// The raw bucket: CSV and JSON files without declared columns, and a sample Parquet file.
    let store = InMemoryObjectStore(account: AccountID.default)

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try Data(contentsOf: repository.appendingPathComponent(relativePath)), as: UTF8.self)
    }

    init() throws {
        let database = try DatabaseQueue()
        iam = try SQLiteIAMStore(database: database, accountID: Self.account, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        catalog = try SQLiteCatalogStore(writer: database, catalogId: Self.account, clock: { Date(timeIntervalSince1970: 1_700_000_000) })

        let trust = try Self.text("SampleData/iam/data-lake-test-job-role.trust-policy.json")
        try iam.createRole(roleName: "data-lake-test-job-role", assumeRolePolicyDocument: trust)
        try iam.attachRolePolicy(roleName: "data-lake-test-job-role", policyArn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
        try iam.putRolePolicy(
            roleName: "data-lake-test-job-role", policyName: "s3-access",
            policyDocument: try Self.text("SampleData/iam/data-lake-test-job-role.s3-policy.corrected.json"))
        try iam.putRolePolicy(
            roleName: "data-lake-test-job-role", policyName: "kms-decrypt", policyDocument: try Self.text("SampleData/iam/data-lake-test-job-role.kms-policy.json"))

        try iam.createRole(roleName: "localglue-bench-role", assumeRolePolicyDocument: try Self.text("Benchmarks/workloads/bench-role.trust-policy.json"))
        try iam.putRolePolicy(roleName: "localglue-bench-role", policyName: "s3-access", policyDocument: try Self.text("Benchmarks/workloads/bench-role.s3-policy.json"))

        let boundary = try iam.createPolicy(
            policyName: "glue-job-boundary", policyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "glue:*", "logs:*"], "Resource": "*"}]}"#,
            path: "/boundaries/", description: "At most S3, Glue and logs")
        let data = try iam.createPolicy(
            policyName: "glue-job-data",
            policyDocument: """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"]},
                    {"Sid": "Write", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::curated/*",
                     "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}}
                  ]
                }
                """)
        try iam.createRole(
            roleName: "GlueJobRole", assumeRolePolicyDocument: trust, path: "/service-role/", description: "Role of the per-node test jobs (it's quoted)",
            maxSessionDuration: 7200, permissionsBoundary: boundary.arn)
        try iam.attachRolePolicy(roleName: "GlueJobRole", policyArn: data.arn)
        try iam.attachRolePolicy(roleName: "GlueJobRole", policyArn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
        try iam.putRolePolicy(
            roleName: "GlueJobRole", policyName: "catalog",
            policyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["glue:Get*","glue:BatchCreatePartition"],"Resource":"*"}]}"#)

        try store.createBucket("raw")
        try store.putObject(bucket: "raw", key: "events-csv/part-0.csv", bytes: Array("id,kind,score\n1,click,2.5\n2,view,1\n3,click,\n".utf8))
        try store.putObject(bucket: "raw", key: "events-json/part-0.json", bytes: Array("{\"id\": 1, \"tags\": [\"a\"], \"at\": \"2024-01-02\"}\n{\"id\": 2, \"ok\": true}\n".utf8))
        let parquet = "SampleData/buckets/data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/1/part-00000-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.gz.parquet"
        try store.putObject(bucket: "raw", key: "orders-parquet/part-0.parquet", bytes: Array(try Data(contentsOf: Self.repository.appendingPathComponent(parquet))))

        let catalogFolder = Self.repository.appendingPathComponent("Catalog")
        for name in try FileManager.default.contentsOfDirectory(atPath: catalogFolder.appendingPathComponent("databases").path).sorted() {
            let data = try Data(contentsOf: catalogFolder.appendingPathComponent("databases/\(name)"))
            try catalog.createDatabase(CreateDatabaseRequest(databaseInput: try CatalogJSON.decoder().decode(DatabaseInput.self, from: data)))
        }
        let tables = catalogFolder.appendingPathComponent("tables")
        for database in try FileManager.default.contentsOfDirectory(atPath: tables.path).sorted() {
            for name in try FileManager.default.contentsOfDirectory(atPath: tables.appendingPathComponent(database).path).sorted() where name.hasSuffix(".json") {
                let data = try Data(contentsOf: tables.appendingPathComponent("\(database)/\(name)"))
                try catalog.createTable(CreateTableRequest(databaseName: database, tableInput: try CatalogJSON.decoder().decode(TableInput.self, from: data)))
            }
        }
    }

    /// Partitions of sagemaker_rawdata.events: two under the table (one the test job's predicate
    /// leaves out), one with its own location elsewhere, one with the default (null) value.
    func addEventPartitions() throws {
        for (values, location) in [
            (["2024", "01", "05"], nil), (["2023", "12", "31"], nil), (["2024", "02", "01"], "s3://archive/events/2024-02-01/"),
            (["2024", "__HIVE_DEFAULT_PARTITION__", "x"], nil),
        ] as [([String], String?)] {
            try catalog.createPartition(
                CreatePartitionRequest(
                    databaseName: "sagemaker_rawdata", tableName: "events",
                    partitionInput: PartitionInput(values: values, storageDescriptor: location.map { StorageDescriptor(location: $0) })))
        }
    }

    /// The job at a path of the repository.
    static func job(_ relativePath: String) throws -> JobDefinition {
        try JobDefinition.decode(json: try Data(contentsOf: repository.appendingPathComponent(relativePath)))
    }

    /// An exporter for a job, with its role when the lake has it.
    func exporter(_ job: JobDefinition) throws -> JobExporter {
        let role = try? ExportedRole.load(job.role, from: iam)
        return try JobExporter(job: job, accountID: Self.account, region: "us-east-1", catalog: catalog, role: role, version: "0.1.0", store: store)
    }
}
