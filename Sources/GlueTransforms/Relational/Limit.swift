import GlueColumnar
import GlueCore
import Synchronization

/// Passes on at most `count` rows (SQL `LIMIT` without `ORDER BY`; which rows is not defined,
/// as in Spark). Workers take rows from one shared budget.
public struct Limit: BatchOperator {
    /// The most rows to pass on.
    public let count: Int
    private let remaining: Budget

    private final class Budget: Sendable {
        let rows: Mutex<Int>
        init(_ rows: Int) { self.rows = Mutex(rows) }
    }

    /// Creates the operator.
    public init(_ count: Int) {
        self.count = max(count, 0)
        self.remaining = Budget(max(count, 0))
    }

    public var explainName: String { "Limit" }
    public var explainDetail: String { "\(count)" }
    public var requiresOrderedInput: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let granted = remaining.rows.withLock { rows in
            let take = min(rows, batch.rowCount)
            rows -= take
            return take
        }
        return granted == batch.rowCount ? batch : batch.slice(0..<granted)
    }
}
