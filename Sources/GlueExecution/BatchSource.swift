import GlueColumnar
import GlueCore

/// Where a pipeline's batches come from: a file reader, a catalog table, an in-memory list.
///
/// A source is global state: `Sendable`, and safe to call from whichever worker the scheduler
/// picks. The scheduler calls ``next()`` from one worker at a time, in order; a source that can
/// cut itself into independent morsels adopts ``PartitionedBatchSource`` instead, and its morsels
/// are produced in parallel.
public protocol BatchSource: Sendable {
    /// The schema of every batch the source yields.
    var schema: Schema { get }
    /// The source's name in `explain` output.
    var explainName: String { get }
    /// The source's parameters in `explain` output.
    var explainDetail: String { get }
    /// The next batch, or `nil` at the end.
    ///
    /// - Throws: a ``GlueError`` that stops the run (unreadable file, malformed data).
    func next() throws(GlueError) -> RecordBatch?
}

extension BatchSource {
    public var explainDetail: String { "" }
}

/// A source made of a known number of independent morsels that workers produce in parallel
/// (morsel-driven parallelism: each worker pulls the next morsel index).
public protocol PartitionedBatchSource: BatchSource {
    /// The number of morsels.
    var morselCount: Int { get }
    /// Morsel `index` (in `0..<morselCount`); called concurrently for different indices.
    ///
    /// - Throws: a ``GlueError`` that stops the run.
    func morsel(at index: Int) throws(GlueError) -> RecordBatch
}

extension PartitionedBatchSource {
    /// Partitioned sources are read through ``morsel(at:)``; `next()` is never called.
    public func next() throws(GlueError) -> RecordBatch? { nil }
}
