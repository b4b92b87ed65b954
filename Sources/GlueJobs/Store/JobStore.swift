import Foundation
import GRDB
import GlueCore

/// Job definitions and job runs in the lake's SQLite database.
///
/// Mirrors Glue's job APIs (`CreateJob`, `GetJob`, `GetJobRuns`, ...) with Glue's errors. Every
/// write is one immediate transaction, so several `localglue` processes can share a lake.
public struct JobStore: Sendable {
    let database: any DatabaseWriter

    /// Opens the store on a lake database, creating or upgrading its tables.
    ///
    /// - Throws: `InternalServiceException` when the database cannot be migrated.
    public init(database: any DatabaseWriter) throws(GlueError) {
        self.database = database
        do {
            try JobStore.migrator.migrate(database)
        } catch {
            throw GlueError(.internalService, "Cannot prepare the job tables: \(error)", cause: error)
        }
    }

    /// The job area's migrations (identifiers prefixed `jobs.`; they only move forward).
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("jobs.v1-jobs-and-runs") { db in
            try db.execute(sql: """
                CREATE TABLE job (
                    name TEXT PRIMARY KEY NOT NULL,
                    definition TEXT NOT NULL,
                    created_on DOUBLE NOT NULL,
                    last_modified_on DOUBLE NOT NULL
                );
                CREATE TABLE job_run (
                    id TEXT PRIMARY KEY NOT NULL,
                    job_name TEXT NOT NULL,
                    attempt INTEGER NOT NULL,
                    previous_run_id TEXT,
                    state TEXT NOT NULL,
                    started_on DOUBLE NOT NULL,
                    document TEXT NOT NULL,
                    owner_pid INTEGER,
                    owner_start_ticks INTEGER,
                    stop_requested INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX job_run_by_job ON job_run(job_name, started_on);
                CREATE INDEX job_run_by_state ON job_run(state);
                """)
        }
        migrator.registerMigration("jobs.v2-bookmarks") { db in
            try db.execute(sql: """
                CREATE TABLE job_bookmark (
                    job_name TEXT PRIMARY KEY NOT NULL,
                    version INTEGER NOT NULL,
                    run INTEGER NOT NULL,
                    attempt INTEGER NOT NULL,
                    previous_run_id TEXT,
                    run_id TEXT,
                    bookmark TEXT NOT NULL
                );
                CREATE TABLE job_bookmark_history (
                    job_name TEXT NOT NULL,
                    run_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    run INTEGER NOT NULL,
                    bookmark TEXT NOT NULL,
                    PRIMARY KEY (job_name, run_id)
                );
                """)
        }
        return migrator
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.timeIntervalSince1970)
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(timeIntervalSince1970: try decoder.singleValueContainer().decode(Double.self))
        }
        return decoder
    }

    func perform<T>(_ operation: String, _ body: (Database) throws -> T) throws(GlueError) -> T {
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

    // MARK: Jobs

    /// A stored job with its timestamps (`get-job`'s `Job`).
    public struct StoredJob: Sendable, Equatable {
        public var definition: JobDefinition
        public var createdOn: Date
        public var lastModifiedOn: Date
    }

    /// Stores a new job. Mirrors Glue `CreateJob`.
    ///
    /// - Throws: `AlreadyExistsException` when a job of that name exists; `InvalidInputException`
    ///   when the definition is invalid.
    public func createJob(_ definition: JobDefinition, now: Date = Date()) throws(GlueError) {
        try definition.validate()
        let text = try JobStore.encode(definition)
        try perform("CreateJob") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM job WHERE name = ?", arguments: [definition.name]) == true {
                throw GlueError(.alreadyExists, "Job with name \(definition.name) already exists")
            }
            try db.execute(
                sql: "INSERT INTO job (name, definition, created_on, last_modified_on) VALUES (?, ?, ?, ?)",
                arguments: [definition.name, text, now.timeIntervalSince1970, now.timeIntervalSince1970])
        }
    }

    /// Replaces a job's definition completely. Mirrors Glue `UpdateJob`.
    ///
    /// - Throws: `EntityNotFoundException` when there is no such job.
    public func updateJob(named name: String, with definition: JobDefinition, now: Date = Date()) throws(GlueError) {
        var definition = definition
        definition.name = name
        try definition.validate()
        let text = try JobStore.encode(definition)
        try perform("UpdateJob") { db in
            try db.execute(
                sql: "UPDATE job SET definition = ?, last_modified_on = ? WHERE name = ?",
                arguments: [text, now.timeIntervalSince1970, name])
            if db.changesCount == 0 { throw GlueError(.entityNotFound, "Job \(name) not found.") }
        }
    }

    /// A job by name. Mirrors Glue `GetJob`.
    ///
    /// - Throws: `EntityNotFoundException` when there is no such job.
    public func getJob(named name: String) throws(GlueError) -> StoredJob {
        let row = try read("GetJob") { db in
            try Row.fetchOne(db, sql: "SELECT definition, created_on, last_modified_on FROM job WHERE name = ?", arguments: [name])
        }
        guard let row else { throw GlueError(.entityNotFound, "Job \(name) not found.", operation: "GetJob") }
        return try JobStore.storedJob(row)
    }

    /// Jobs in name order, a page at a time. Mirrors Glue `GetJobs`.
    ///
    /// - Throws: `InvalidInputException` for a token this store did not issue.
    public func getJobs(maxResults: Int? = nil, nextToken: String? = nil) throws(GlueError) -> (jobs: [StoredJob], nextToken: String?) {
        let limit = min(max(maxResults ?? 1_000, 1), 1_000)
        let after = try JobStore.decodeToken(nextToken, operation: "GetJobs")
        let rows = try read("GetJobs") { db in
            try Row.fetchAll(db, sql: "SELECT definition, created_on, last_modified_on, name FROM job WHERE name > ? ORDER BY name LIMIT ?", arguments: [after, limit + 1])
        }
        var jobs: [StoredJob] = []
        for row in rows.prefix(limit) { jobs.append(try JobStore.storedJob(row)) }
        let token = rows.count > limit ? JobStore.encodeToken(jobs.last?.definition.name ?? "") : nil
        return (jobs, token)
    }

    /// Job names in order, a page at a time. Mirrors Glue `ListJobs`.
    ///
    /// - Throws: `InvalidInputException` for a token this store did not issue.
    public func listJobs(maxResults: Int? = nil, nextToken: String? = nil) throws(GlueError) -> (names: [String], nextToken: String?) {
        let limit = min(max(maxResults ?? 1_000, 1), 1_000)
        let after = try JobStore.decodeToken(nextToken, operation: "ListJobs")
        let names = try read("ListJobs") { db in
            try String.fetchAll(db, sql: "SELECT name FROM job WHERE name > ? ORDER BY name LIMIT ?", arguments: [after, limit + 1])
        }
        let page = Array(names.prefix(limit))
        return (page, names.count > limit ? JobStore.encodeToken(page.last ?? "") : nil)
    }

    /// Deletes a job and its run history; a missing job is not an error. Mirrors Glue `DeleteJob`.
    public func deleteJob(named name: String) throws(GlueError) {
        try perform("DeleteJob") { db in
            try db.execute(sql: "DELETE FROM job WHERE name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM job_run WHERE job_name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM job_bookmark WHERE job_name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM job_bookmark_history WHERE job_name = ?", arguments: [name])
        }
    }

    // MARK: Runs

    /// Records a new run in `STARTING`, owned by a process (this one by default), unless the job already has
    /// `MaxConcurrentRuns` active runs. Abandoned runs of dead processes are failed first.
    ///
    /// - Throws: `ConcurrentRunsExceededException` with Glue's message.
    public func insertRun(_ run: JobRun, maxConcurrentRuns: Int, owner: ProcessIdentity = .current) throws(GlueError) {
        let text = try JobStore.encode(run)
        try perform("StartJobRun") { db in
            try JobStore.failAbandonedRuns(db, now: Date())
            let active = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM job_run WHERE job_name = ? AND state IN ('STARTING','RUNNING','STOPPING','WAITING')",
                arguments: [run.jobName]) ?? 0
            if active >= maxConcurrentRuns {
                throw GlueError(.concurrentRunsExceeded, "Concurrent runs exceeded for \(run.jobName)")
            }
            try db.execute(
                sql: """
                    INSERT INTO job_run (id, job_name, attempt, previous_run_id, state, started_on, document, owner_pid, owner_start_ticks)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, run.jobName, run.attempt, run.previousRunId, run.jobRunState.rawValue,
                    run.startedOn.timeIntervalSince1970, text, owner.pid, Int64(bitPattern: owner.startTicks),
                ])
        }
    }

    /// Saves a run's new state and figures. A terminal run is never changed again.
    ///
    /// - Throws: `InvalidStateException` when the stored run has already ended.
    public func updateRun(_ run: JobRun) throws(GlueError) {
        let text = try JobStore.encode(run)
        try perform("UpdateJobRun") { db in
            guard let current = try String.fetchOne(db, sql: "SELECT state FROM job_run WHERE id = ?", arguments: [run.id]) else {
                throw GlueError(.entityNotFound, "Job Run \(run.id) not found.")
            }
            if let state = JobRunState(rawValue: current), state.isTerminal {
                throw GlueError(.invalidState, "Job run \(run.id) has already ended (\(current)).")
            }
            try db.execute(
                sql: "UPDATE job_run SET state = ?, document = ? WHERE id = ?",
                arguments: [run.jobRunState.rawValue, text, run.id])
        }
    }

    /// A run of a job. Mirrors Glue `GetJobRun`.
    ///
    /// - Throws: `EntityNotFoundException` when there is no such run of that job.
    public func getJobRun(jobName: String, runId: String) throws(GlueError) -> JobRun {
        try recoverAbandonedRuns()
        let text = try read("GetJobRun") { db in
            try String.fetchOne(db, sql: "SELECT document FROM job_run WHERE id = ? AND job_name = ?", arguments: [runId, jobName])
        }
        guard let text else { throw GlueError(.entityNotFound, "Job Run \(runId) not found.", operation: "GetJobRun") }
        return try JobStore.decodeRun(text)
    }

    /// Runs of a job, newest first, a page at a time. Mirrors Glue `GetJobRuns`.
    ///
    /// - Throws: `EntityNotFoundException` when the job does not exist.
    public func getJobRuns(jobName: String, maxResults: Int? = nil, nextToken: String? = nil) throws(GlueError) -> (runs: [JobRun], nextToken: String?) {
        try recoverAbandonedRuns()
        _ = try getJob(named: jobName)
        let limit = min(max(maxResults ?? 200, 1), 200)
        let offset = Int(try JobStore.decodeToken(nextToken, operation: "GetJobRuns")) ?? 0
        let texts = try read("GetJobRuns") { db in
            try String.fetchAll(
                db, sql: "SELECT document FROM job_run WHERE job_name = ? ORDER BY started_on DESC, id LIMIT ? OFFSET ?",
                arguments: [jobName, limit + 1, offset])
        }
        var runs: [JobRun] = []
        for text in texts.prefix(limit) { runs.append(try JobStore.decodeRun(text)) }
        return (runs, texts.count > limit ? JobStore.encodeToken(String(offset + limit)) : nil)
    }

    /// Asks a run to stop; the process running it notices at its next check. Mirrors one entry of
    /// Glue `BatchStopJobRun`.
    ///
    /// - Throws: `EntityNotFoundException` for an unknown run; `InvalidStateException` for a run
    ///   that has already ended.
    public func requestStop(jobName: String, runId: String) throws(GlueError) {
        try perform("BatchStopJobRun") { db in
            guard let state = try String.fetchOne(db, sql: "SELECT state FROM job_run WHERE id = ? AND job_name = ?", arguments: [runId, jobName]) else {
                throw GlueError(.entityNotFound, "Job Run \(runId) not found.")
            }
            if JobRunState(rawValue: state)?.isTerminal == true {
                throw GlueError(.invalidState, "Job Run \(runId) is in \(state) state and cannot be stopped.")
            }
            try db.execute(sql: "UPDATE job_run SET stop_requested = 1 WHERE id = ?", arguments: [runId])
        }
    }

    /// Whether someone asked the run to stop.
    public func isStopRequested(runId: String) throws(GlueError) -> Bool {
        try read("GetJobRun") { db in
            try Bool.fetchOne(db, sql: "SELECT stop_requested FROM job_run WHERE id = ?", arguments: [runId]) ?? false
        }
    }

    /// Marks runs left active by a process that no longer exists as `FAILED`.
    public func recoverAbandonedRuns(now: Date = Date()) throws(GlueError) {
        try perform("GetJobRuns") { db in try JobStore.failAbandonedRuns(db, now: now) }
    }

    static func failAbandonedRuns(_ db: Database, now: Date) throws {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, document, owner_pid, owner_start_ticks FROM job_run WHERE state IN ('STARTING','RUNNING','STOPPING','WAITING')")
        for row in rows {
            let owner = ProcessIdentity(pid: row["owner_pid"] ?? 0, startTicks: UInt64(bitPattern: row["owner_start_ticks"] ?? 0))
            guard !owner.isAlive, let text: String = row["document"] else { continue }
            var run = try decodeRun(text)
            run.jobRunState = .failed
            run.errorMessage = "The run was interrupted: the localglue process \(owner.pid) that ran it ended before the run finished. No output of the run was committed."
            run.completedOn = now
            run.lastModifiedOn = now
            run.executionTime = max(0, Int(now.timeIntervalSince(run.startedOn).rounded()))
            try db.execute(
                sql: "UPDATE job_run SET state = ?, document = ? WHERE id = ?",
                arguments: [run.jobRunState.rawValue, try encode(run), run.id])
        }
    }

    // MARK: Encoding

    static func encode(_ value: some Encodable) throws(GlueError) -> String {
        do {
            return String(decoding: try encoder().encode(value), as: UTF8.self)
        } catch {
            throw GlueError(.internalService, "Cannot encode \(type(of: value)): \(error)", cause: error)
        }
    }

    static func decodeRun(_ text: String) throws(GlueError) -> JobRun {
        do {
            return try decoder().decode(JobRun.self, from: Data(text.utf8))
        } catch {
            throw GlueError(.internalService, "A stored job run is unreadable: \(error)", cause: error)
        }
    }

    static func storedJob(_ row: Row) throws(GlueError) -> StoredJob {
        let text: String = row["definition"] ?? ""
        let definition: JobDefinition
        do {
            definition = try JSONDecoder().decode(JobDefinition.self, from: Data(text.utf8))
        } catch {
            throw GlueError(.internalService, "A stored job definition is unreadable: \(error)", cause: error)
        }
        return StoredJob(
            definition: definition,
            createdOn: Date(timeIntervalSince1970: row["created_on"] ?? 0),
            lastModifiedOn: Date(timeIntervalSince1970: row["last_modified_on"] ?? 0))
    }

    static func encodeToken(_ value: String) -> String {
        Data(value.utf8).base64EncodedString()
    }

    static func decodeToken(_ token: String?, operation: String) throws(GlueError) -> String {
        guard let token else { return "" }
        guard let data = Data(base64Encoded: token) else {
            throw GlueError(.invalidInput, "Invalid NextToken.", operation: operation)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
