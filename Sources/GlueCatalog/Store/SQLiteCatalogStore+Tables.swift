import Foundation
import GRDB
import GlueCore

/// A table's row in `catalog_table`.
struct StoredTable {
    var databaseName: String
    var name: String
    var versionId: Int64
    var createTime: Double
    var updateTime: Double
    var createdBy: String?
    var input: TableInput

    init(row: Row) throws {
        databaseName = row["database_name"]
        name = row["name"]
        versionId = row["version_id"]
        createTime = row["create_time"]
        updateTime = row["update_time"]
        createdBy = row["created_by"]
        let definition: String = row["definition"]
        input = try SQLiteCatalogStore.decode(TableInput.self, definition, what: "table \(name)")
    }
}

extension SQLiteCatalogStore {
    static let tableColumns = "database_name, name, version_id, create_time, update_time, created_by, definition"

    static func tableRow(_ db: GRDB.Database, _ database: String, _ name: String) throws -> StoredTable? {
        try Row.fetchOne(
            db, sql: "SELECT \(tableColumns) FROM catalog_table WHERE database_name = ? AND name = ?",
            arguments: [database, name]
        ).map(StoredTable.init)
    }

    /// The table, after checking that its database exists.
    static func requireTable(_ db: GRDB.Database, _ database: String, _ name: String) throws -> StoredTable {
        try requireDatabase(db, database)
        guard let table = try tableRow(db, database, name) else { throw CatalogErrors.tableNotFound(name) }
        return table
    }

    func table(_ stored: StoredTable, input: TableInput? = nil, versionId: Int64? = nil, updateTime: Double? = nil) -> Table {
        Table(
            input: input ?? stored.input, databaseName: stored.databaseName,
            createTime: Date(timeIntervalSince1970: stored.createTime),
            updateTime: Date(timeIntervalSince1970: updateTime ?? stored.updateTime), createdBy: stored.createdBy,
            catalogId: catalogId, versionId: String(versionId ?? stored.versionId))
    }

    static func versionNumber(_ text: String) throws(GlueError) -> Int64 {
        guard let number = Int64(text.trimmingCharacters(in: .whitespaces)), number >= 0 else {
            throw GlueError(.invalidInput, "Invalid VersionId '\(text)': a table version is an integer.")
        }
        return number
    }

    public func createTable(_ request: CreateTableRequest) throws(GlueError) {
        let operation = "CreateTable"
        let (databaseName, input, definition) = try perform(operation) { () throws(GlueError) in
            let databaseName = try CatalogValidation.databaseName(request.databaseName)
            guard let given = request.tableInput else { throw CatalogErrors.missing("tableInput") }
            let input = try CatalogValidation.tableInput(given)
            return (databaseName, input, try Self.json(input))
        }
        let now = clock().timeIntervalSince1970
        try write(operation) { db in
            try Self.requireDatabase(db, databaseName)
            try db.execute(
                sql: """
                    INSERT INTO catalog_table (database_name, name, table_type, version_id, create_time, update_time, definition)
                    VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                arguments: [databaseName, input.name, input.tableType, now, now, definition])
            if db.changesCount == 0 { throw CatalogErrors.alreadyExists("Table") }
            try db.execute(
                sql: """
                    INSERT INTO catalog_table_version (database_name, table_name, version_id, update_time, definition)
                    VALUES (?, ?, 1, ?, ?)
                    """,
                arguments: [databaseName, input.name, now, definition])
        }
    }

    public func getTable(_ request: GetTableRequest) throws(GlueError) -> GetTableResponse {
        let operation = "GetTable"
        let (databaseName, name) = try perform(operation) { () throws(GlueError) in
            (try CatalogValidation.databaseName(request.databaseName), try CatalogValidation.tableName(request.name))
        }
        let stored = try read(operation) { db in try Self.requireTable(db, databaseName, name) }
        return GetTableResponse(table: table(stored))
    }

    public func getTables(_ request: GetTablesRequest) throws(GlueError) -> GetTablesResponse {
        let operation = "GetTables"
        let (databaseName, pageSize, after, filter) = try perform(operation) { () throws(GlueError) in
            (
                try CatalogValidation.databaseName(request.databaseName),
                try CatalogValidation.pageSize(request.maxResults, maximum: 100, default: 100),
                try PageToken.position(request.nextToken, for: operation),
                try request.expression.flatMap { text throws(GlueError) in text.isEmpty ? nil : try TableNameFilter(text) }
            )
        }
        let (page, more) = try read(operation) { db -> ([StoredTable], Bool) in
            try Self.requireDatabase(db, databaseName)
            var names = try String.fetchAll(
                db, sql: "SELECT name FROM catalog_table WHERE database_name = ? AND name > ? ORDER BY name",
                arguments: [databaseName, after ?? ""])
            if let filter { names = filter.filter(names) }
            var page: [StoredTable] = []
            for name in names.prefix(pageSize) {
                if let stored = try Self.tableRow(db, databaseName, name) { page.append(stored) }
            }
            return (page, names.count > pageSize)
        }
        let attributes = request.attributesToGet ?? []
        let list = page.map { stored -> Table in
            let full = table(stored)
            guard !attributes.isEmpty else { return full }
            var reduced = Table(
                input: TableInput(name: full.name), databaseName: full.databaseName ?? "", createTime: nil, updateTime: nil,
                createdBy: nil, catalogId: nil, versionId: nil)
            reduced.databaseName = nil
            reduced.isRegisteredWithLakeFormation = nil
            if attributes.contains("TABLE_TYPE") { reduced.tableType = full.tableType }
            return reduced
        }
        let next = more ? page.last.map { PageToken.make(operation, after: $0.name) } : nil
        return GetTablesResponse(tableList: list, nextToken: next)
    }

    public func updateTable(_ request: UpdateTableRequest) throws(GlueError) {
        let operation = "UpdateTable"
        let (databaseName, input, definition, expectedVersion) = try perform(operation) { () throws(GlueError) in
            let databaseName = try CatalogValidation.databaseName(request.databaseName)
            guard let given = request.tableInput else { throw CatalogErrors.missing("tableInput") }
            let input = try CatalogValidation.tableInput(given)
            if let name = request.name, try CatalogValidation.tableName(name) != input.name {
                throw GlueError(.invalidInput, "The table name \(name) does not match TableInput.Name \(input.name).")
            }
            let expected = try request.versionId.map { text throws(GlueError) in try Self.versionNumber(text) }
            return (databaseName, input, try Self.json(input), expected)
        }
        let skipArchive = request.skipArchive ?? false
        let now = clock().timeIntervalSince1970
        try write(operation) { db in
            let stored = try Self.requireTable(db, databaseName, input.name)
            if let expectedVersion, expectedVersion != stored.versionId {
                throw GlueError(.concurrentModification, "Update table failed due to concurrent modifications.")
            }
            let version = skipArchive ? stored.versionId : stored.versionId + 1
            try db.execute(
                sql: """
                    UPDATE catalog_table SET table_type = ?, version_id = ?, update_time = ?, definition = ?
                    WHERE database_name = ? AND name = ?
                    """,
                arguments: [input.tableType, version, now, definition, databaseName, input.name])
            try db.execute(
                sql: """
                    INSERT INTO catalog_table_version (database_name, table_name, version_id, update_time, definition)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (database_name, table_name, version_id)
                    DO UPDATE SET update_time = excluded.update_time, definition = excluded.definition
                    """,
                arguments: [databaseName, input.name, version, now, definition])
        }
    }

    static func deleteTable(_ db: GRDB.Database, _ databaseName: String, _ name: String) throws {
        try db.execute(
            sql: "DELETE FROM catalog_partition WHERE database_name = ? AND table_name = ?", arguments: [databaseName, name])
        try db.execute(
            sql: "DELETE FROM catalog_table_version WHERE database_name = ? AND table_name = ?",
            arguments: [databaseName, name])
        try db.execute(
            sql: "DELETE FROM catalog_table WHERE database_name = ? AND name = ?", arguments: [databaseName, name])
    }

    public func deleteTable(_ request: DeleteTableRequest) throws(GlueError) {
        let operation = "DeleteTable"
        let (databaseName, name) = try perform(operation) { () throws(GlueError) in
            (try CatalogValidation.databaseName(request.databaseName), try CatalogValidation.tableName(request.name))
        }
        try write(operation) { db in
            _ = try Self.requireTable(db, databaseName, name)
            try Self.deleteTable(db, databaseName, name)
        }
    }

    public func batchDeleteTable(_ request: BatchDeleteTableRequest) throws(GlueError) -> BatchDeleteTableResponse {
        let operation = "BatchDeleteTable"
        let databaseName = try perform(operation) { () throws(GlueError) in
            guard request.tablesToDelete.count <= 100 else {
                throw CatalogErrors.listTooLong(count: request.tablesToDelete.count, at: "tablesToDelete", maximum: 100)
            }
            return try CatalogValidation.databaseName(request.databaseName)
        }
        let errors = try write(operation) { db -> [TableError] in
            try Self.requireDatabase(db, databaseName)
            var errors: [TableError] = []
            for given in request.tablesToDelete {
                let name: String
                do {
                    name = try CatalogValidation.tableName(given)
                } catch let error as GlueError {
                    errors.append(TableError(tableName: given, errorDetail: ErrorDetail(error)))
                    continue
                }
                guard try Self.tableRow(db, databaseName, name) != nil else {
                    errors.append(TableError(tableName: given, errorDetail: ErrorDetail(CatalogErrors.tableNotFound(name))))
                    continue
                }
                try Self.deleteTable(db, databaseName, name)
            }
            return errors
        }
        return BatchDeleteTableResponse(errors: errors)
    }

    public func getTableVersions(_ request: GetTableVersionsRequest) throws(GlueError) -> GetTableVersionsResponse {
        let operation = "GetTableVersions"
        let (databaseName, name, pageSize, after) = try perform(operation) { () throws(GlueError) in
            (
                try CatalogValidation.databaseName(request.databaseName), try CatalogValidation.tableName(request.tableName),
                try CatalogValidation.pageSize(request.maxResults, maximum: 100, default: 100),
                try PageToken.position(request.nextToken, for: operation)
            )
        }
        let before = try perform(operation) { () throws(GlueError) in
            try after.map { text throws(GlueError) in try Self.versionNumber(text) } ?? Int64.max
        }
        let (stored, rows) = try read(operation) { db -> (StoredTable, [Row]) in
            let stored = try Self.requireTable(db, databaseName, name)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT version_id, update_time, definition FROM catalog_table_version
                    WHERE database_name = ? AND table_name = ? AND version_id < ?
                    ORDER BY version_id DESC LIMIT ?
                    """,
                arguments: [databaseName, name, before, pageSize + 1])
            return (stored, rows)
        }
        var versions: [TableVersion] = []
        var lastVersion: Int64 = 0
        for row in rows.prefix(pageSize) {
            let version: Int64 = row["version_id"]
            let definition: String = row["definition"]
            let input = try perform(operation) { () throws(GlueError) in
                try Self.decode(TableInput.self, definition, what: "table version \(version) of \(name)")
            }
            versions.append(
                TableVersion(
                    table: table(stored, input: input, versionId: version, updateTime: row["update_time"]),
                    versionId: String(version)))
            lastVersion = version
        }
        let next = rows.count > pageSize ? PageToken.make(operation, after: String(lastVersion)) : nil
        return GetTableVersionsResponse(tableVersions: versions, nextToken: next)
    }

    public func getTableVersion(_ request: GetTableVersionRequest) throws(GlueError) -> GetTableVersionResponse {
        let operation = "GetTableVersion"
        let (databaseName, name, wanted) = try perform(operation) { () throws(GlueError) in
            (
                try CatalogValidation.databaseName(request.databaseName), try CatalogValidation.tableName(request.tableName),
                try request.versionId.map { text throws(GlueError) in try Self.versionNumber(text) }
            )
        }
        let (stored, row) = try read(operation) { db -> (StoredTable, Row?) in
            let stored = try Self.requireTable(db, databaseName, name)
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT version_id, update_time, definition FROM catalog_table_version
                    WHERE database_name = ? AND table_name = ? AND version_id = ?
                    """,
                arguments: [databaseName, name, wanted ?? stored.versionId])
            return (stored, row)
        }
        guard let row else { throw CatalogErrors.versionNotFound().during(operation) }
        let version: Int64 = row["version_id"]
        let definition: String = row["definition"]
        let input = try perform(operation) { () throws(GlueError) in
            try Self.decode(TableInput.self, definition, what: "table version \(version) of \(name)")
        }
        return GetTableVersionResponse(
            tableVersion: TableVersion(
                table: table(stored, input: input, versionId: version, updateTime: row["update_time"]),
                versionId: String(version)))
    }

    public func deleteTableVersion(_ request: DeleteTableVersionRequest) throws(GlueError) {
        let operation = "DeleteTableVersion"
        let (databaseName, name, version) = try perform(operation) { () throws(GlueError) in
            (
                try CatalogValidation.databaseName(request.databaseName), try CatalogValidation.tableName(request.tableName),
                try Self.versionNumber(request.versionId)
            )
        }
        try write(operation) { db in
            let stored = try Self.requireTable(db, databaseName, name)
            if version == stored.versionId {
                throw GlueError(.invalidInput, "Version \(version) is the current version of table \(name) and cannot be deleted.")
            }
            try db.execute(
                sql: "DELETE FROM catalog_table_version WHERE database_name = ? AND table_name = ? AND version_id = ?",
                arguments: [databaseName, name, version])
            if db.changesCount == 0 { throw CatalogErrors.versionNotFound() }
        }
    }
}
