import Foundation
import GlueCatalog
import GlueCore
import Testing

@Suite struct TableTests {
    func storeWithDatabase() throws -> SQLiteCatalogStore {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "sales")))
        return store
    }

    @Test("CreateTable stores the input as version 1 with Glue's output fields")
    func createAndGet() throws {
        let store = try storeWithDatabase()
        try store.createTable(CreateTableRequest(databaseName: "Sales", tableInput: partitionedTable("Orders", keys: [("year", "string")])))
        let table = try #require(try store.getTable(GetTableRequest(databaseName: "sales", name: "ORDERS")).table)
        #expect(table.name == "orders")
        #expect(table.databaseName == "sales")
        #expect(table.versionId == "1")
        #expect(table.catalogId == "123456789012")
        #expect(table.isRegisteredWithLakeFormation == false)
        #expect(table.tableType == "EXTERNAL_TABLE")
        #expect(table.partitionKeys == [Column(name: "year", type: "string")])
        #expect(table.storageDescriptor?.columns == [Column(name: "amount", type: "double")])
        #expect(table.createTime == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(table.updateTime == table.createTime)
    }

    @Test("CreateTable errors: missing database, duplicate, missing TableInput, duplicate column")
    func createErrors() throws {
        let store = try storeWithDatabase()
        let missingDatabase = expectGlueError(.entityNotFound) {
            try store.createTable(CreateTableRequest(databaseName: "nope", tableInput: TableInput(name: "t")))
        }
        #expect(missingDatabase?.message == "Database nope not found.")
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t")))
        let duplicate = expectGlueError(.alreadyExists) {
            try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: "T")))
        }
        #expect(duplicate?.message == "Table already exists.")
        expectGlueError(.invalidInput) { try store.createTable(CreateTableRequest(databaseName: "sales")) }
        expectGlueError(.invalidInput) {
            try store.createTable(
                CreateTableRequest(
                    databaseName: "sales",
                    tableInput: TableInput(
                        name: "dup", storageDescriptor: StorageDescriptor(columns: [Column(name: "year", type: "int")]),
                        partitionKeys: [Column(name: "year", type: "string")])))
        }
        let missing = expectGlueError(.entityNotFound) { _ = try store.getTable(GetTableRequest(databaseName: "sales", name: "x")) }
        #expect(missing?.message == "Table x not found.")
    }

    @Test("Every UpdateTable archives a version unless SkipArchive; versions list newest first")
    func versions() throws {
        let store = try storeWithDatabase()
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "v1")))
        try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "v2")))
        try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "v3")))
        var table = try #require(try store.getTable(GetTableRequest(databaseName: "sales", name: "t")).table)
        #expect(table.versionId == "3")
        #expect(table.description == "v3")
        let versions = try #require(try store.getTableVersions(GetTableVersionsRequest(databaseName: "sales", tableName: "t")).tableVersions)
        #expect(versions.map(\.versionId) == ["3", "2", "1"])
        #expect(versions.map { $0.table?.description } == ["v3", "v2", "v1"])
        #expect(versions.allSatisfy { $0.table?.versionId == $0.versionId })

        try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "v3b"), skipArchive: true))
        table = try #require(try store.getTable(GetTableRequest(databaseName: "sales", name: "t")).table)
        #expect(table.versionId == "3")
        #expect(table.description == "v3b")
        let after = try #require(try store.getTableVersions(GetTableVersionsRequest(databaseName: "sales", tableName: "t")).tableVersions)
        #expect(after.map(\.versionId) == ["3", "2", "1"])
        #expect(after.first?.table?.description == "v3b")

        let two = try store.getTableVersion(GetTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "2"))
        #expect(two.tableVersion?.table?.description == "v2")
        #expect(try store.getTableVersion(GetTableVersionRequest(databaseName: "sales", tableName: "t")).tableVersion?.versionId == "3")
        expectGlueError(.entityNotFound) {
            _ = try store.getTableVersion(GetTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "9"))
        }
        expectGlueError(.invalidInput) {
            _ = try store.getTableVersion(GetTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "two"))
        }
        try store.deleteTableVersion(DeleteTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "1"))
        expectGlueError(.entityNotFound) {
            try store.deleteTableVersion(DeleteTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "1"))
        }
        expectGlueError(.invalidInput) {
            try store.deleteTableVersion(DeleteTableVersionRequest(databaseName: "sales", tableName: "t", versionId: "3"))
        }
        #expect(try store.getTableVersions(GetTableVersionsRequest(databaseName: "sales", tableName: "t")).tableVersions?.count == 2)
    }

    @Test("UpdateTable with a stale VersionId is ConcurrentModificationException and changes nothing")
    func optimisticVersion() throws {
        let store = try storeWithDatabase()
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "a")))
        try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "b"), versionId: "1"))
        expectGlueError(.concurrentModification) {
            try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "t", description: "c"), versionId: "1"))
        }
        #expect(try store.getTable(GetTableRequest(databaseName: "sales", name: "t")).table?.description == "b")
        expectGlueError(.entityNotFound) {
            try store.updateTable(UpdateTableRequest(databaseName: "sales", tableInput: TableInput(name: "missing")))
        }
    }

    @Test("GetTables filters names with a regular expression where * means any run")
    func getTablesExpression() throws {
        let store = try storeWithDatabase()
        for name in ["orders", "orders_2024", "customers", "order_items"] {
            try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: name, tableType: "EXTERNAL_TABLE")))
        }
        func names(_ expression: String?) throws -> [String] {
            try store.getTables(GetTablesRequest(databaseName: "sales", expression: expression)).tableList?.map(\.name) ?? []
        }
        #expect(try names(nil) == ["customers", "order_items", "orders", "orders_2024"])
        #expect(try names("orders*") == ["orders", "orders_2024"])
        #expect(try names("order.*") == ["order_items", "orders", "orders_2024"])
        #expect(try names("*s") == ["customers", "order_items", "orders"])
        #expect(try names("customers|orders") == ["customers", "orders"])
        #expect(try names("ORDERS") == ["orders"])
        expectGlueError(.invalidInput) { _ = try store.getTables(GetTablesRequest(databaseName: "sales", expression: "(")) }
        expectGlueError(.entityNotFound) { _ = try store.getTables(GetTablesRequest(databaseName: "nope")) }
        let reduced = try store.getTables(GetTablesRequest(databaseName: "sales", attributesToGet: ["NAME", "TABLE_TYPE"]))
        #expect(reduced.tableList?.first?.tableType == "EXTERNAL_TABLE")
        #expect(reduced.tableList?.first?.createTime == nil)
    }

    @Test("DeleteTable and BatchDeleteTable remove tables and report missing ones per item")
    func deletes() throws {
        let store = try storeWithDatabase()
        for name in ["a", "b", "c"] {
            try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: name)))
        }
        try store.deleteTable(DeleteTableRequest(databaseName: "sales", name: "A"))
        expectGlueError(.entityNotFound) { try store.deleteTable(DeleteTableRequest(databaseName: "sales", name: "a")) }
        let response = try store.batchDeleteTable(BatchDeleteTableRequest(databaseName: "sales", tablesToDelete: ["b", "zz", "C"]))
        #expect(response.errors == [TableError(tableName: "zz", errorDetail: ErrorDetail(errorCode: "EntityNotFoundException", errorMessage: "Table zz not found."))])
        #expect(try store.getTables(GetTablesRequest(databaseName: "sales")).tableList?.isEmpty == true)
        expectGlueError(.invalidInput) {
            _ = try store.batchDeleteTable(
                BatchDeleteTableRequest(databaseName: "sales", tablesToDelete: (0...100).map { "t\($0)" }))
        }
    }

    @Test("Every TableInput member round-trips through CreateTable and GetTable")
    func allMembersRoundTrip() throws {
        let store = try storeWithDatabase()
        let input = TableInput(
            name: "full", description: "d", owner: "owner", lastAccessTime: Date(timeIntervalSince1970: 1_600_000_000),
            lastAnalyzedTime: Date(timeIntervalSince1970: 1_600_000_001), retention: 7,
            storageDescriptor: StorageDescriptor(
                columns: [Column(name: "c", type: "array<struct<a:int>>", comment: "x", parameters: ["p": "q"])],
                location: "s3://b/full/", additionalLocations: ["s3://b/more/"], inputFormat: "in", outputFormat: "out",
                compressed: true, numberOfBuckets: 4, serdeInfo: SerDeInfo(name: "s", serializationLibrary: "lib", parameters: ["k": "v"]),
                bucketColumns: ["c"], sortColumns: [Order(column: "c", sortOrder: 1)], parameters: ["sp": "1"],
                skewedInfo: SkewedInfo(skewedColumnNames: ["c"], skewedColumnValues: ["1"], skewedColumnValueLocationMaps: ["1": "s3://b/s/"]),
                storedAsSubDirectories: false,
                schemaReference: SchemaReference(schemaId: SchemaId(schemaName: "n", registryName: "r"), schemaVersionNumber: 2)),
            partitionKeys: [Column(name: "y", type: "int")], viewOriginalText: "o", viewExpandedText: "e",
            tableType: "VIRTUAL_VIEW", parameters: ["a": "b"],
            targetTable: TableIdentifier(catalogId: "111122223333", databaseName: "x", name: "y", region: "us-west-2"),
            viewDefinition: ViewDefinitionInput(
                isProtected: true, definer: "arn:aws:iam::123456789012:role/r",
                representations: [ViewRepresentationInput(dialect: "SPARK", dialectVersion: "3", viewOriginalText: "SELECT 1")],
                subObjects: ["arn:aws:glue:us-east-1:123456789012:table/sales/orders"]))
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: input))
        let table = try #require(try store.getTable(GetTableRequest(databaseName: "sales", name: "full")).table)
        #expect(table.storageDescriptor == input.storageDescriptor)
        #expect(table.lastAccessTime == input.lastAccessTime)
        #expect(table.lastAnalyzedTime == input.lastAnalyzedTime)
        #expect(table.retention == 7)
        #expect(table.targetTable == input.targetTable)
        #expect(table.viewDefinition?.representations?.first?.viewOriginalText == "SELECT 1")
        #expect(table.viewDefinition?.subObjects == input.viewDefinition?.subObjects)
        #expect(table.viewOriginalText == "o")
        #expect(table.viewExpandedText == "e")
        #expect(table.parameters == ["a": "b"])
        #expect(table.owner == "owner")
    }
}
