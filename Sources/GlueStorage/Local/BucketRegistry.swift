#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GRDB
import GlueCore

/// The lake's list of buckets (`storage_buckets`): owner, mounted folder, policy, default key.
struct BucketRegistry: Sendable {
    let database: any DatabaseWriter

    struct Row: Sendable {
        var info: BucketInfo
        var policy: String?
    }

    private static func row(_ row: GRDB.Row) -> Row? {
        guard let name = try? BucketName(row["name"] as String),
            let account = try? AccountID(row["owner_account"] as String)
        else { return nil }
        let info = BucketInfo(
            name: name, creationDate: Date(timeIntervalSince1970: row["creation_date"]), ownerAccount: account,
            mountedPath: row["mounted_path"], defaultKMSKeyID: row["default_kms_key_id"])
        return Row(info: info, policy: row["policy"])
    }

    func lookup(_ name: String) throws(GlueError) -> Row? {
        do {
            return try database.read { db in
                try GRDB.Row.fetchOne(db, sql: "SELECT * FROM storage_buckets WHERE name = ?", arguments: [name]).flatMap(Self.row)
            }
        } catch { throw .database(error) }
    }

    func all() throws(GlueError) -> [Row] {
        do {
            return try database.read { db in
                try GRDB.Row.fetchAll(db, sql: "SELECT * FROM storage_buckets ORDER BY name").compactMap(Self.row)
            }
        } catch { throw .database(error) }
    }

    /// Inserts a bucket; returns the existing row instead when the name is taken.
    func insert(_ info: BucketInfo) throws(GlueError) -> Row? {
        do {
            return try database.write { db -> Row? in
                if let existing = try GRDB.Row.fetchOne(db, sql: "SELECT * FROM storage_buckets WHERE name = ?", arguments: [info.name.rawValue]) {
                    return Self.row(existing)
                }
                try db.execute(
                    sql: "INSERT INTO storage_buckets (name, owner_account, creation_date, mounted_path, default_kms_key_id) VALUES (?, ?, ?, ?, ?)",
                    arguments: [info.name.rawValue, info.ownerAccount.rawValue, info.creationDate.timeIntervalSince1970, info.mountedPath, info.defaultKMSKeyID])
                return nil
            }
        } catch { throw .database(error) }
    }

    func remove(_ name: String) throws(GlueError) {
        do { try database.write { try $0.execute(sql: "DELETE FROM storage_buckets WHERE name = ?", arguments: [name]) } } catch { throw .database(error) }
    }

    func update(_ name: String, column: String, value: String?) throws(GlueError) {
        precondition(column == "policy" || column == "default_kms_key_id")
        do {
            let changed = try database.write { db -> Int in
                try db.execute(sql: "UPDATE storage_buckets SET \(column) = ? WHERE name = ?", arguments: [value, name])
                return db.changesCount
            }
            if changed == 0 { throw GlueError.noSuchBucket(name) }
        } catch { throw .database(error) }
    }
}
