import GlueCore

/// The bytes of an input that may be gzip-compressed, as a pull source: the first bytes decide
/// (gzip's magic `1F 8B` starts inflating, bzip2's `BZh` is refused), so the readers of every
/// format recognise compression the same way without knowing where the bytes come from.
///
/// The bytes read to recognise the format are replayed, never lost; a plain input is handed
/// through without a copy.
public final class DecompressingReader {
    /// A pull source of bytes (fill the buffer, return how many, 0 at the end).
    public typealias Source = (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int

    private let source: Source
    private let fileName: String
    private let formatName: String
    private let requiresGzip: Bool
    private var inflater: GzipInflater? = nil
    /// Bytes already pulled from the source that the next reads hand out (or inflate) first.
    private var replay: [UInt8] = []
    private var replayOffset = 0
    private var sniffed = false

    /// Wraps `source`. `formatName` completes the bzip2 message ("use gzip or plain CSV");
    /// `requiresGzip` refuses an input that is not gzip.
    public init(fileName: String, formatName: String, requiresGzip: Bool = false, source: @escaping Source) {
        self.fileName = fileName
        self.formatName = formatName
        self.requiresGzip = requiresGzip
        self.source = source
    }

    /// Whether the input turned out to be gzip (known after the first read).
    public var isGzip: Bool { inflater != nil }

    private var name: String { fileName.isEmpty ? "The input" : fileName }

    /// Fills `buffer` with the next (decompressed) bytes; returns how many, 0 at the end.
    ///
    /// - Throws: what the source throws; `UnsupportedFeatureException` for bzip2;
    ///   `InvalidDataException` for corrupt gzip, or plain data when gzip is required.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if let inflater {
            return try inflater.read(into: buffer) { (input: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
                try self.pullReplayingFirst(into: input)
            }
        }
        if sniffed { return try pullReplayingFirst(into: buffer) }
        // Recognise the format from the first three bytes (or all of a shorter input).
        while true {
            let n = try source(buffer)
            if n > 0 && replay.count + n < 3 {
                replay.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                continue
            }
            let headBytes: [UInt8]
            if replay.isEmpty {
                headBytes = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<min(n, 3)]))
            } else {
                replay.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                headBytes = Array(replay.prefix(3))
            }
            sniffed = true
            if headBytes.count >= 3 && headBytes[0] == 0x42 && headBytes[1] == 0x5A && headBytes[2] == 0x68 {
                throw GlueError(.unsupportedFeature, "\(name) is bzip2-compressed; bzip2 is not supported (use gzip or plain \(formatName)).")
            }
            if headBytes.count >= 2 && headBytes[0] == 0x1F && headBytes[1] == 0x8B {
                if replay.isEmpty { replay = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
                inflater = try GzipInflater(fileName: fileName)
                return try read(into: buffer)
            }
            if requiresGzip && !headBytes.isEmpty {
                throw GlueError(.invalidData, "\(name) is not gzip data.")
            }
            if replay.isEmpty { return n }
            return try pullReplayingFirst(into: buffer)
        }
    }

    /// Hands out the replayed bytes, then the source's.
    private func pullReplayingFirst(into buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        guard replayOffset < replay.count else { return try source(buffer) }
        let n = min(buffer.count, replay.count - replayOffset)
        replay.withUnsafeBytes { bytes in
            if let from = bytes.baseAddress { buffer.baseAddress?.copyMemory(from: from + replayOffset, byteCount: n) }
        }
        replayOffset += n
        if replayOffset == replay.count {
            replay = []
            replayOffset = 0
        }
        return n
    }

    /// A source closure over this reader.
    public var asSource: Source {
        { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in try self.read(into: buffer) }
    }
}
