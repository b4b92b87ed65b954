import Foundation
import GlueCatalog
import GlueCore
import Testing

@Suite struct PartitionTests {
    func storeWithTable(keys: [(String, String)] = [("year", "string"), ("month", "int")]) throws -> SQLiteCatalogStore {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "sales")))
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: partitionedTable("orders", keys: keys)))
        return store
    }

    func input(_ values: [String]) -> PartitionInput {
        PartitionInput(
            values: values,
            storageDescriptor: StorageDescriptor(
                columns: [Column(name: "amount", type: "double")],
                location: "s3://bucket/orders/" + values.joined(separator: "/") + "/"),
            parameters: ["p": values.joined()])
    }

    @Test("CreatePartition and GetPartition keep values in key order and the partition's own storage")
    func createAndGet() throws {
        let store = try storeWithTable()
        try store.createPartition(CreatePartitionRequest(databaseName: "SALES", tableName: "Orders", partitionInput: input(["2024", "01"])))
        let partition = try #require(
            try store.getPartition(GetPartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["2024", "01"])).partition)
        #expect(partition.values == ["2024", "01"])
        #expect(partition.databaseName == "sales")
        #expect(partition.tableName == "orders")
        #expect(partition.storageDescriptor?.location == "s3://bucket/orders/2024/01/")
        #expect(partition.creationTime == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(partition.catalogId == "123456789012")
        let missing = expectGlueError(.entityNotFound) {
            _ = try store.getPartition(GetPartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["01", "2024"]))
        }
        #expect(missing?.message == "Cannot find partition.")
    }

    @Test("Partition errors: duplicate, wrong number of values, missing values, missing table")
    func errors() throws {
        let store = try storeWithTable()
        try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", "1"])))
        let duplicate = expectGlueError(.alreadyExists) {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", "1"])))
        }
        #expect(duplicate?.message == "Partition already exists.")
        expectGlueError(.invalidInput) {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024"])))
        }
        expectGlueError(.invalidInput) {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: PartitionInput()))
        }
        expectGlueError(.invalidInput) {
            try store.createPartition(
                CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", String(repeating: "9", count: 1025)])))
        }
        expectGlueError(.entityNotFound) {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "nope", partitionInput: input(["2024", "1"])))
        }
    }

    @Test("BatchCreatePartition reports per-item errors and creates the rest; more than 100 is refused whole")
    func batchCreate() throws {
        let store = try storeWithTable()
        try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", "1"])))
        let response = try store.batchCreatePartition(
            BatchCreatePartitionRequest(
                databaseName: "sales", tableName: "orders",
                partitionInputList: [input(["2024", "1"]), input(["2024", "2"]), input(["2024"]), input(["2024", "2"])]))
        let errors = try #require(response.errors)
        #expect(errors.count == 3)
        #expect(errors[0] == PartitionError(partitionValues: ["2024", "1"], errorDetail: ErrorDetail(errorCode: "AlreadyExistsException", errorMessage: "Partition already exists.")))
        #expect(errors[1].errorDetail?.errorCode == "InvalidInputException")
        #expect(errors[2].errorDetail?.errorCode == "AlreadyExistsException")
        #expect(try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders")).partitions?.count == 2)
        expectGlueError(.invalidInput) {
            _ = try store.batchCreatePartition(
                BatchCreatePartitionRequest(
                    databaseName: "sales", tableName: "orders", partitionInputList: (0...100).map { input(["2025", String($0)]) }))
        }
        #expect(try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders")).partitions?.count == 2)
    }

    @Test("UpdatePartition replaces the definition but never the values")
    func update() throws {
        let store = try storeWithTable()
        try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", "1"])))
        var changed = input(["2024", "1"])
        changed.parameters = ["new": "yes"]
        try store.updatePartition(
            UpdatePartitionRequest(databaseName: "sales", tableName: "orders", partitionValueList: ["2024", "1"], partitionInput: changed))
        let partition = try store.getPartition(GetPartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["2024", "1"]))
        #expect(partition.partition?.parameters == ["new": "yes"])
        #expect(partition.partition?.creationTime == Date(timeIntervalSince1970: 1_700_000_000))
        expectGlueError(.invalidInput) {
            try store.updatePartition(
                UpdatePartitionRequest(databaseName: "sales", tableName: "orders", partitionValueList: ["2024", "1"], partitionInput: input(["2024", "2"])))
        }
        expectGlueError(.entityNotFound) {
            try store.updatePartition(
                UpdatePartitionRequest(databaseName: "sales", tableName: "orders", partitionValueList: ["2024", "9"], partitionInput: input(["2024", "9"])))
        }
        let batch = try store.batchUpdatePartition(
            BatchUpdatePartitionRequest(
                databaseName: "sales", tableName: "orders",
                entries: [
                    BatchUpdatePartitionRequestEntry(partitionValueList: ["2024", "1"], partitionInput: PartitionInput(parameters: ["b": "1"])),
                    BatchUpdatePartitionRequestEntry(partitionValueList: ["2024", "7"], partitionInput: PartitionInput()),
                ]))
        #expect(batch.errors?.map(\.partitionValueList) == [["2024", "7"]])
        #expect(try store.getPartition(GetPartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["2024", "1"])).partition?.parameters == ["b": "1"])
    }

    @Test("BatchGetPartition skips missing partitions; DeletePartition and BatchDeletePartition (at most 25)")
    func batchGetAndDelete() throws {
        let store = try storeWithTable()
        for month in 1...5 {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", String(month)])))
        }
        let got = try store.batchGetPartition(
            BatchGetPartitionRequest(
                databaseName: "sales", tableName: "orders",
                partitionsToGet: [PartitionValueList(values: ["2024", "2"]), PartitionValueList(values: ["2024", "9"]), PartitionValueList(values: ["2024", "4"])]))
        #expect(got.partitions?.map(\.values) == [["2024", "2"], ["2024", "4"]])
        #expect(got.unprocessedKeys == [])
        try store.deletePartition(DeletePartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["2024", "1"]))
        expectGlueError(.entityNotFound) {
            try store.deletePartition(DeletePartitionRequest(databaseName: "sales", tableName: "orders", partitionValues: ["2024", "1"]))
        }
        let deleted = try store.batchDeletePartition(
            BatchDeletePartitionRequest(
                databaseName: "sales", tableName: "orders",
                partitionsToDelete: [PartitionValueList(values: ["2024", "2"]), PartitionValueList(values: ["2024", "1"])]))
        #expect(deleted.errors == [PartitionError(partitionValues: ["2024", "1"], errorDetail: ErrorDetail(errorCode: "EntityNotFoundException", errorMessage: "Cannot find partition."))])
        expectGlueError(.invalidInput) {
            _ = try store.batchDeletePartition(
                BatchDeletePartitionRequest(
                    databaseName: "sales", tableName: "orders", partitionsToDelete: (0..<26).map { PartitionValueList(values: ["2024", String($0)]) }))
        }
        #expect(try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders")).partitions?.count == 3)
    }

    @Test("Partition values with quotes, backslashes, control characters and Unicode round-trip")
    func awkwardValues() throws {
        let store = try storeWithTable(keys: [("k", "string")])
        let values = ["a\"b", "c\\d", "tab\tnew\nline", "é😀", "", "\u{01}"]
        for value in values {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: PartitionInput(values: [value])))
        }
        let got = try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders", expression: "k LIKE '%'"))
        #expect(got.partitions?.compactMap { $0.values?.first } == values)
    }

    @Test("ExcludeColumnSchema drops the partitions' columns")
    func excludeColumns() throws {
        let store = try storeWithTable()
        try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: input(["2024", "1"])))
        let response = try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders", excludeColumnSchema: true))
        #expect(response.partitions?.first?.storageDescriptor?.columns == nil)
        #expect(response.partitions?.first?.storageDescriptor?.location == "s3://bucket/orders/2024/1/")
    }
}
