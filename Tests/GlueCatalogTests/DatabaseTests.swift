import Foundation
import GlueCatalog
import GlueCore
import Testing

@Suite struct DatabaseTests {
    @Test("CreateDatabase folds the name to lower case; GetDatabase finds it in any case")
    func createAndGet() throws {
        let store = try makeStore()
        try store.createDatabase(
            CreateDatabaseRequest(
                databaseInput: DatabaseInput(name: "Sales_DB", description: "sales", locationUri: "s3://b/sales/",
                                             parameters: ["k": "v"])))
        let database = try store.getDatabase(GetDatabaseRequest(name: "SALES_db")).database
        #expect(database.name == "sales_db")
        #expect(database.description == "sales")
        #expect(database.locationUri == "s3://b/sales/")
        #expect(database.parameters == ["k": "v"])
        #expect(database.catalogId == "123456789012")
        #expect(database.createTime == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("A second CreateDatabase of the same name is AlreadyExistsException, whatever the case")
    func duplicate() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "db")))
        let error = expectGlueError(.alreadyExists) {
            try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "DB")))
        }
        #expect(error?.message == "Database already exists.")
        #expect(error?.operation == "CreateDatabase")
    }

    @Test("GetDatabase of a missing database is EntityNotFoundException with Glue's message")
    func missing() throws {
        let store = try makeStore()
        let error = expectGlueError(.entityNotFound) { _ = try store.getDatabase(GetDatabaseRequest(name: "nope")) }
        #expect(error?.message == "Database nope not found.")
    }

    @Test("Names break Glue's rules: empty, longer than 255, a line break", arguments: ["", String(repeating: "a", count: 256), "a\nb"])
    func invalidNames(name: String) throws {
        let store = try makeStore()
        expectGlueError(.invalidInput) {
            try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: name)))
        }
        #expect(try store.getDatabases(GetDatabasesRequest()).databaseList.isEmpty == true)
    }

    @Test("Names at the limits are accepted: 255 characters, spaces, Unicode, a tab")
    func validNames() throws {
        let store = try makeStore()
        for name in [String(repeating: "a", count: 255), "with space", "données", "tab\there"] {
            try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: name)))
        }
        #expect(try store.getDatabases(GetDatabasesRequest()).databaseList.count == 4)
    }

    @Test("Descriptions longer than 2048 characters are refused")
    func longDescription() throws {
        let store = try makeStore()
        let error = expectGlueError(.invalidInput) {
            try store.createDatabase(
                CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d", description: String(repeating: "x", count: 2049))))
        }
        #expect(error?.message.contains("length less than or equal to 2048") == true)
    }

    @Test("UpdateDatabase replaces the definition and keeps CreateTime; missing is EntityNotFound")
    func update() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d", description: "old", parameters: ["a": "1"])))
        try store.updateDatabase(UpdateDatabaseRequest(name: "D", databaseInput: DatabaseInput(name: "d", description: "new")))
        let database = try store.getDatabase(GetDatabaseRequest(name: "d")).database
        #expect(database.description == "new")
        #expect(database.parameters == nil)
        #expect(database.createTime == Date(timeIntervalSince1970: 1_700_000_000))
        expectGlueError(.entityNotFound) {
            try store.updateDatabase(UpdateDatabaseRequest(name: "x", databaseInput: DatabaseInput(name: "x")))
        }
    }

    @Test("DeleteDatabase removes its tables, versions and partitions")
    func deleteCascades() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: partitionedTable("t", keys: [("year", "string")])))
        try store.createPartition(
            CreatePartitionRequest(databaseName: "d", tableName: "t", partitionInput: PartitionInput(values: ["2024"])))
        try store.deleteDatabase(DeleteDatabaseRequest(name: "d"))
        expectGlueError(.entityNotFound) { _ = try store.getDatabase(GetDatabaseRequest(name: "d")) }
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        expectGlueError(.entityNotFound) { _ = try store.getTable(GetTableRequest(databaseName: "d", name: "t")) }
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: partitionedTable("t", keys: [("year", "string")])))
        #expect(try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t")).partitions?.isEmpty == true)
        #expect(try store.getTableVersions(GetTableVersionsRequest(databaseName: "d", tableName: "t")).tableVersions?.count == 1)
        expectGlueError(.entityNotFound) { try store.deleteDatabase(DeleteDatabaseRequest(name: "other")) }
    }
}
