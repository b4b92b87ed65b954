import GlueColumnar

/// A batch on its way between stages, with the sequence number that orders it (Polars'
/// `MorselSeq`). A morsel without a batch is a placeholder that keeps the sequence contiguous
/// when a stage emitted nothing for an input.
struct Morsel: Sendable {
    var sequence: Int
    var batch: RecordBatch?
}
