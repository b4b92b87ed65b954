import GRDB
import GlueCore

/// GlueStorage's tables in the lake's SQLite database, with migrations prefixed `storage.`.
///
/// - `storage_buckets`: the bucket registry (owner account, mounted folder, policy, default key).
/// - `storage_kms_keys`: the lake's KMS keys and their key policies.
public enum StorageSchema {
    /// The migrator of GlueStorage's tables; only moves forward.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("storage.v1-buckets") { db in
            try db.execute(sql: """
                CREATE TABLE storage_buckets (
                    name TEXT PRIMARY KEY NOT NULL,
                    owner_account TEXT NOT NULL,
                    creation_date REAL NOT NULL,
                    mounted_path TEXT,
                    policy TEXT,
                    default_kms_key_id TEXT
                )
                """)
        }
        migrator.registerMigration("storage.v1-kms-keys") { db in
            try db.execute(sql: """
                CREATE TABLE storage_kms_keys (
                    key_id TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL UNIQUE,
                    account TEXT NOT NULL,
                    region TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    key_usage TEXT NOT NULL,
                    key_spec TEXT NOT NULL,
                    key_state TEXT NOT NULL,
                    creation_date REAL NOT NULL,
                    policy TEXT NOT NULL
                )
                """)
        }
        return migrator
    }

    /// Applies GlueStorage's migrations to `database`.
    ///
    /// - Throws: `InternalError` when SQLite fails.
    public static func migrate(_ database: any DatabaseWriter) throws(GlueError) {
        do { try migrator.migrate(database) } catch { throw GlueError.database(error) }
    }
}

extension GlueError {
    static func database(_ error: any Error, fileID: String = #fileID, line: Int = #line) -> GlueError {
        if let glue = error as? GlueError { return glue }
        return GlueError(.internalError, "The lake database failed: \(error)", cause: error, fileID: fileID, line: line)
    }
}
