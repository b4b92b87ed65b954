import GlueColumnar
import GlueCore
import Synchronization

/// Sorts all rows by key columns (SQL `ORDER BY`, with an optional `LIMIT`): a pipeline breaker
/// that collects its input per worker, then sorts once and emits the rows in order.
///
/// Order follows Spark: ascending puts nulls first and descending puts them last unless told
/// otherwise; NaN is above every number; text compares as unsigned bytes. The sort is stable.
public struct Sort: BatchOperator {
    /// One key: a column of the input and its direction.
    public struct Key: Sendable {
        /// The input column's position.
        public var column: Int
        /// Ascending (smallest first) or descending.
        public var ascending: Bool
        /// Whether nulls come first.
        public var nullsFirst: Bool

        /// A key; nulls first when ascending and last when descending unless `nullsFirst` says otherwise.
        public init(column: Int, ascending: Bool = true, nullsFirst: Bool? = nil) {
            self.column = column
            self.ascending = ascending
            self.nullsFirst = nullsFirst ?? ascending
        }
    }

    /// The keys, most significant first.
    public let keys: [Key]
    /// The most rows to emit, if limited.
    public let limit: Int?
    private let global = Global()

    private final class Global: Sendable {
        let batches = Mutex<[(Int, RecordBatch)]>([])
    }

    /// Creates the operator.
    public init(keys: [Key], limit: Int? = nil) {
        self.keys = keys
        self.limit = limit
    }

    public var explainName: String { "Sort" }
    public var explainDetail: String {
        keys.map { "#\($0.column) \($0.ascending ? "ASC" : "DESC") NULLS \($0.nullsFirst ? "FIRST" : "LAST")" }.joined(separator: ", ")
            + (limit.map { "; limit \($0)" } ?? "")
    }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        for key in keys where key.column < 0 || key.column >= inputs[0].count {
            throw GlueError(.invalidInput, "Sort key #\(key.column) is not a column of the input (\(inputs[0])).")
        }
        return inputs[0]
    }

    public func makeLocalState() -> [(Int, RecordBatch)] { [] }

    public func process(_ batch: RecordBatch, input: Int, state: inout [(Int, RecordBatch)], context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        if batch.rowCount > 0 { state.append((context.sequence, batch)) }
        return nil
    }

    public func finish(state: inout [(Int, RecordBatch)], context: inout OperatorContext) throws(GlueError) {
        let local = state
        state = []
        global.batches.withLock { $0.append(contentsOf: local) }
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let parts = global.batches.withLock { batches in
            let taken = batches
            batches = []
            return taken
        }
        // Input order first, so that the stable sort keeps equal rows in arrival order.
        let ordered = parts.sorted { $0.0 < $1.0 }.map(\.1)
        guard !ordered.isEmpty else { return [] }
        let all = try RecordBatch.concatenate(ordered)
        var indices = Column.sortIndices(by: keys.map { SortKey(all.columns[$0.column], ascending: $0.ascending, nullsFirst: $0.nullsFirst) })
        if let limit, indices.count > limit { indices.removeSubrange(max(limit, 0)...) }
        let sorted = all.take(indices)
        return stride(from: 0, to: sorted.rowCount, by: RecordBatch.defaultRowCount).map {
            sorted.slice($0..<min($0 + RecordBatch.defaultRowCount, sorted.rowCount))
        }
    }
}
