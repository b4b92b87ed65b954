import Foundation
import GlueCore

/// Runs Glue jobs with Glue's run lifecycle: arguments, states, timeouts, stops, retries and
/// concurrency limits, with every state change saved in the lake.
///
/// ```
/// startJobRun ─► STARTING ─► execute ─► RUNNING ─┬─► SUCCEEDED
///                                                ├─► FAILED ─► (Attempt < MaxRetries) new run, Attempt + 1
///                                                ├─► TIMEOUT
///                                                └─► STOPPING ─► STOPPED
/// ```
public struct JobRunner: Sendable {
    /// Where jobs and runs are kept.
    public let store: JobStore
    /// What runs the job's graph.
    public let executor: any JobExecutor
    /// How long one minute of `Timeout` lasts (a minute; tests shorten it).
    public var minute: Duration
    /// How often a running job checks for a stop request and its timeout.
    public var checkInterval: Duration

    /// Creates a runner.
    public init(store: JobStore, executor: any JobExecutor, minute: Duration = .seconds(60), checkInterval: Duration = .milliseconds(100)) {
        self.store = store
        self.executor = executor
        self.minute = minute
        self.checkInterval = checkInterval
    }

    /// Validates and records a new run in `STARTING`. Mirrors Glue `StartJobRun`.
    ///
    /// - Parameters:
    ///   - timeout: minutes, overriding the job's.
    ///   - previousRunId: the failed run this one retries (`JobRunId` in `StartJobRun`).
    ///   - owner: the process that will execute the run (a dead owner makes the run `FAILED`).
    /// - Throws: `EntityNotFoundException` (no job), `InvalidInputException` (arguments, graph),
    ///   `ConcurrentRunsExceededException`.
    public func startJobRun(
        jobName: String, arguments: [String: String] = [:], timeout: Int? = nil, previousRunId: String? = nil, attempt: Int = 0,
        owner: ProcessIdentity = .current
    ) throws(GlueError) -> JobRun {
        let job = try store.getJob(named: jobName).definition
        if let timeout, timeout < 1 { throw GlueError(.invalidInput, "Timeout must be at least 1 minute.", operation: "StartJobRun") }
        let id = JobRun.makeID()
        do {
            _ = try JobArguments(job: job, runArguments: arguments, runID: id)
        } catch {
            throw error.during("StartJobRun")
        }
        let now = Date()
        let run = JobRun(
            id: id, attempt: attempt, previousRunId: previousRunId, jobName: job.name, jobMode: job.jobMode ?? "SCRIPT",
            startedOn: now, lastModifiedOn: now, completedOn: nil, jobRunState: .starting, arguments: arguments,
            errorMessage: nil, executionTime: 0, timeout: timeout ?? job.effectiveTimeoutMinutes,
            glueVersion: job.glueVersion ?? JobDefinition.defaultGlueVersion, workerType: job.workerType,
            numberOfWorkers: job.numberOfWorkers, logGroupName: "/aws-glue/jobs", nodeMetrics: nil)
        try store.insertRun(run, maxConcurrentRuns: job.maxConcurrentRuns, owner: owner)
        return run
    }

    /// Runs a recorded run to its end, then its retries while it fails and attempts remain.
    ///
    /// - Returns: the last attempt, in a terminal state.
    public func execute(_ run: JobRun, onStateChange: @escaping @Sendable (JobRun) -> Void = { _ in }) async -> JobRun {
        var current = await executeOnce(run, onStateChange: onStateChange)
        while current.jobRunState == .failed {
            guard let job = try? store.getJob(named: current.jobName).definition, current.attempt < (job.maxRetries ?? 0) else { break }
            guard let retry = try? startJobRun(
                jobName: current.jobName, arguments: current.arguments, timeout: current.timeout,
                previousRunId: current.id, attempt: current.attempt + 1)
            else { break }
            onStateChange(retry)
            current = await executeOnce(retry, onStateChange: onStateChange)
        }
        return current
    }

    func transition(_ run: inout JobRun, to state: JobRunState, error: String? = nil) {
        let now = Date()
        run.jobRunState = state
        run.lastModifiedOn = now
        if let error { run.errorMessage = error }
        if state.isTerminal {
            run.completedOn = now
            run.executionTime = max(0, Int(now.timeIntervalSince(run.startedOn).rounded()))
        }
    }

    func save(_ run: JobRun, _ onStateChange: @Sendable (JobRun) -> Void) {
        // A failed save (the run was already ended elsewhere) leaves the stored state as it is.
        try? store.updateRun(run)
        onStateChange(run)
    }

    /// Publishes a successful run: the bookmark must still be at the version the run loaded, then
    /// the outputs become visible, then the bookmark advances. A lost race leaves outputs to be
    /// re-read (duplicates), never skipped input (loss).
    func publish(_ result: JobExecutionResult, bookmarks: BookmarkSession, run: JobRun) throws(GlueError) {
        do {
            try bookmarks.checkVersion(store: store)
        } catch {
            result.outputs?.abort()
            throw error
        }
        try result.outputs?.commit()
        try bookmarks.commit(store: store, run: run)
    }

    func executeOnce(_ run: JobRun, onStateChange: @escaping @Sendable (JobRun) -> Void) async -> JobRun {
        var run = run
        let job: JobDefinition
        let request: JobExecutionRequest
        do {
            job = try store.getJob(named: run.jobName).definition
            let graph = try job.codeGenConfigurationNodes.map { nodes throws(GlueError) in try JobGraph(nodes: nodes) }
            let arguments = try JobArguments(job: job, runArguments: run.arguments, runID: run.id)
            let bookmarks = try BookmarkSession(store: store, jobName: job.name, arguments: arguments)
            request = JobExecutionRequest(job: job, graph: graph, runID: run.id, arguments: arguments, bookmarks: bookmarks, runStart: run.startedOn)
        } catch {
            transition(&run, to: .failed, error: error.description)
            save(run, onStateChange)
            return run
        }
        transition(&run, to: .running)
        save(run, onStateChange)

        let control = RunControl()
        let deadline = ContinuousClock.now + minute * run.timeout
        let store = self.store
        let checkInterval = self.checkInterval
        let runID = run.id
        let stoppingRun = run
        let watchdog = RunWatchdog(
            control: control, deadline: deadline, interval: checkInterval,
            isStopRequested: { (try? store.isStopRequested(runId: runID)) == true },
            onStopRequested: {
                var stopping = stoppingRun
                transition(&stopping, to: .stopping)
                save(stopping, onStateChange)
            })
        let outcome: Result<JobExecutionResult, GlueError>
        do throws(GlueError) {
            outcome = .success(try await executor.execute(request, control: control))
        } catch {
            outcome = .failure(error)
        }
        watchdog.finish()
        switch (control.stopReason, outcome) {
        case (.timeout?, let outcome):
            if case .success(let result) = outcome { result.outputs?.abort() }
            transition(&run, to: .timeout, error: "Job run timed out after \(run.timeout) minute\(run.timeout == 1 ? "" : "s") (Timeout).")
        case (.stopRequested?, let outcome):
            if case .success(let result) = outcome { result.outputs?.abort() }
            transition(&run, to: .stopped)
        case (nil, .success(let result)):
            run.nodeMetrics = result.nodeMetrics
            do throws(GlueError) {
                try publish(result, bookmarks: request.bookmarks, run: run)
                transition(&run, to: .succeeded)
            } catch {
                transition(&run, to: .failed, error: error.description)
            }
        case (nil, .failure(let error)):
            transition(&run, to: .failed, error: error.description)
        }
        save(run, onStateChange)
        return run
    }
}
