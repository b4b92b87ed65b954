import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Synchronization

/// Passes batches through, optionally sleeping a pseudo-random time so that workers finish out of order.
struct Jitter: BatchOperator {
    var maxMicroseconds: UInt32 = 0
    var explainName: String { "Jitter" }
    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }
    func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        if maxMicroseconds > 0 { usleep(UInt32((context.sequence * 7_919) % Int(maxMicroseconds))) }
        return batch
    }
}

/// Sums a bigint column with per-worker partial sums: a pipeline breaker with local and global state.
struct SumBreaker: BatchOperator {
    final class Global: Sendable {
        let state = Mutex<(sum: Int64, combines: Int, finalizes: Int)>((0, 0, 0))
    }
    let global = Global()
    var explainName: String { "SumBreaker" }
    var isPipelineBreaker: Bool { true }
    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { Schema([Field("sum", .bigint)]) }
    func makeLocalState() -> Int64 { 0 }
    func process(_ batch: RecordBatch, input: Int, state: inout Int64, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        if case .int64(let values) = batch.columns[0].storage { state += values.reduce(0, +) }
        return nil
    }
    func finish(state: inout Int64, context: inout OperatorContext) throws(GlueError) {
        let partial = state
        global.state.withLock { $0.sum += partial; $0.combines += 1 }
    }
    func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let sum = global.state.withLock { $0.finalizes += 1; return $0.sum }
        return [try RecordBatch(["sum": Column(int64: [sum])])]
    }
}

/// Throws on the batch with the given sequence number.
struct FailAt: BatchOperator {
    var sequence: Int
    var explainName: String { "FailAt" }
    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }
    func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        if context.sequence == sequence { throw GlueError(.invalidData, "bad batch \(sequence)") }
        return batch
    }
}

/// A serial source that never ends (cancellation and timeout tests).
struct EndlessSource: BatchSource {
    var schema: Schema { Schema([Field("n", .bigint)]) }
    var explainName: String { "EndlessSource" }
    func next() throws(GlueError) -> RecordBatch? {
        try RecordBatch(["n": Column(int64: [1, 2, 3])])
    }
}

/// Numbers `0..<count` in morsels of `morselRows`.
func numbers(_ count: Int, morselRows: Int = 100) -> GeneratedSource {
    GeneratedSource(schema: Schema([Field("n", .bigint)]), rowCount: count, morselRows: morselRows) { range throws(GlueError) in
        try RecordBatch(["n": Column(.bigint, storage: .int64(range.map { Int64($0) }))])
    }
}

func int64Values(_ batch: RecordBatch, column: Int = 0) -> [Int64] {
    if case .int64(let values) = batch.columns[column].storage { return values }
    return []
}
