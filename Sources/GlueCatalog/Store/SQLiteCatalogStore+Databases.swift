import Foundation
import GRDB
import GlueCore

extension SQLiteCatalogStore {
    /// Runs a validation or a whole call, naming the operation on the error it throws.
    func perform<T>(_ operation: String, _ body: () throws(GlueError) -> T) throws(GlueError) -> T {
        do {
            return try body()
        } catch {
            throw error.during(operation)
        }
    }

    static func databaseRow(_ db: GRDB.Database, _ name: String) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT name, create_time, definition FROM catalog_database WHERE name = ?", arguments: [name])
    }

    static func requireDatabase(_ db: GRDB.Database, _ name: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM catalog_database WHERE name = ?", arguments: [name]) != nil else {
            throw CatalogErrors.databaseNotFound(name)
        }
    }

    func database(from row: Row) throws(GlueError) -> Database {
        let text: String = row["definition"]
        let input = try Self.decode(DatabaseInput.self, text, what: "database")
        let createTime: Double = row["create_time"]
        return Database(input: input, createTime: Date(timeIntervalSince1970: createTime), catalogId: catalogId)
    }

    public func createDatabase(_ request: CreateDatabaseRequest) throws(GlueError) {
        let operation = "CreateDatabase"
        let input = try perform(operation) { () throws(GlueError) in try CatalogValidation.databaseInput(request.databaseInput) }
        let definition = try perform(operation) { () throws(GlueError) in try Self.json(input) }
        let now = clock().timeIntervalSince1970
        try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO catalog_database (name, create_time, definition) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [input.name, now, definition])
            if db.changesCount == 0 { throw CatalogErrors.alreadyExists("Database") }
        }
    }

    public func getDatabase(_ request: GetDatabaseRequest) throws(GlueError) -> GetDatabaseResponse {
        let operation = "GetDatabase"
        let name = try perform(operation) { () throws(GlueError) in try CatalogValidation.databaseName(request.name) }
        let row = try read(operation) { db in try Self.databaseRow(db, name) }
        guard let row else { throw CatalogErrors.databaseNotFound(name).during(operation) }
        return GetDatabaseResponse(database: try perform(operation) { () throws(GlueError) in try database(from: row) })
    }

    public func getDatabases(_ request: GetDatabasesRequest) throws(GlueError) -> GetDatabasesResponse {
        let operation = "GetDatabases"
        let pageSize = try perform(operation) { () throws(GlueError) in
            try CatalogValidation.pageSize(request.maxResults, maximum: 100, default: 100)
        }
        let after = try perform(operation) { () throws(GlueError) in try PageToken.position(request.nextToken, for: operation) }
        let rows = try read(operation) { db in
            try Row.fetchAll(
                db, sql: "SELECT name, create_time, definition FROM catalog_database WHERE name > ? ORDER BY name LIMIT ?",
                arguments: [after ?? "", pageSize + 1])
        }
        var list: [Database] = []
        for row in rows.prefix(pageSize) {
            var entry = try perform(operation) { () throws(GlueError) in try database(from: row) }
            if let attributes = request.attributesToGet, !attributes.isEmpty, !attributes.contains("TARGET_DATABASE") {
                entry = Database(input: DatabaseInput(name: entry.name), createTime: nil, catalogId: nil)
            }
            list.append(entry)
        }
        let next = rows.count > pageSize ? list.last.map { PageToken.make(operation, after: $0.name) } : nil
        return GetDatabasesResponse(databaseList: list, nextToken: next)
    }

    public func updateDatabase(_ request: UpdateDatabaseRequest) throws(GlueError) {
        let operation = "UpdateDatabase"
        let name = try perform(operation) { () throws(GlueError) in try CatalogValidation.databaseName(request.name) }
        var input = try perform(operation) { () throws(GlueError) in try CatalogValidation.databaseInput(request.databaseInput) }
        // The database keeps its name: Glue has no rename.
        input.name = name
        let definition = try perform(operation) { () throws(GlueError) in try Self.json(input) }
        try write(operation) { db in
            try db.execute(sql: "UPDATE catalog_database SET definition = ? WHERE name = ?", arguments: [definition, name])
            if db.changesCount == 0 { throw CatalogErrors.databaseNotFound(name) }
        }
    }

    public func deleteDatabase(_ request: DeleteDatabaseRequest) throws(GlueError) {
        let operation = "DeleteDatabase"
        let name = try perform(operation) { () throws(GlueError) in try CatalogValidation.databaseName(request.name) }
        try write(operation) { db in
            try Self.requireDatabase(db, name)
            try db.execute(sql: "DELETE FROM catalog_partition WHERE database_name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM catalog_table_version WHERE database_name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM catalog_table WHERE database_name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM catalog_database WHERE name = ?", arguments: [name])
        }
    }
}
