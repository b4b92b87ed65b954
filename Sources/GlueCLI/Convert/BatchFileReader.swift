import GlueColumnar
import GlueCore

/// A reader of one local data file as record batches (what `convert` streams through).
public protocol BatchFileReader {
    /// The schema of the batches.
    var schema: Schema { get }
    /// The next batch, or `nil` at the end of the file.
    ///
    /// - Throws: `InvalidDataException` naming the file and position when the bytes are malformed.
    mutating func next() throws -> RecordBatch?
}

/// A writer of record batches into one local data file.
public protocol BatchFileWriter {
    /// Writes one batch.
    mutating func write(_ batch: RecordBatch) throws
    /// Completes the file (footers, flushes). Called once, also for zero batches.
    mutating func finish() throws
}
