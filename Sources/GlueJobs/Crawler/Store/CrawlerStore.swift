import Foundation
import GRDB
import GlueCore

/// Crawler definitions, their state and their last crawl, in the lake's SQLite database.
///
/// Mirrors Glue's crawler APIs (`CreateCrawler`, `GetCrawler`, `UpdateCrawler`, ...) with Glue's
/// errors. State moves `READY` -> `RUNNING` (``beginCrawl(name:owner:now:)``) -> `STOPPING` (on
/// ``requestStop(name:)``) -> `READY` (``finishCrawl(name:outcome:now:)``). A crawl whose process
/// died is treated as finished, so the crawler can start again.
public struct CrawlerStore: Sendable {
    let database: any DatabaseWriter

    /// Opens the store on a lake database, creating or upgrading its tables.
    ///
    /// - Throws: `InternalServiceException` when the database cannot be migrated.
    public init(database: any DatabaseWriter) throws(GlueError) {
        self.database = database
        do {
            try CrawlerStore.migrator.migrate(database)
        } catch {
            throw GlueError(.internalService, "Cannot prepare the crawler tables: \(error)", cause: error)
        }
    }

    /// The crawler area's migrations (identifiers prefixed `crawler.`; they only move forward).
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("crawler.v1-crawlers") { db in
            try db.execute(sql: """
                CREATE TABLE crawler (
                    name TEXT PRIMARY KEY NOT NULL,
                    definition TEXT NOT NULL,
                    state TEXT NOT NULL,
                    creation_time DOUBLE NOT NULL,
                    last_updated DOUBLE NOT NULL,
                    version INTEGER NOT NULL,
                    crawl_started DOUBLE,
                    owner_pid INTEGER,
                    owner_start_ticks INTEGER,
                    last_crawl TEXT,
                    metrics TEXT,
                    runtimes TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE crawler_folder (
                    crawler_name TEXT NOT NULL,
                    location TEXT NOT NULL,
                    PRIMARY KEY (crawler_name, location)
                );
                """)
        }
        return migrator
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    static let crawlerNotRunning = GlueError.Code("CrawlerNotRunningException")
    static let crawlerStopping = GlueError.Code("CrawlerStoppingException")

    static func notFound(_ name: String) -> GlueError {
        GlueError(.entityNotFound, "Crawler entry with name \(name) does not exist")
    }

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(GlueError) -> T {
        do {
            return try database.write(body)
        } catch let error as GlueError {
            throw error.during(operation)
        } catch {
            throw GlueError(.internalService, "The lake database failed: \(error)", operation: operation, cause: error)
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(GlueError) -> T {
        do {
            return try database.read(body)
        } catch let error as GlueError {
            throw error.during(operation)
        } catch {
            throw GlueError(.internalService, "The lake database failed: \(error)", operation: operation, cause: error)
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(T.self, from: Data(text.utf8))
    }

    // MARK: Definitions

    /// Mirrors Glue `CreateCrawler`.
    ///
    /// - Throws: `InvalidInputException` for an invalid definition, `AlreadyExistsException` when
    ///   the name is taken.
    public func create(_ definition: CrawlerDefinition, now: Date = Date()) throws(GlueError) {
        try definition.validate()
        try write("CreateCrawler") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM crawler WHERE name = ?", arguments: [definition.name]) == true {
                throw GlueError(.alreadyExists, "\(definition.name) already exists.")
            }
            try db.execute(
                sql: "INSERT INTO crawler (name, definition, state, creation_time, last_updated, version) VALUES (?, ?, 'READY', ?, ?, 1)",
                arguments: [definition.name, try Self.encode(definition), now.timeIntervalSince1970, now.timeIntervalSince1970])
        }
    }

    /// Mirrors Glue `UpdateCrawler`: members given replace the stored ones; `Version` grows by one.
    ///
    /// - Throws: `EntityNotFoundException`, `CrawlerRunningException` while it runs,
    ///   `InvalidInputException` for an invalid result.
    public func update(name: String, now: Date = Date(), _ change: (inout CrawlerDefinition) -> Void) throws(GlueError) {
        try write("UpdateCrawler") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT definition, state, owner_pid, owner_start_ticks FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            if Self.isRunning(row) { throw GlueError(.crawlerRunning, "Crawler with name \(name) has already started") }
            var definition = try Self.decode(CrawlerDefinition.self, row["definition"])
            change(&definition)
            definition.name = name
            try definition.validate()
            try db.execute(
                sql: "UPDATE crawler SET definition = ?, last_updated = ?, version = version + 1 WHERE name = ?",
                arguments: [try Self.encode(definition), now.timeIntervalSince1970, name])
        }
    }

    /// Mirrors Glue `DeleteCrawler`.
    ///
    /// - Throws: `EntityNotFoundException`, `CrawlerRunningException` while it runs.
    public func delete(name: String) throws(GlueError) {
        try write("DeleteCrawler") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, owner_pid, owner_start_ticks FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            if Self.isRunning(row) { throw GlueError(.crawlerRunning, "Crawler with name \(name) has already started") }
            try db.execute(sql: "DELETE FROM crawler WHERE name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM crawler_folder WHERE crawler_name = ?", arguments: [name])
        }
    }

    /// The stored definition.
    ///
    /// - Throws: `EntityNotFoundException`.
    public func definition(name: String) throws(GlueError) -> CrawlerDefinition {
        try read("GetCrawler") { db in
            guard let text = try String.fetchOne(db, sql: "SELECT definition FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            return try Self.decode(CrawlerDefinition.self, text)
        }
    }

    /// Mirrors Glue `GetCrawler`.
    ///
    /// - Throws: `EntityNotFoundException`.
    public func crawler(name: String, now: Date = Date()) throws(GlueError) -> Crawler {
        try read("GetCrawler") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            return try Self.crawler(row, now: now)
        }
    }

    /// Mirrors Glue `GetCrawlers` (names in order; `NextToken` is the last name returned).
    ///
    /// - Throws: `InvalidInputException` for `MaxResults` outside 1...1000.
    public func crawlers(maxResults: Int? = nil, nextToken: String? = nil, now: Date = Date()) throws(GlueError) -> (crawlers: [Crawler], nextToken: String?) {
        let limit = maxResults ?? 1000
        guard (1...1000).contains(limit) else {
            throw GlueError(.invalidInput, "1 validation error detected: Value '\(limit)' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000", operation: "GetCrawlers")
        }
        return try read("GetCrawlers") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM crawler WHERE name > ? ORDER BY name LIMIT ?", arguments: [nextToken ?? "", limit + 1])
            let page = try rows.prefix(limit).map { row throws in try Self.crawler(row, now: now) }
            return (page, rows.count > limit ? page.last?.name : nil)
        }
    }

    /// Mirrors Glue `GetCrawlerMetrics` for the named crawlers (all when `names` is empty).
    public func metrics(names: [String]) throws(GlueError) -> [CrawlerMetrics] {
        try read("GetCrawlerMetrics") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, metrics, runtimes FROM crawler ORDER BY name")
            return try rows.compactMap { row throws -> CrawlerMetrics? in
                let name: String = row["name"]
                guard names.isEmpty || names.contains(name) else { return nil }
                var metrics = try (row["metrics"] as String?).map { try Self.decode(CrawlerMetrics.self, $0) } ?? CrawlerMetrics()
                let runtimes = try Self.decode([Double].self, row["runtimes"]).sorted()
                metrics.crawlerName = name
                metrics.timeLeftSeconds = 0
                metrics.stillEstimating = false
                metrics.lastRuntimeSeconds = metrics.lastRuntimeSeconds ?? 0
                metrics.medianRuntimeSeconds = runtimes.isEmpty ? 0 : runtimes[runtimes.count / 2]
                metrics.tablesCreated = metrics.tablesCreated ?? 0
                metrics.tablesUpdated = metrics.tablesUpdated ?? 0
                metrics.tablesDeleted = metrics.tablesDeleted ?? 0
                return metrics
            }
        }
    }

    static func isRunning(_ row: Row) -> Bool {
        let state: String = row["state"]
        guard state != "READY" else { return false }
        guard let pid: Int32 = row["owner_pid"] else { return true }
        let ticks: Int64 = row["owner_start_ticks"] ?? 0
        return ProcessIdentity(pid: pid, startTicks: UInt64(max(0, ticks))).isAlive
    }

    static func crawler(_ row: Row, now: Date) throws -> Crawler {
        let definition = try decode(CrawlerDefinition.self, row["definition"])
        let running = isRunning(row)
        let started: Double? = row["crawl_started"]
        var lastCrawl = try (row["last_crawl"] as String?).map { try decode(LastCrawlInfo.self, $0) }
        if !running, (row["state"] as String) != "READY" {
            // The crawling process died: report the crawl as failed.
            lastCrawl = LastCrawlInfo(
                status: "FAILED", errorMessage: "The crawl ended when its process stopped.", logGroup: "/aws-glue/crawlers",
                logStream: definition.name, messagePrefix: lastCrawl?.messagePrefix, startTime: started.map(Date.init(timeIntervalSince1970:)))
        }
        let elapsed = running ? Int64(max(0, (now.timeIntervalSince1970 - (started ?? now.timeIntervalSince1970)) * 1000)) : 0
        return Crawler(
            definition: definition, state: running ? (row["state"] as String) : "READY", crawlElapsedTime: elapsed,
            creationTime: Date(timeIntervalSince1970: row["creation_time"]), lastUpdated: Date(timeIntervalSince1970: row["last_updated"]),
            lastCrawl: lastCrawl, version: row["version"])
    }

    // MARK: Crawls

    /// Mirrors the start of Glue `StartCrawler`: `READY` -> `RUNNING`, owned by `owner`.
    ///
    /// - Returns: the definition to crawl with.
    /// - Throws: `EntityNotFoundException`; `CrawlerRunningException` when a crawl is under way.
    public func beginCrawl(name: String, owner: ProcessIdentity = .current, now: Date = Date()) throws(GlueError) -> CrawlerDefinition {
        try write("StartCrawler") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT definition, state, owner_pid, owner_start_ticks FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            if Self.isRunning(row) { throw GlueError(.crawlerRunning, "Crawler with name \(name) has already started") }
            try db.execute(
                sql: "UPDATE crawler SET state = 'RUNNING', crawl_started = ?, owner_pid = ?, owner_start_ticks = ? WHERE name = ?",
                arguments: [now.timeIntervalSince1970, owner.pid, Int64(owner.startTicks), name])
            return try Self.decode(CrawlerDefinition.self, row["definition"])
        }
    }

    /// Mirrors Glue `StopCrawler`: a running crawl becomes `STOPPING` and ends `CANCELLED` at its
    /// next check.
    ///
    /// - Throws: `EntityNotFoundException`, `CrawlerNotRunningException`, `CrawlerStoppingException`.
    public func requestStop(name: String) throws(GlueError) {
        try write("StopCrawler") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, owner_pid, owner_start_ticks FROM crawler WHERE name = ?", arguments: [name]) else {
                throw Self.notFound(name)
            }
            guard Self.isRunning(row) else { throw GlueError(Self.crawlerNotRunning, "Crawler with name \(name) isn't running.") }
            guard (row["state"] as String) == "RUNNING" else { throw GlueError(Self.crawlerStopping, "Crawler with name \(name) is stopping.") }
            try db.execute(sql: "UPDATE crawler SET state = 'STOPPING' WHERE name = ?", arguments: [name])
        }
    }

    /// Whether a stop was requested for the running crawl.
    public func isStopRequested(name: String) -> Bool {
        (try? database.read { db in try String.fetchOne(db, sql: "SELECT state FROM crawler WHERE name = ?", arguments: [name]) }) == "STOPPING"
    }

    /// Ends a crawl: `READY`, with its `LastCrawl`, metrics and the folders it crawled.
    public func finishCrawl(name: String, outcome: CrawlOutcome, lastCrawl: LastCrawlInfo, now: Date = Date()) throws(GlueError) {
        try write("StartCrawler") { db in
            let started = try Double.fetchOne(db, sql: "SELECT crawl_started FROM crawler WHERE name = ?", arguments: [name]) ?? now.timeIntervalSince1970
            let runtime = max(0, now.timeIntervalSince1970 - started)
            var runtimes = try Self.decode([Double].self, try String.fetchOne(db, sql: "SELECT runtimes FROM crawler WHERE name = ?", arguments: [name]) ?? "[]")
            runtimes.append(runtime)
            let metrics = CrawlerMetrics(
                lastRuntimeSeconds: runtime, tablesCreated: outcome.tablesCreated, tablesUpdated: outcome.tablesUpdated,
                tablesDeleted: outcome.tablesDeleted)
            try db.execute(
                sql: """
                    UPDATE crawler SET state = 'READY', owner_pid = NULL, owner_start_ticks = NULL, last_crawl = ?, metrics = ?, runtimes = ?
                    WHERE name = ?
                    """,
                arguments: [try Self.encode(lastCrawl), try Self.encode(metrics), try Self.encode(Array(runtimes.suffix(100))), name])
            if lastCrawl.status == "SUCCEEDED" {
                for folder in outcome.crawledFolders {
                    try db.execute(sql: "INSERT OR IGNORE INTO crawler_folder (crawler_name, location) VALUES (?, ?)", arguments: [name, folder])
                }
            }
        }
    }

    /// The folders (`s3://bucket/prefix/`) earlier successful crawls read, for `CRAWL_NEW_FOLDERS_ONLY`.
    public func crawledFolders(name: String) throws(GlueError) -> Set<String> {
        try read("StartCrawler") { db in
            Set(try String.fetchAll(db, sql: "SELECT location FROM crawler_folder WHERE crawler_name = ?", arguments: [name]))
        }
    }
}
