import Dispatch
import GlueColumnar
import GlueCore
import GlueTransforms
import Synchronization

extension Pipeline {
    /// Runs the pipeline on ``ExecutionOptions/parallelism`` Dispatch workers and waits for it.
    ///
    /// Blocks the calling thread: call it from a thread you own or from Dispatch, never from the
    /// Swift concurrency pool (use ``run(stop:)-async`` there).
    ///
    /// - Parameter stop: a token the caller may use to cancel the run; the run also stops itself
    ///   through it on failure and on timeout.
    /// - Throws: the first error of any stage; `OperationTimeoutException` past the timeout;
    ///   `PipelineCancelledException` when cancelled.
    public func run(stop: StopToken = StopToken()) throws(GlueError) -> PipelineResult {
        let scheduler = Scheduler(pipeline: self, stop: stop)
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = options.timeout.map { started + $0 }
        // One serial queue per worker: serial queues run on Dispatch's overcommit threads, so each
        // worker gets a thread at once. A concurrent queue (or the global one) would share the
        // CPU-wide pool, and with every pool thread blocked (a caller waiting here, file decoders
        // waiting for space) Dispatch adds a thread only after about a second.
        let group = DispatchGroup()
        for worker in 0..<options.parallelism {
            DispatchQueue(label: "localglue.pipeline.worker.\(worker)").async(group: group) {
                Self.workerLoop(worker: worker, scheduler: scheduler, deadline: deadline)
            }
        }
        group.wait()
        return try scheduler.result(elapsed: clock.now - started).get()
    }

    /// Runs the pipeline without blocking the caller's task: the thin bridge from Swift
    /// concurrency into the Dispatch workers.
    ///
    /// - Throws: as ``run(stop:)``.
    public func run(stop: StopToken = StopToken()) async throws(GlueError) -> PipelineResult {
        let outcome: Result<PipelineResult, GlueError> = await withCheckedContinuation { continuation in
            // A thread of its own (see `run(stop:)`): it blocks until the workers are done.
            DispatchQueue(label: "localglue.pipeline.driver").async {
                do throws(GlueError) {
                    continuation.resume(returning: .success(try self.run(stop: stop)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }

    /// One worker: asks for tasks until the run is over. Its stage instances (local states) live
    /// in `locals` and never leave this function.
    private static func workerLoop(worker: Int, scheduler: Scheduler, deadline: ContinuousClock.Instant?) {
        let clock = ContinuousClock()
        var locals: [Int: any StageWorker] = [:]
        let stages = scheduler.state.withLock { $0.stages.map(\.node) }
        let inputSchemas = stages.map { node in node.inputs.map { stages[$0.index].schema } }
        while true {
            if let deadline, clock.now >= deadline {
                scheduler.stop.stop(GlueError(.operationTimeout, "The run exceeded its timeout."))
            }
            let task = scheduler.nextTask(worker: worker)
            let started = clock.now
            do throws(GlueError) {
                switch task {
                case .exit:
                    return
                case .wait:
                    scheduler.signal.wait(timeout: scheduler.options.idlePollInterval)
                    scheduler.wokeUp()
                case .readSource(let stage, let sequence):
                    guard case .source(let source) = stages[stage].kind else { throw misplaced(stage) }
                    let batch = try source.next()
                    var completion = Scheduler.Completion(stage: stage, output: batch, outputSequence: sequence)
                    completion.sourceExhausted = batch == nil
                    completion.busy = clock.now - started
                    scheduler.complete(completion, worker: worker)
                case .readMorsel(let stage, let index):
                    guard case .source(let source) = stages[stage].kind, let partitioned = source as? any PartitionedBatchSource else {
                        throw misplaced(stage)
                    }
                    let batch = try partitioned.morsel(at: index)
                    var completion = Scheduler.Completion(stage: stage, output: batch, outputSequence: index)
                    completion.busy = clock.now - started
                    scheduler.complete(completion, worker: worker)
                case .process(let stage, let input, let morsel, let outputSequence):
                    var completion = Scheduler.Completion(stage: stage, output: nil, outputSequence: outputSequence)
                    if let batch = morsel.batch {
                        let instance: any StageWorker
                        if let existing = locals[stage] {
                            instance = existing
                        } else {
                            guard case .operation(let operation) = stages[stage].kind else { throw misplaced(stage) }
                            instance = makeStageWorker(operation, stageName: stages[stage].name, stop: scheduler.stop,
                                                       inputSchemas: inputSchemas[stage], outputSchema: stages[stage].schema)
                            locals[stage] = instance
                            completion.createdLocalFor = worker
                        }
                        do {
                            completion.output = try instance.process(batch, input: input, sequence: morsel.sequence)
                        } catch {
                            throw error.adding(context: "in stage \(stages[stage].name)")
                        }
                        completion.rowsIn = batch.rowCount
                        completion.bytesIn = batch.byteCount
                        completion.batchesIn = 1
                        completion.errors = instance.takeErrors()
                    }
                    completion.busy = clock.now - started
                    scheduler.complete(completion, worker: worker)
                case .finishLocal(let stage):
                    var completion = Scheduler.Completion(stage: stage, output: nil, outputSequence: 0)
                    completion.finishedLocal = true
                    if let instance = locals.removeValue(forKey: stage) {
                        do {
                            try instance.finish()
                        } catch {
                            throw error.adding(context: "in stage \(stages[stage].name)")
                        }
                        completion.errors = instance.takeErrors()
                    }
                    completion.busy = clock.now - started
                    scheduler.complete(completion, worker: worker)
                case .finalize(let stage):
                    guard case .operation(let operation) = stages[stage].kind else { throw misplaced(stage) }
                    var completion = Scheduler.Completion(stage: stage, output: nil, outputSequence: 0)
                    do {
                        let (batches, errors) = try finalizeOperator(operation, stageName: stages[stage].name, stop: scheduler.stop,
                                                                   inputSchemas: inputSchemas[stage], outputSchema: stages[stage].schema)
                        completion.finalized = batches
                        completion.errors = errors
                    } catch {
                        throw error.adding(context: "in stage \(stages[stage].name)")
                    }
                    completion.busy = clock.now - started
                    scheduler.complete(completion, worker: worker)
                }
            } catch {
                scheduler.fail(error)
                return
            }
        }
    }

    private static func misplaced(_ stage: Int) -> GlueError {
        GlueError(.internalService, "Stage #\(stage) received a task of the wrong kind.")
    }
}
