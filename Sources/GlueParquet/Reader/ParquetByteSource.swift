import GlueCore

/// Random access to the bytes of one Parquet file, wherever they live (memory, a local file, an
/// object store). The reader asks only for the footer and for whole column chunks.
///
/// Implementations must be safe to call from several threads at once: row groups are decoded in
/// parallel.
public protocol ParquetByteSource: Sendable {
    /// The file's size in bytes.
    var count: Int { get }
    /// The bytes in `range`, which the reader keeps within `0..<count`.
    func bytes(in range: Range<Int>) throws(GlueError) -> [UInt8]
}

/// A Parquet file held in memory.
public struct InMemoryParquetSource: ParquetByteSource {
    /// The file's bytes.
    public let data: [UInt8]

    /// Creates a source over bytes already in memory.
    public init(_ data: [UInt8]) { self.data = data }

    public var count: Int { data.count }

    public func bytes(in range: Range<Int>) throws(GlueError) -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= data.count else {
            throw GlueError(.invalidRange, "Byte range \(range) is outside the \(data.count)-byte object")
        }
        return Array(data[range])
    }
}
