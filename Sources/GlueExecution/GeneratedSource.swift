import GlueColumnar
import GlueCore

/// A source whose rows a closure generates, `morselRows` at a time, in parallel: benchmarks,
/// memory tests, synthetic data. Nothing is materialized ahead of the workers.
public struct GeneratedSource: PartitionedBatchSource {
    public let schema: Schema
    /// The total number of rows.
    public let rowCount: Int
    /// The rows per morsel.
    public let morselRows: Int
    private let generate: @Sendable (Range<Int>) throws(GlueError) -> RecordBatch

    /// Creates a source of `rowCount` rows; `generate` returns the batch for a range of row numbers.
    public init(schema: Schema, rowCount: Int, morselRows: Int = RecordBatch.defaultRowCount,
                generate: @escaping @Sendable (Range<Int>) throws(GlueError) -> RecordBatch) {
        self.schema = schema
        self.rowCount = max(0, rowCount)
        self.morselRows = max(1, morselRows)
        self.generate = generate
    }

    public var explainName: String { "GeneratedSource" }
    public var explainDetail: String { "\(rowCount) rows in morsels of \(morselRows)" }
    public var morselCount: Int { (rowCount + morselRows - 1) / morselRows }

    public func morsel(at index: Int) throws(GlueError) -> RecordBatch {
        let start = index * morselRows
        let batch = try generate(start..<min(start + morselRows, rowCount))
        guard batch.schema.fields.map(\.dataType) == schema.fields.map(\.dataType) else {
            throw GlueError(.internalService, "Generated batch schema (\(batch.schema)) differs from the source schema (\(schema)).")
        }
        return batch
    }
}
