#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import GlueCore

/// A ``ByteSource`` that reads a local file (or a byte range of an open one) sequentially.
public final class LocalFileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let path: String
    private var offset: Int64
    private let end: Int64?

    /// Opens `path` for reading.
    ///
    /// - Throws: `NoSuchKey`-free `InvalidArgument` when the file cannot be opened.
    public init(path: String) throws(GlueError) {
        let fd = POSIX.openForReading(path)
        guard fd >= 0 else {
            let code = errno
            throw GlueError(.invalidArgument, "Cannot read \(path): \(String(cString: strerror(code))).")
        }
        descriptor = fd
        ownsDescriptor = true
        self.path = path
        offset = 0
        end = nil
    }

    init(descriptor: Int32, path: String, range: Range<Int64>) {
        self.descriptor = descriptor
        ownsDescriptor = false
        self.path = path
        offset = range.lowerBound
        end = range.upperBound
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func nextChunk(maxLength: Int) throws(GlueError) -> [UInt8]? {
        var want = max(1, maxLength)
        if let end { want = Int(min(Int64(want), end - offset)) }
        guard want > 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: want)
        let start = offset
        let got = try withGlueErrors {
            try chunk.withUnsafeMutableBytes { raw in try POSIX.readFully(descriptor, into: raw, count: want, at: start, path: path) }
        }
        guard got > 0 else { return nil }
        offset += Int64(got)
        if got < want { chunk.removeLast(want - got) }
        return chunk
    }
}
