import GlueColumnar
import GlueCore
import GlueTransforms
import Synchronization

/// A unit of work the scheduler hands to a worker.
enum StageTask: Sendable {
    /// Pull the next batch from a serial source.
    case readSource(stage: Int, sequence: Int)
    /// Produce morsel `index` of a partitioned source.
    case readMorsel(stage: Int, index: Int)
    /// Run a stage's operator on one morsel; the output gets `outputSequence`.
    case process(stage: Int, input: Int, morsel: Morsel, outputSequence: Int)
    /// Merge this worker's local state of the stage into the global state.
    case finishLocal(stage: Int)
    /// Run the stage's `finalize` once.
    case finalize(stage: Int)
    /// Nothing runnable now: sleep until signalled.
    case wait
    /// The run is over (finished, failed or stopped).
    case exit
}

/// The one lock-protected brain of a run: stage phases, channels, reservations, metrics.
///
/// Workers ask it for a task, run the task without the lock, and report back. It never blocks a
/// worker on a channel: it starts a task only once every channel the task writes to has room,
/// and it prefers stages further downstream, which drains the pipeline and keeps memory flat.
final class Scheduler: Sendable {
    enum Phase: Sendable, Equatable {
        case active, finishing, finalizing, emitting, done
    }

    struct Stage: Sendable {
        let node: Pipeline.Node
        let inputEdges: [Int]
        var outputEdges: [Int] = []
        let gates: [Int]
        let maxConcurrency: Int
        let isBreaker: Bool
        let isPartitionedSource: Bool
        let morselCount: Int
        var phase: Phase = .active
        var running = 0
        var nextSequence = 0
        var nextInput = 0
        var sourceExhausted = false
        var workersWithLocal: Set<Int> = []
        var finishing = 0
        var pending: [RecordBatch] = []
        var pendingIndex = 0
        var metrics: StageMetrics
        var keptErrors: [ErrorRecord] = []
    }

    struct State: Sendable {
        var stages: [Stage]
        var edges: [BoundedChannel]
        var running = 0
        var sleeping = 0
        var failure: GlueError?
        var finished = false
    }

    let state: Mutex<State>
    let signal = WorkerSignal()
    let stop: StopToken
    let options: ExecutionOptions

    init(pipeline: Pipeline, stop: StopToken) {
        self.stop = stop
        self.options = pipeline.options
        var stages: [Stage] = []
        var edges: [BoundedChannel] = []
        let parallelism = pipeline.options.parallelism
        for (index, node) in pipeline.nodes.enumerated() {
            var inputEdges: [Int] = []
            var concurrency = parallelism
            var breaker = false
            var partitioned = false
            var morselCount = 0
            var ordered = false
            var operatorName = ""
            switch node.kind {
            case .source(let source):
                operatorName = source.explainName
                if let partitionedSource = source as? any PartitionedBatchSource {
                    partitioned = true
                    morselCount = partitionedSource.morselCount
                } else {
                    concurrency = 1
                }
            case .operation(let operation):
                operatorName = operation.explainName
                breaker = operation.isPipelineBreaker
                if operation.requiresOrderedInput {
                    ordered = true
                    concurrency = 1
                }
            }
            for (inputIndex, input) in node.inputs.enumerated() {
                inputEdges.append(edges.count)
                stages[input.index].outputEdges.append(edges.count)
                edges.append(BoundedChannel(producer: input.index, consumer: index, inputIndex: inputIndex,
                                            capacity: pipeline.options.channelCapacity, ordered: ordered))
            }
            stages.append(Stage(node: node, inputEdges: inputEdges, gates: node.gates.map(\.index), maxConcurrency: concurrency,
                                isBreaker: breaker, isPartitionedSource: partitioned, morselCount: morselCount,
                                metrics: StageMetrics(stage: index, name: node.name, operatorName: operatorName)))
        }
        state = Mutex(State(stages: stages, edges: edges))
    }

    // MARK: Handing out work

    /// The next task for `worker`.
    func nextTask(worker: Int) -> StageTask {
        if let reason = stop.reason {
            return state.withLock { state in
                if state.failure == nil { state.failure = reason }
                state.finished = true
                return .exit
            }
        }
        let (task, wake) = state.withLock { state -> (StageTask, Int) in
            if state.finished || state.failure != nil { return (.exit, state.sleeping) }
            for attempt in 0..<2 {
                let changed = Self.advance(&state)
                if state.stages.allSatisfy({ $0.phase == .done }) {
                    state.finished = true
                    return (.exit, state.sleeping)
                }
                if let task = Self.pick(&state, worker: worker) {
                    state.running += 1
                    return (task, changed ? state.sleeping : 0)
                }
                // Nothing runnable for this worker. If nobody is working and no stage waits on a
                // sleeping worker's local state, the graph is stuck behind full channels: raise
                // the capacity of the blocked edges once, then look again.
                guard attempt == 0, state.running == 0,
                      !state.stages.contains(where: { $0.phase == .finishing && !$0.workersWithLocal.isEmpty })
                else { break }
                if !Self.relieve(&state) {
                    state.failure = GlueError(.internalService, "The pipeline stalled: no stage can run and none is running.")
                    return (.exit, state.sleeping)
                }
            }
            state.sleeping += 1
            return (.wait, 0)
        }
        if wake > 0 { signal.signal(wake) }
        return task
    }

    /// Called by a worker that got `.wait` after it wakes up.
    func wokeUp() {
        state.withLock { $0.sleeping = max(0, $0.sleeping - 1) }
    }

    /// Moves stages between phases; returns whether anything changed.
    private static func advance(_ state: inout State) -> Bool {
        var changed = false
        for index in state.stages.indices {
            var stage = state.stages[index]
            switch stage.phase {
            case .active:
                if case .source = stage.node.kind {
                    let exhausted = stage.isPartitionedSource ? stage.nextSequence >= stage.morselCount : stage.sourceExhausted
                    if exhausted && stage.running == 0 {
                        stage.phase = .done
                        for edge in stage.outputEdges { state.edges[edge].isClosed = true }
                        changed = true
                    }
                } else if stage.running == 0, stage.gates.allSatisfy({ state.stages[$0].phase == .done }),
                          stage.inputEdges.allSatisfy({ state.edges[$0].isDrained }) {
                    stage.phase = .finishing
                    changed = true
                }
            case .emitting:
                while stage.pendingIndex < stage.pending.count,
                      stage.outputEdges.allSatisfy({ state.edges[$0].hasRoom(forSequence: stage.nextSequence) }) {
                    let batch = stage.pending[stage.pendingIndex]
                    for edge in stage.outputEdges {
                        state.edges[edge].reserve()
                        state.edges[edge].deliver(Morsel(sequence: stage.nextSequence, batch: batch))
                    }
                    stage.metrics.rowsOut += batch.rowCount
                    stage.metrics.bytesOut += batch.byteCount
                    stage.metrics.batchesOut += 1
                    stage.nextSequence += 1
                    stage.pendingIndex += 1
                    changed = true
                }
                if stage.pendingIndex >= stage.pending.count {
                    stage.pending = []
                    stage.phase = .done
                    for edge in stage.outputEdges { state.edges[edge].isClosed = true }
                    changed = true
                }
            case .finishing, .finalizing, .done:
                break
            }
            state.stages[index] = stage
        }
        return changed
    }

    /// Picks a task for `worker`, downstream stages first.
    private static func pick(_ state: inout State, worker: Int) -> StageTask? {
        // A stage waiting for this worker's local state comes first: others wait on it.
        for index in state.stages.indices where state.stages[index].phase == .finishing {
            if state.stages[index].workersWithLocal.remove(worker) != nil {
                state.stages[index].finishing += 1
                return .finishLocal(stage: index)
            }
        }
        for index in state.stages.indices.reversed() {
            let stage = state.stages[index]
            switch stage.phase {
            case .finishing:
                if stage.workersWithLocal.isEmpty && stage.finishing == 0 {
                    state.stages[index].phase = .finalizing
                    return .finalize(stage: index)
                }
            case .active:
                guard stage.running < stage.maxConcurrency,
                      stage.gates.allSatisfy({ state.stages[$0].phase == .done })
                else { continue }
                if let task = pickActive(&state, index) { return task }
            case .finalizing, .emitting, .done:
                continue
            }
        }
        return nil
    }

    private static func outputsHaveRoom(_ state: State, _ stage: Stage, sequence: Int) -> Bool {
        stage.isBreaker || stage.outputEdges.allSatisfy { state.edges[$0].hasRoom(forSequence: sequence) }
    }

    private static func reserveOutputs(_ state: inout State, _ index: Int) {
        guard !state.stages[index].isBreaker else { return }
        for edge in state.stages[index].outputEdges { state.edges[edge].reserve() }
    }

    private static func pickActive(_ state: inout State, _ index: Int) -> StageTask? {
        let stage = state.stages[index]
        if case .source = stage.node.kind {
            let sequence = stage.nextSequence
            if stage.isPartitionedSource {
                guard sequence < stage.morselCount, outputsHaveRoom(state, stage, sequence: sequence) else { return nil }
                reserveOutputs(&state, index)
                state.stages[index].nextSequence += 1
                state.stages[index].running += 1
                return .readMorsel(stage: index, index: sequence)
            }
            guard !stage.sourceExhausted, outputsHaveRoom(state, stage, sequence: sequence) else { return nil }
            reserveOutputs(&state, index)
            state.stages[index].running += 1
            return .readSource(stage: index, sequence: sequence)
        }
        let inputs = stage.inputEdges.count
        for step in 0..<inputs {
            let input = (stage.nextInput + step) % inputs
            let edge = stage.inputEdges[input]
            guard state.edges[edge].canPop else { continue }
            // Single-input stages keep their input's sequence; fan-in stages number their output.
            let peekSequence: Int
            if inputs == 1 {
                var copy = state.edges[edge]
                guard let morsel = copy.pop() else { continue }
                peekSequence = morsel.sequence
            } else {
                peekSequence = stage.nextSequence
            }
            guard outputsHaveRoom(state, stage, sequence: peekSequence), let morsel = state.edges[edge].pop() else { return nil }
            if inputs > 1 { state.stages[index].nextSequence += 1 }
            reserveOutputs(&state, index)
            state.stages[index].running += 1
            state.stages[index].nextInput = (input + 1) % inputs
            state.stages[index].metrics.inputHighWater = max(stage.metrics.inputHighWater, state.edges[edge].highWater)
            return .process(stage: index, input: input, morsel: morsel, outputSequence: peekSequence)
        }
        return nil
    }

    /// Raises by one the capacity of every channel that holds morsels nobody can take now (each
    /// such channel blocks its producer).
    private static func relieve(_ state: inout State) -> Bool {
        var relieved = false
        for edge in state.edges.indices where state.edges[edge].queuedCount > 0 {
            state.edges[edge].overflow()
            relieved = true
        }
        return relieved
    }

    // MARK: Reporting back

    /// What a finished task produced.
    struct Completion: Sendable {
        var stage: Int
        var output: RecordBatch?
        var outputSequence: Int
        var rowsIn = 0
        var bytesIn = 0
        var batchesIn = 0
        var busy: Duration = .zero
        var errors: [ErrorRecord] = []
        var sourceExhausted = false
        var createdLocalFor: Int? = nil
        var finalized: [RecordBatch]? = nil
        var finishedLocal = false
    }

    func complete(_ completion: Completion, worker: Int) {
        let wake = state.withLock { state -> Int in
            state.running -= 1
            var stage = state.stages[completion.stage]
            stage.metrics.rowsIn += completion.rowsIn
            stage.metrics.bytesIn += completion.bytesIn
            stage.metrics.batchesIn += completion.batchesIn
            stage.metrics.busy += completion.busy
            stage.metrics.errorRecords += completion.errors.count
            let room = max(0, options.maxErrorRecordsKept - stage.keptErrors.count)
            stage.keptErrors.append(contentsOf: completion.errors.prefix(room))
            if let created = completion.createdLocalFor { stage.workersWithLocal.insert(created) }
            if completion.finishedLocal {
                stage.finishing -= 1
            } else if let finalized = completion.finalized {
                stage.pending = finalized.filter { $0.rowCount > 0 }
                stage.pendingIndex = 0
                stage.phase = .emitting
            } else {
                stage.running -= 1
                if completion.sourceExhausted {
                    stage.sourceExhausted = true
                    for edge in stage.outputEdges { state.edges[edge].cancelReservation() }
                } else if !stage.isBreaker {
                    if case .source = stage.node.kind, !stage.isPartitionedSource { stage.nextSequence += 1 }
                    for edge in stage.outputEdges {
                        state.edges[edge].deliver(Morsel(sequence: completion.outputSequence, batch: completion.output))
                    }
                    if let output = completion.output {
                        stage.metrics.rowsOut += output.rowCount
                        stage.metrics.bytesOut += output.byteCount
                        stage.metrics.batchesOut += 1
                    }
                }
            }
            state.stages[completion.stage] = stage
            return state.sleeping
        }
        if wake > 0 { signal.signal(wake) }
    }

    /// Records a failure; every worker exits at its next request.
    func fail(_ error: GlueError) {
        let wake = state.withLock { state -> Int in
            if state.failure == nil { state.failure = error }
            state.running -= 1
            return state.sleeping
        }
        stop.stop(error)
        signal.signal(wake + options.parallelism)
    }

    /// The outcome once every worker exited.
    func result(elapsed: Duration) -> Result<PipelineResult, GlueError> {
        state.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            return .success(PipelineResult(metrics: state.stages.map(\.metrics), errorRecords: state.stages.flatMap(\.keptErrors), elapsed: elapsed))
        }
    }
}
