import GlueCore

/// One file for the readers' `readFiles`: its name (for error records) and a way to open its
/// bytes as a pull source (fill the buffer, return how many bytes, 0 at the end).
///
/// `open` is called once, on the thread that decodes the file; the source it returns is used
/// only there.
public struct FileInput: Sendable {
    /// A pull source of bytes.
    public typealias Source = (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int

    /// The name error records carry (a path or an S3 location).
    public var fileName: String
    /// Opens the file's bytes.
    public var open: @Sendable () throws(GlueError) -> Source

    /// Creates an input.
    public init(fileName: String, open: @escaping @Sendable () throws(GlueError) -> Source) {
        self.fileName = fileName
        self.open = open
    }

    /// An input over bytes already in memory.
    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        open = { () throws(GlueError) -> Source in
            let cursor = ByteArrayCursor(bytes)
            return { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in cursor.read(into: buffer) }
        }
    }
}

/// The read position in bytes held in memory, as a pull source.
public final class ByteArrayCursor {
    /// The bytes.
    public let bytes: [UInt8]
    /// How many bytes were handed out.
    public private(set) var offset = 0

    /// A cursor at the start of `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `buffer`; returns how many, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0, let destination = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { destination.copyMemory(from: from + offset, byteCount: n) }
        }
        offset += n
        return n
    }
}
