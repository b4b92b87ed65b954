import Foundation
import GRDB
import GlueCore
@testable import GlueJobs
import GlueStorage
import Synchronization
import Testing

/// An in-memory S3 whose clock the test moves.
final class TestClock: Sendable {
    let now = Mutex(Date(timeIntervalSince1970: 1_732_000_000))
    func advance(seconds: Double) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var date: Date { now.withLock { $0 } }
}

/// The keys each run read.
final class ProcessedLog: Sendable {
    let keys = Mutex<[[String]]>([])
}

/// Reads a source the way a job does: list, ask the bookmark, "process" the selected keys.
struct BookmarkedListingExecutor: JobExecutor {
    let store: InMemoryObjectStore
    let processed: ProcessedLog
    let fail: Bool

    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        let objects = try S3ObjectListing.objects(in: store, paths: ["s3://raw/in/"])
        let selected = request.bookmarks.select(objects, context: "node-1", runStart: request.runStart)
        processed.keys.withLock { $0.append(selected.map(\.key)) }
        if fail { throw GlueError(.invalidData, "the transform failed") }
        return JobExecutionResult()
    }
}

@Suite struct JobBookmarkTests {
    let clock = TestClock()

    func setUp(option: String) throws -> (JobStore, InMemoryObjectStore) {
        let store = try JobStore(database: DatabaseQueue())
        var job = JobDefinition(name: "incremental", role: "r", command: JobCommand(scriptLocation: "s3://s/x.py"))
        job.defaultArguments = ["--job-bookmark-option": option]
        try store.createJob(job)
        let clock = self.clock
        let objects = InMemoryObjectStore(clock: { clock.date })
        try objects.createBucket("raw")
        return (store, objects)
    }

    func run(_ store: JobStore, _ objects: InMemoryObjectStore, arguments: [String: String] = [:], fail: Bool = false) async throws -> (JobRun, [String]) {
        clock.advance(seconds: 5)
        let executor = BookmarkedListingExecutor(store: objects, processed: ProcessedLog(), fail: fail)
        let runner = JobRunner(store: store, executor: executor)
        var started = try runner.startJobRun(jobName: "incremental", arguments: arguments)
        started.startedOn = clock.date
        try store.updateRun(started)
        let finished = await runner.execute(started)
        clock.advance(seconds: 5)
        return (finished, executor.processed.keys.withLock { $0.first ?? [] })
    }

    func put(_ objects: InMemoryObjectStore, _ key: String, _ body: String = "x") throws {
        try objects.putObject(bucket: "raw", key: "in/" + key, bytes: Array(body.utf8))
        clock.advance(seconds: 1)
    }

    @Test("Three runs with files added and modified in between read exactly the new and changed files")
    func threeRuns() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-enable")
        try put(objects, "a.csv")
        try put(objects, "b.csv")
        let first = try await run(store, objects)
        #expect(first.0.jobRunState == .succeeded)
        #expect(first.1 == ["in/a.csv", "in/b.csv"])
        try put(objects, "c.csv")
        let second = try await run(store, objects)
        #expect(second.1 == ["in/c.csv"])
        try put(objects, "a.csv", "changed")
        try put(objects, "d.csv")
        let third = try await run(store, objects)
        #expect(third.1 == ["in/a.csv", "in/d.csv"])
        let entry = try store.getJobBookmark(jobName: "incremental")
        #expect(entry.run == 3)
        #expect(entry.version == 3)
        #expect(entry.runId == third.0.id)
        #expect(entry.previousRunId == second.0.id)
        #expect(entry.jobBookmark.contains("HadoopDataSourceJobBookmarkState"))
        #expect(entry.jobBookmark.contains("\"node-1\""))
        // Nothing new: nothing read.
        #expect(try await run(store, objects).1.isEmpty)
    }

    @Test("Objects older than the band are skipped without being listed in the include list")
    func band() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-enable")
        try put(objects, "old.csv")
        clock.advance(seconds: 3_600)
        #expect(try await run(store, objects).1 == ["in/old.csv"])
        clock.advance(seconds: 3_600)
        try put(objects, "new.csv")
        #expect(try await run(store, objects).1 == ["in/new.csv"])
        let state = try #require(JobStore.states(from: try store.getJobBookmark(jobName: "incremental").jobBookmark)["node-1"])
        #expect(state.includeList.count == 1)
    }

    @Test("A failed run does not advance the bookmark")
    func failedRun() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-enable")
        try put(objects, "a.csv")
        #expect(try await run(store, objects).1 == ["in/a.csv"])
        try put(objects, "b.csv")
        let failed = try await run(store, objects, fail: true)
        #expect(failed.0.jobRunState == .failed)
        #expect(failed.1 == ["in/b.csv"])
        #expect(try store.getJobBookmark(jobName: "incremental").run == 1)
        #expect(try await run(store, objects).1 == ["in/b.csv"])
    }

    @Test("Pause reads new data without committing; from/to reads exactly one run's range")
    func pause() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-enable")
        try put(objects, "a.csv")
        let first = try await run(store, objects)
        try put(objects, "b.csv")
        let second = try await run(store, objects)
        try put(objects, "c.csv")
        let paused = try await run(store, objects, arguments: ["--job-bookmark-option": "job-bookmark-pause"])
        #expect(paused.1 == ["in/c.csv"])
        #expect(try store.getJobBookmark(jobName: "incremental").run == 2)
        let range = try await run(store, objects, arguments: [
            "--job-bookmark-option": "job-bookmark-pause", "--job-bookmark-from": first.0.id, "--job-bookmark-to": second.0.id,
        ])
        #expect(range.1 == ["in/b.csv"])
        #expect(try store.getJobBookmark(jobName: "incremental").version == 2)
    }

    @Test("Reset: all (everything is read again) or back to a run")
    func reset() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-enable")
        try put(objects, "a.csv")
        let first = try await run(store, objects)
        try put(objects, "b.csv")
        _ = try await run(store, objects)
        let rewound = try store.resetJobBookmark(jobName: "incremental", runId: first.0.id)
        #expect(rewound.run == 1)
        #expect(try await run(store, objects).1 == ["in/b.csv"])
        _ = try store.resetJobBookmark(jobName: "incremental")
        #expect(try await run(store, objects).1 == ["in/a.csv", "in/b.csv"])
        #expect(throws: GlueError.self) { try store.resetJobBookmark(jobName: "missing") }
        #expect(throws: GlueError.self) { try store.getJobBookmark(jobName: "missing") }
    }

    @Test("Disable reads everything every time and keeps no bookmark")
    func disable() async throws {
        let (store, objects) = try setUp(option: "job-bookmark-disable")
        try put(objects, "a.csv")
        #expect(try await run(store, objects).1 == ["in/a.csv"])
        #expect(try await run(store, objects).1 == ["in/a.csv"])
        #expect(throws: GlueError.self) { try store.getJobBookmark(jobName: "incremental") }
    }

    @Test("Two runs committing the same bookmark version: the second fails with the version mismatch")
    func versionMismatch() async throws {
        let (store, _) = try setUp(option: "job-bookmark-enable")
        let arguments = try JobArguments(job: try store.getJob(named: "incremental").definition, runArguments: [:], runID: "jr_a")
        let first = try BookmarkSession(store: store, jobName: "incremental", arguments: arguments)
        let second = try BookmarkSession(store: store, jobName: "incremental", arguments: arguments)
        _ = first.select([], context: "node-1", runStart: clock.date)
        _ = second.select([], context: "node-1", runStart: clock.date)
        let run = JobRun(id: "jr_a", attempt: 0, jobName: "incremental", startedOn: clock.date, lastModifiedOn: clock.date,
            jobRunState: .running, arguments: [:], executionTime: 0, timeout: 1)
        try first.commit(store: store, run: run)
        do {
            try second.commit(store: store, run: run)
            Issue.record("the second commit succeeded")
        } catch {
            #expect(error.code == .versionMismatch)
            #expect(error.message.hasPrefix("GLUE_JOB_BOOKMARK_VERSION_MISMATCH_ERROR"))
        }
    }
}
