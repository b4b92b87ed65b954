import Foundation
import GRDB
import GlueCore

extension JobStore {
    /// The job's bookmark. Mirrors Glue `GetJobBookmark`.
    ///
    /// - Throws: `EntityNotFoundException` when the job has no bookmark yet.
    public func getJobBookmark(jobName: String) throws(GlueError) -> JobBookmarkEntry {
        let entry = try read("GetJobBookmark") { db in try JobStore.bookmarkEntry(db, jobName: jobName) }
        guard let entry else {
            throw GlueError(.entityNotFound, "Continuation for job \(jobName) not found", operation: "GetJobBookmark")
        }
        return entry
    }

    /// Resets the bookmark: entirely, or back to the state committed by run `runId` (to reprocess
    /// what later runs read). Mirrors Glue `ResetJobBookmark`. Output files are never touched.
    ///
    /// - Throws: `EntityNotFoundException` when the job has no bookmark or the run committed none.
    public func resetJobBookmark(jobName: String, runId: String? = nil) throws(GlueError) -> JobBookmarkEntry {
        try perform("ResetJobBookmark") { db in
            guard let current = try JobStore.bookmarkEntry(db, jobName: jobName) else {
                throw GlueError(.entityNotFound, "Continuation for job \(jobName) not found")
            }
            var entry = current
            entry.version += 1
            if let runId {
                guard let row = try Row.fetchOne(db, sql: "SELECT run, bookmark FROM job_bookmark_history WHERE job_name = ? AND run_id = ?", arguments: [jobName, runId]) else {
                    throw GlueError(.entityNotFound, "Job run \(runId) of job \(jobName) committed no bookmark.")
                }
                entry.run = row["run"] ?? 0
                entry.jobBookmark = row["bookmark"] ?? "{}"
                entry.runId = runId
                try db.execute(
                    sql: "DELETE FROM job_bookmark_history WHERE job_name = ? AND version > (SELECT version FROM job_bookmark_history WHERE job_name = ? AND run_id = ?)",
                    arguments: [jobName, jobName, runId])
            } else {
                entry.run = 0
                entry.jobBookmark = "{}"
                entry.runId = nil
                entry.previousRunId = nil
                try db.execute(sql: "DELETE FROM job_bookmark_history WHERE job_name = ?", arguments: [jobName])
            }
            try JobStore.saveBookmark(db, entry)
            return entry
        }
    }

    /// The bookmark as a run loads it at its start: its version and the state per context.
    func loadBookmark(jobName: String) throws(GlueError) -> (version: Int, states: [String: S3BookmarkState]) {
        let entry = try read("GetJobBookmark") { db in try JobStore.bookmarkEntry(db, jobName: jobName) }
        return (entry?.version ?? 0, JobStore.states(from: entry?.jobBookmark))
    }

    /// The state committed by a run (for `--job-bookmark-from`/`--job-bookmark-to`).
    func bookmarkStates(jobName: String, runId: String) throws(GlueError) -> [String: S3BookmarkState] {
        let text = try read("GetJobBookmark") { db in
            try String.fetchOne(db, sql: "SELECT bookmark FROM job_bookmark_history WHERE job_name = ? AND run_id = ?", arguments: [jobName, runId])
        }
        guard let text else {
            throw GlueError(.invalidInput, "Job run \(runId) of job \(jobName) committed no bookmark.")
        }
        return JobStore.states(from: text)
    }

    /// Commits a successful run's bookmark, if the bookmark is still at the version the run loaded.
    ///
    /// - Throws: `VersionMismatchException` (Glue's `GLUE_JOB_BOOKMARK_VERSION_MISMATCH_ERROR`)
    ///   when another run committed in between; nothing changes then.
    func commitBookmark(jobName: String, loadedVersion: Int, run: JobRun, states: [String: S3BookmarkState]) throws(GlueError) {
        try perform("CommitJobBookmark") { db in
            let current = try JobStore.bookmarkEntry(db, jobName: jobName)
            let currentVersion = current?.version ?? 0
            guard currentVersion == loadedVersion else {
                throw GlueError(
                    .versionMismatch,
                    "GLUE_JOB_BOOKMARK_VERSION_MISMATCH_ERROR: the bookmark of job \(jobName) is at version \(currentVersion), but run \(run.id) started from version \(loadedVersion); another run committed first.")
            }
            var merged = JobStore.states(from: current?.jobBookmark)
            for (context, state) in states { merged[context] = state }
            let entry = JobBookmarkEntry(
                jobName: jobName, version: currentVersion + 1, run: (current?.run ?? 0) + 1, attempt: run.attempt,
                previousRunId: current?.runId, runId: run.id, jobBookmark: JobStore.bookmarkText(merged))
            try JobStore.saveBookmark(db, entry)
            try db.execute(
                sql: "INSERT OR REPLACE INTO job_bookmark_history (job_name, run_id, version, run, bookmark) VALUES (?, ?, ?, ?, ?)",
                arguments: [jobName, run.id, entry.version, entry.run, entry.jobBookmark])
        }
    }

    static func bookmarkEntry(_ db: Database, jobName: String) throws -> JobBookmarkEntry? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM job_bookmark WHERE job_name = ?", arguments: [jobName]) else { return nil }
        return JobBookmarkEntry(
            jobName: jobName, version: row["version"] ?? 0, run: row["run"] ?? 0, attempt: row["attempt"] ?? 0,
            previousRunId: row["previous_run_id"], runId: row["run_id"], jobBookmark: row["bookmark"] ?? "{}")
    }

    static func saveBookmark(_ db: Database, _ entry: JobBookmarkEntry) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO job_bookmark (job_name, version, run, attempt, previous_run_id, run_id, bookmark)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [entry.jobName, entry.version, entry.run, entry.attempt, entry.previousRunId, entry.runId, entry.jobBookmark])
    }

    static func states(from text: String?) -> [String: S3BookmarkState] {
        guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
        var states: [String: S3BookmarkState] = [:]
        for (context, value) in object {
            if let state = S3BookmarkState(jsonObject: value) { states[context] = state }
        }
        return states
    }

    static func bookmarkText(_ states: [String: S3BookmarkState]) -> String {
        let object = states.mapValues(\.jsonObject)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
