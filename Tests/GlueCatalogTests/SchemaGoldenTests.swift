import Foundation
import GRDB
import GlueCatalog
import Testing

/// `Catalog/schema.sql` is the catalog's schema after every migration. A missing or different file
/// fails; `LOCALGLUE_RECORD_GOLDEN=1` writes it anew.
@Suite struct SchemaGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("Catalog/schema.sql matches the migrated schema")
    func golden() throws {
        let queue = try DatabaseQueue()
        _ = try SQLiteCatalogStore(writer: queue)
        let schema = try CatalogSchema.dump(queue)
        let url = Self.root.appendingPathComponent("Catalog/schema.sql")
        if ProcessInfo.processInfo.environment["LOCALGLUE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try schema.write(to: url, atomically: true, encoding: .utf8)
        }
        let recorded = try #require(
            try? String(contentsOf: url, encoding: .utf8), "Catalog/schema.sql is missing; run with LOCALGLUE_RECORD_GOLDEN=1")
        #expect(recorded == schema, "Catalog/schema.sql differs from the migrated schema; re-record with LOCALGLUE_RECORD_GOLDEN=1 after reviewing")
    }

    @Test("Migrations are recorded under catalog.* identifiers and running them twice is a no-op")
    func migrationsMoveForward() throws {
        let queue = try DatabaseQueue()
        _ = try SQLiteCatalogStore(writer: queue)
        _ = try SQLiteCatalogStore(writer: queue)
        let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == CatalogSchema.migrationIdentifiers)
        #expect(applied.allSatisfy { $0.hasPrefix("catalog.") })
    }

    @Test("The catalog shares a lake database with other areas' migrations")
    func coexistsWithOtherMigrators() throws {
        let queue = try DatabaseQueue()
        var other = DatabaseMigrator()
        other.registerMigration("iam.v1-roles") { db in try db.execute(sql: "CREATE TABLE iam_role (name TEXT PRIMARY KEY)") }
        try other.migrate(queue)
        let store = try SQLiteCatalogStore(writer: queue)
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try other.migrate(queue)
        #expect(try store.getDatabase(GetDatabaseRequest(name: "d")).database.name == "d")
    }
}
