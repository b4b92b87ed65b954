import Foundation
import GRDB
import GlueCatalog
import GlueColumnar
import GlueCore
import GlueCSV
import GlueIAM
import GlueJobs
import GlueStorage
import Testing

/// Catalog tables resolved for jobs: location, format, columns, typed partition values, push-down
/// predicates, and the run principal's permissions.
@Suite struct CatalogTableResolverTests {
    static let session = ARN.assumedRole(account: "123456789012", roleName: "job-role", sessionName: "GlueJobRunnerSession")

    func catalog() throws -> SQLiteCatalogStore {
        let store = try SQLiteCatalogStore(writer: try DatabaseQueue())
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "raw")))
        try store.createTable(
            CreateTableRequest(
                databaseName: "raw",
                tableInput: TableInput(
                    name: "events",
                    storageDescriptor: StorageDescriptor(
                        columns: [GlueCatalog.Column(name: "id", type: "bigint"), GlueCatalog.Column(name: "kind", type: "string")],
                        location: "s3://raw/events/", inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
                        serdeInfo: SerDeInfo(
                            serializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", parameters: ["field.delim": "|"])),
                    partitionKeys: [GlueCatalog.Column(name: "year", type: "int"), GlueCatalog.Column(name: "day", type: "date")],
                    parameters: ["skip.header.line.count": "1"])))
        _ = try store.batchCreatePartition(
            BatchCreatePartitionRequest(
                databaseName: "raw", tableName: "events",
                partitionInputList: [
                    PartitionInput(values: ["2023", "2023-12-31"]),
                    PartitionInput(values: ["2024", "2024-01-01"], storageDescriptor: StorageDescriptor(location: "s3://raw/events/2024/01/01/")),
                ]))
        return store
    }

    @Test("A LazySimpleSerDe table reads as CSV with its delimiter and header; partition keys come last, typed")
    func resolvesTable() throws {
        let table = try CatalogTableResolver(catalog: try catalog()).resolve(database: "RAW", table: "Events")
        guard case .csv(let options) = table.format else {
            Issue.record("expected csv, got \(table.format)")
            return
        }
        #expect(options.separator == UInt8(ascii: "|"))
        #expect(options.skipFirst && options.writeHeader)
        #expect(table.schema.names == ["id", "kind", "year", "day"])
        #expect(table.partitionKeys.map(\.dataType) == [.int, .date])
        #expect(table.partitions.map(\.location.description) == ["s3://raw/events/year=2023/day=2023-12-31/", "s3://raw/events/2024/01/01/"])
        #expect(table.partitions.first?.typedValues.first == .integer(2023))
    }

    @Test("A push-down predicate (Spark's == too) narrows the partitions through GetPartitions")
    func predicate() throws {
        let resolver = CatalogTableResolver(catalog: try catalog())
        #expect(try resolver.resolve(database: "raw", table: "events", partitionPredicate: "year == 2024").partitions.map(\.values) == [["2024", "2024-01-01"]])
        #expect(try resolver.resolve(database: "raw", table: "events", partitionPredicate: "day < '2024-01-01'").partitions.count == 1)
        #expect(throws: GlueError.self) { try resolver.resolve(database: "raw", table: "events", partitionPredicate: "month = 1") }
    }

    @Test("The principal needs glue:GetTable and glue:GetPartitions; a denial is AccessDeniedException")
    func authorization() throws {
        let onlyGetTable = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"glue:GetTable","Resource":"*"}]}"#
        let caller = CallerIdentity(
            arn: Self.session, accountID: "123456789012", policies: PolicySet(identityPolicies: [try PolicyDocument(json: onlyGetTable)]))
        let checked = PolicyCheckingCatalogStore(base: try catalog(), caller: caller, region: "us-east-1")
        do {
            _ = try CatalogTableResolver(catalog: checked).resolve(database: "raw", table: "events")
            Issue.record("GetPartitions should have been denied")
        } catch {
            #expect(error.code == .accessDeniedException)
            #expect(error.operation == "GetPartitions")
            #expect(error.message.contains("glue:GetPartitions"))
        }
    }

    @Test("Table formats: classification first, then SerDe, then InputFormat; others are refused by name")
    func formats() throws {
        func table(_ parameters: [String: String], serde: String? = nil, input: String? = nil) -> GlueCatalog.Table {
            Table(
                input: TableInput(
                    name: "t", storageDescriptor: StorageDescriptor(location: "s3://b/t/", inputFormat: input, serdeInfo: SerDeInfo(serializationLibrary: serde)),
                    parameters: parameters),
                databaseName: "d", createTime: nil, updateTime: nil, createdBy: nil, catalogId: nil, versionId: nil)
        }
        #expect(try CatalogTableFormat(table: table(["classification": "parquet"])) == .parquet)
        #expect(try CatalogTableFormat(table: table([:], serde: "org.openx.data.jsonserde.JsonSerDe")) == .json)
        #expect(try CatalogTableFormat(table: table([:], input: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")) == .parquet)
        #expect(try CatalogTableFormat(table: table(["classification": "csv"])).name == "csv")
        #expect(throws: GlueError.self) { try CatalogTableFormat(table: table(["classification": "avro"])) }
        #expect(throws: GlueError.self) { try CatalogTableFormat(table: table(["table_type": "ICEBERG"])) }
    }

    @Test("Objects of a partitioned table are listed per partition folder, with the partition's values")
    func objects() throws {
        let store = InMemoryObjectStore()
        _ = try store.createBucket("raw")
        _ = try store.putObject(bucket: "raw", key: "events/year=2023/day=2023-12-31/a.csv", bytes: Array("id|kind\n1|x\n".utf8))
        _ = try store.putObject(bucket: "raw", key: "events/2024/01/01/b.csv", bytes: Array("id|kind\n2|y\n".utf8))
        _ = try store.putObject(bucket: "raw", key: "events/year=2022/day=2022-01-01/unregistered.csv", bytes: Array("id|kind\n3|z\n".utf8))
        let table = try CatalogTableResolver(catalog: try catalog()).resolve(database: "raw", table: "events")
        let objects = try table.objects(in: store)
        #expect(objects.map(\.object.key) == ["events/year=2023/day=2023-12-31/a.csv", "events/2024/01/01/b.csv"])
        #expect(objects.last?.partitionValues.first == .integer(2024))
    }
}
