import GlueColumnar
import GlueCore
import GlueTransforms
import Synchronization

/// A sink that only counts rows and batches, dropping the data (memory tests, benchmarks).
public struct CountingSink: BatchOperator {
    private final class Counters: Sendable {
        let rows = Atomic<Int>(0)
        let batches = Atomic<Int>(0)
    }

    private let counters = Counters()

    /// Creates a sink with zero counts.
    public init() {}

    public var explainName: String { "CountingSink" }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { Schema([]) }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        counters.rows.add(batch.rowCount, ordering: .relaxed)
        counters.batches.add(1, ordering: .relaxed)
        return nil
    }

    /// The rows received so far.
    public var rowCount: Int { counters.rows.load(ordering: .relaxed) }
    /// The batches received so far.
    public var batchCount: Int { counters.batches.load(ordering: .relaxed) }
}
