import Foundation
import GRDB
import GlueCore

/// The Data Catalog in SQLite, through GRDB: the lake's catalog.
///
/// It takes any GRDB `DatabaseWriter` (the lake's `DatabasePool`, or a `DatabaseQueue` in tests)
/// and runs its own migrator, whose identifiers start with `catalog.`; migrations only move
/// forward. Every write runs in an `IMMEDIATE` transaction, so two processes sharing one WAL lake
/// queue on SQLite's write lock (within the writer's busy timeout) instead of failing with
/// "database is locked" half-way through a transaction. Definitions are stored as Glue JSON; names
/// and partition values have their own columns for lookups and uniqueness.
///
/// Open the lake's pool with ``SQLiteCatalogStore/lakeConfiguration(busyTimeout:)`` (WAL is the
/// pool's default) to get a busy timeout.
public struct SQLiteCatalogStore: CatalogStore {
    /// The catalog's ID (the account).
    public let catalogId: String
    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date

    /// Opens the catalog in a database, running the catalog's migrations first.
    ///
    /// - Parameters:
    ///   - writer: the lake's database.
    ///   - catalogId: the account that owns the catalog (default `123456789012`).
    ///   - clock: the source of `CreateTime`/`UpdateTime` (tests pass a fixed clock).
    /// - Throws: `InternalServiceException` when the migrations cannot run.
    public init(
        writer: any DatabaseWriter, catalogId: String = AccountID.default.rawValue,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GlueError) {
        self.writer = writer
        self.catalogId = catalogId
        self.clock = clock
        try Self.migrate(writer)
    }

    /// A GRDB configuration for a lake shared by several processes: a busy timeout so a writer
    /// waits for another process's transaction instead of failing.
    public static func lakeConfiguration(busyTimeout: TimeInterval = 30) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// Runs the catalog's migrations, tolerating another process running them at the same time.
    static func migrate(_ writer: any DatabaseWriter) throws(GlueError) {
        var lastError: (any Error)?
        for _ in 0..<5 {
            do {
                try CatalogSchema.migrator.migrate(writer)
                return
            } catch {
                // Another process may have applied the same migration between our check and our
                // transaction; the next attempt sees it as applied.
                lastError = error
            }
        }
        throw GlueError(
            .internalService, "Cannot migrate the catalog schema: \(lastError.map { String(describing: $0) } ?? "unknown")",
            cause: lastError.map(SendableErrorDescription.init))
    }

    /// Runs `body` in an immediate write transaction, mapping every failure to a `GlueError`.
    func write<T>(_ operation: String, _ body: (GRDB.Database) throws -> T) throws(GlueError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: Result<T, any Error> = .failure(GlueError(.internalService, "The transaction did not run."))
                try db.inTransaction(.immediate) {
                    result = .success(try body(db))
                    return .commit
                }
                return try result.get()
            }
        } catch {
            throw Self.map(error, operation)
        }
    }

    /// Runs `body` on a consistent snapshot, mapping every failure to a `GlueError`.
    func read<T>(_ operation: String, _ body: (GRDB.Database) throws -> T) throws(GlueError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.map(error, operation)
        }
    }

    static func map(_ error: any Error, _ operation: String) -> GlueError {
        if let error = error as? GlueError { return error.during(operation) }
        if let error = error as? DatabaseError,
            error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            return GlueError(
                .concurrentModification, "The catalog is busy: another process held the lake's write lock too long.",
                operation: operation, cause: SendableErrorDescription(error))
        }
        return GlueError(
            .internalService, "The catalog's database failed: \(error)", operation: operation,
            cause: SendableErrorDescription(error))
    }

    /// Encodes a definition for storage.
    static func json<T: Encodable>(_ value: T) throws(GlueError) -> String {
        String(decoding: try CatalogJSON.encode(value), as: UTF8.self)
    }

    /// Decodes a stored definition.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws(GlueError) -> T {
        do {
            return try CatalogJSON.decode(type, from: Data(text.utf8))
        } catch {
            throw CatalogErrors.corrupt(what, error.message)
        }
    }
}

/// An error's description, carried as a `Sendable` cause.
struct SendableErrorDescription: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
