import Foundation
import GRDB
import GlueCore
@testable import GlueJobs
import Testing

/// An executor whose behaviour each test chooses.
struct ScriptedExecutor: JobExecutor {
    var behaviour: @Sendable (JobExecutionRequest, RunControl) async throws(GlueError) -> JobExecutionResult

    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        try await behaviour(request, control)
    }

    /// Works until told to stop (the way a pipeline checks its stop token between batches).
    static let untilStopped = ScriptedExecutor { _, control throws(GlueError) in
        while !control.isStopped { try? await Task.sleep(for: .milliseconds(5)) }
        throw GlueError(.operationTimeout, "stopped")
    }
}

@Suite struct JobRunnerTests {
    func makeStore() throws -> JobStore {
        try JobStore(database: DatabaseQueue())
    }

    func scriptJob(_ name: String = "nightly", maxRetries: Int? = nil, maxConcurrentRuns: Int? = nil, timeout: Int? = nil) -> JobDefinition {
        var job = JobDefinition(name: name, role: "data-lake-test-job-role", command: JobCommand(name: "glueetl", scriptLocation: "s3://scripts/nightly.py"))
        job.maxRetries = maxRetries
        job.timeout = timeout
        job.defaultArguments = ["--a": "1", "--b": "2"]
        job.nonOverridableArguments = ["--c": "3"]
        if let maxConcurrentRuns { job.executionProperty = ExecutionProperty(maxConcurrentRuns: maxConcurrentRuns) }
        return job
    }

    @Test("Arguments: run arguments override defaults key by key; non-overridable ones always win")
    func argumentResolution() throws {
        let arguments = try JobArguments(job: scriptJob(), runArguments: ["--b": "X", "--c": "Y"], runID: "jr_" + String(repeating: "a", count: 64))
        #expect(arguments["--a"] == "1")
        #expect(arguments["--b"] == "X")
        #expect(arguments["--c"] == "3")
        #expect(arguments["--JOB_NAME"] == "nightly")
        #expect(arguments["--JOB_RUN_ID"]?.hasPrefix("jr_") == true)
        #expect(arguments.bookmarkOption == .disable)
        #expect(throws: GlueError.self) { try JobArguments(job: scriptJob(), runArguments: ["b": "X"], runID: "jr_1") }
        #expect(throws: GlueError.self) {
            try JobArguments(job: scriptJob(), runArguments: ["--job-bookmark-option": "job-bookmark-pause", "--job-bookmark-from": "jr_1"], runID: "jr_1")
        }
        #expect(throws: GlueError.self) {
            try JobArguments(job: scriptJob(), runArguments: ["--job-bookmark-from": "jr_1", "--job-bookmark-to": "jr_2"], runID: "jr_1")
        }
        let legacy = try JobArguments(job: scriptJob(), runArguments: ["--continuation-option": "continuation-enabled"], runID: "jr_1")
        #expect(legacy.bookmarkOption == .enable)
    }

    @Test("A successful run goes STARTING -> RUNNING -> SUCCEEDED with timestamps and metrics")
    func success() async throws {
        let store = try makeStore()
        try store.createJob(scriptJob())
        let runner = JobRunner(store: store, executor: ScriptedExecutor { request, _ in
            #expect(request.arguments["--a"] == "1")
            return JobExecutionResult(nodeMetrics: [NodeMetrics(nodeId: "node-1", nodeType: "S3CsvSource", rowsOut: 3)])
        })
        let started = try runner.startJobRun(jobName: "nightly", arguments: ["--b": "run"])
        #expect(started.jobRunState == .starting)
        #expect(started.id.count == 67 && started.id.hasPrefix("jr_"))
        #expect(started.id.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let states = StateLog()
        let finished = await runner.execute(started) { states.append($0.jobRunState) }
        #expect(finished.jobRunState == .succeeded)
        #expect(states.values == [.running, .succeeded])
        #expect(finished.completedOn != nil)
        #expect(finished.nodeMetrics?.first?.rowsOut == 3)
        let stored = try store.getJobRun(jobName: "nightly", runId: started.id)
        #expect(stored.jobRunState == .succeeded)
        #expect(stored.arguments == ["--b": "run"])
        #expect(throws: GlueError.self) { try store.updateRun(started) }
    }

    @Test("A failing run retries MaxRetries times, each attempt pointing at the previous run")
    func retries() async throws {
        let store = try makeStore()
        try store.createJob(scriptJob(maxRetries: 2))
        let runner = JobRunner(store: store, executor: ScriptedExecutor { _, _ throws(GlueError) in
            throw GlueError(.accessDenied, "User: x is not authorized to perform: s3:PutObject", operation: "PutObject")
        })
        let last = await runner.execute(try runner.startJobRun(jobName: "nightly"))
        #expect(last.jobRunState == .failed)
        #expect(last.attempt == 2)
        #expect(last.errorMessage == "An error occurred (AccessDenied) when calling the PutObject operation: User: x is not authorized to perform: s3:PutObject")
        let runs = try store.getJobRuns(jobName: "nightly").runs
        #expect(runs.count == 3)
        #expect(Set(runs.map(\.attempt)) == [0, 1, 2])
        let byAttempt = Dictionary(uniqueKeysWithValues: runs.map { ($0.attempt, $0) })
        #expect(byAttempt[1]?.previousRunId == byAttempt[0]?.id)
        #expect(byAttempt[2]?.previousRunId == byAttempt[1]?.id)
    }

    @Test("A run past its Timeout ends in TIMEOUT")
    func timeout() async throws {
        let store = try makeStore()
        try store.createJob(scriptJob(maxRetries: 3, timeout: 1))
        let runner = JobRunner(store: store, executor: ScriptedExecutor.untilStopped, minute: .milliseconds(50), checkInterval: .milliseconds(5))
        let run = await runner.execute(try runner.startJobRun(jobName: "nightly"))
        #expect(run.jobRunState == .timeout)
        #expect(run.attempt == 0)
        #expect(run.errorMessage?.contains("timed out") == true)
    }

    @Test("BatchStopJobRun stops a running run: STOPPING then STOPPED")
    func stop() async throws {
        let store = try makeStore()
        try store.createJob(scriptJob())
        let runner = JobRunner(store: store, executor: ScriptedExecutor.untilStopped, checkInterval: .milliseconds(5))
        let run = try runner.startJobRun(jobName: "nightly")
        let states = StateLog()
        async let finished = runner.execute(run) { states.append($0.jobRunState) }
        while (try store.getJobRun(jobName: "nightly", runId: run.id)).jobRunState != .running {
            try await Task.sleep(for: .milliseconds(2))
        }
        try store.requestStop(jobName: "nightly", runId: run.id)
        let result = await finished
        #expect(result.jobRunState == .stopped)
        #expect(states.values == [.running, .stopping, .stopped])
        #expect(throws: GlueError.self) { try store.requestStop(jobName: "nightly", runId: run.id) }
    }

    @Test("MaxConcurrentRuns: one more active run is ConcurrentRunsExceededException")
    func concurrency() throws {
        let store = try makeStore()
        try store.createJob(scriptJob(maxConcurrentRuns: 2))
        let runner = JobRunner(store: store, executor: ScriptedExecutor.untilStopped)
        _ = try runner.startJobRun(jobName: "nightly")
        _ = try runner.startJobRun(jobName: "nightly")
        do {
            _ = try runner.startJobRun(jobName: "nightly")
            Issue.record("a third concurrent run was accepted")
        } catch {
            #expect(error.code == .concurrentRunsExceeded)
            #expect(error.description == "An error occurred (ConcurrentRunsExceededException) when calling the StartJobRun operation: Concurrent runs exceeded for nightly")
        }
    }

    @Test("A run left active by a dead process is marked FAILED by the next command")
    func abandonedRun() throws {
        let store = try makeStore()
        try store.createJob(scriptJob())
        let runner = JobRunner(store: store, executor: ScriptedExecutor.untilStopped)
        var run = try runner.startJobRun(jobName: "nightly")
        try store.deleteJob(named: "nightly")
        try store.createJob(scriptJob())
        run.id = JobRun.makeID()
        // A process ID that cannot exist (above the kernel's pid_max) stands for a killed process.
        try store.insertRun(run, maxConcurrentRuns: 5, owner: ProcessIdentity(pid: 99_999_999, startTicks: 1))
        let recovered = try store.getJobRun(jobName: "nightly", runId: run.id)
        #expect(recovered.jobRunState == .failed)
        #expect(recovered.errorMessage?.contains("interrupted") == true)
        #expect(recovered.completedOn != nil)
    }

    @Test("Job store: Glue's errors, pagination and deletion")
    func jobStore() throws {
        let store = try makeStore()
        for index in 0..<5 { try store.createJob(scriptJob("job-\(index)")) }
        #expect(throws: GlueError.self) { try store.createJob(scriptJob("job-0")) }
        do { _ = try store.getJob(named: "missing") } catch { #expect(error.code == .entityNotFound) }
        let first = try store.listJobs(maxResults: 2)
        #expect(first.names == ["job-0", "job-1"])
        let second = try store.listJobs(maxResults: 2, nextToken: first.nextToken)
        #expect(second.names == ["job-2", "job-3"])
        let third = try store.getJobs(maxResults: 2, nextToken: second.nextToken)
        #expect(third.jobs.map(\.definition.name) == ["job-4"])
        #expect(third.nextToken == nil)
        var updated = scriptJob("job-1")
        updated.description = "rewritten"
        try store.updateJob(named: "job-1", with: updated)
        #expect(try store.getJob(named: "job-1").definition.description == "rewritten")
        #expect(throws: GlueError.self) { try store.updateJob(named: "nope", with: updated) }
        try store.deleteJob(named: "job-1")
        try store.deleteJob(named: "job-1")
        #expect(throws: GlueError.self) { try store.getJob(named: "job-1") }
        #expect(throws: GlueError.self) { try store.listJobs(nextToken: "%%%") }
    }
}

/// Collects states reported from the runner's callback.
final class StateLog: Sendable {
    private let log = Mutex<[JobRunState]>([])
    func append(_ state: JobRunState) { log.withLock { $0.append(state) } }
    var values: [JobRunState] { log.withLock { $0 } }
}

import Synchronization
