import GRDB

/// Brings every area's tables in the lake database up to date (each store also migrates on open).
enum LakeMigrations {
    /// The areas' migrators, in dependency order. Each area appends its own.
    static let migrators: [DatabaseMigrator] = []

    /// Runs every area's migrations on the lake's database.
    ///
    /// - Throws: GRDB's error when a migration fails.
    static func migrate(_ lake: LakeContext) throws {
        for migrator in migrators { try migrator.migrate(lake.database) }
    }
}
