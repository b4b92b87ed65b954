import GlueCore

/// A pull source of bytes for ``ObjectStore/putObject(bucket:key:body:options:)``: the store asks
/// for the next chunk until the source answers `nil`, so a body of any size streams through a
/// bounded buffer.
public protocol ByteSource {
    /// Returns up to `maxLength` next bytes (at least one), or `nil` at the end.
    ///
    /// - Throws: any `GlueError`; the put then fails and leaves nothing behind.
    mutating func nextChunk(maxLength: Int) throws(GlueError) -> [UInt8]?
}

/// A ``ByteSource`` over bytes already in memory.
public struct ByteArraySource: ByteSource, Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    /// Creates a source that yields `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Creates a source that yields the UTF-8 bytes of `text`.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func nextChunk(maxLength: Int) throws(GlueError) -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + max(1, maxLength))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
