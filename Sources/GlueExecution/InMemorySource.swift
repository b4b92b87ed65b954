import GlueColumnar
import GlueCore

/// A source over batches already in memory; each batch is one morsel.
public struct InMemorySource: PartitionedBatchSource {
    /// The batches, in order.
    public let batches: [RecordBatch]
    public let schema: Schema

    /// Creates a source over batches of one schema.
    ///
    /// - Throws: `InvalidInputException` when a batch has another schema.
    public init(_ batches: [RecordBatch], schema: Schema? = nil) throws(GlueError) {
        guard let resolved = schema ?? batches.first?.schema else {
            throw GlueError(.invalidInput, "An in-memory source without batches needs a schema.")
        }
        for batch in batches where batch.schema.fields.map(\.dataType) != resolved.fields.map(\.dataType) {
            throw GlueError(.invalidInput, "Batch schema (\(batch.schema)) differs from the source schema (\(resolved)).")
        }
        self.batches = batches
        self.schema = resolved
    }

    /// Creates a source over one batch cut into morsels of `morselRows` rows.
    public init(_ batch: RecordBatch, morselRows: Int) {
        let step = max(1, morselRows)
        self.batches = stride(from: 0, to: batch.rowCount, by: step).map { batch.slice($0..<min($0 + step, batch.rowCount)) }
        self.schema = batch.schema
    }

    public var explainName: String { "InMemorySource" }
    public var explainDetail: String { "\(batches.count) batches" }
    public var morselCount: Int { batches.count }
    public func morsel(at index: Int) throws(GlueError) -> RecordBatch { batches[index] }
}
