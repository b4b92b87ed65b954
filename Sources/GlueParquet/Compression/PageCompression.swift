import CLZ4
import CSnappy
import CZstd
import GlueCompression
import GlueCore

/// Compresses and decompresses page bodies with the C libraries of each codec.
///
/// Every page is compressed on its own (no framing, except the legacy Hadoop LZ4 codec). The
/// decompressed size comes from the page header and is checked: a body that inflates to a
/// different size is corrupt.
enum PageCompression {
    /// The largest page body LocalGlue will inflate (protects against absurd header sizes).
    static let maximumUncompressedPageSize = Int(Int32.max)

    /// Decompresses a page body whose header says it inflates to `uncompressedSize` bytes.
    static func decompress(_ input: UnsafeRawBufferPointer, codec: CompressionCodec, uncompressedSize: Int) throws(GlueError) -> [UInt8] {
        guard uncompressedSize >= 0, uncompressedSize <= maximumUncompressedPageSize else {
            throw invalidData("a page claims \(uncompressedSize) uncompressed bytes")
        }
        // No codec reaches a ratio near this; a header claiming more is corrupt, and checking it
        // first keeps a corrupt header from allocating gigabytes.
        guard uncompressedSize <= input.count &* 4096 &+ (1 << 20) else {
            throw invalidData("a page of \(input.count) compressed bytes claims \(uncompressedSize) uncompressed bytes")
        }
        switch codec {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw invalidData("an uncompressed page holds \(input.count) bytes but its header says \(uncompressedSize)")
            }
            return Array(input)
        case .snappy: return try snappyDecompress(input, uncompressedSize)
        case .gzip: return try gzipDecompress(input, uncompressedSize)
        case .zstd: return try zstdDecompress(input, uncompressedSize)
        case .lz4Raw: return try lz4RawDecompress(input, uncompressedSize)
        case .lz4: return try lz4HadoopDecompress(input, uncompressedSize)
        default:
            throw GlueError(.unsupportedFeature, "Parquet compression codec \(codec) is not supported yet")
        }
    }

    /// Compresses a page body.
    static func compress(_ input: [UInt8], codec: CompressionCodec, level: Int32? = nil) throws(GlueError) -> [UInt8] {
        switch codec {
        case .uncompressed: return input
        case .snappy: return try snappyCompress(input)
        case .gzip: return try gzipCompress(input, level: level ?? 6)
        case .zstd: return try zstdCompress(input, level: level ?? 3)
        case .lz4Raw: return try lz4RawCompress(input)
        default: throw GlueError(.invalidInput, "LocalGlue cannot write Parquet with codec \(codec)")
        }
    }

    // MARK: Snappy

    private static func snappyDecompress(_ input: UnsafeRawBufferPointer, _ size: Int) throws(GlueError) -> [UInt8] {
        guard let source = input.baseAddress?.assumingMemoryBound(to: CChar.self) else {
            guard size == 0 else { throw invalidData("an empty SNAPPY page claims \(size) bytes") }
            return []
        }
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK, length == size else {
            throw invalidData("a SNAPPY page is corrupt or does not inflate to the \(size) bytes its header says")
        }
        var output = [UInt8](repeating: 0, count: size)
        let status = output.withUnsafeMutableBytes { buffer -> snappy_status in
            var outputLength = size
            guard let destination = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return size == 0 ? SNAPPY_OK : SNAPPY_INVALID_INPUT }
            return snappy_uncompress(source, input.count, destination, &outputLength)
        }
        guard status == SNAPPY_OK else { throw invalidData("a SNAPPY page is corrupt") }
        return output
    }

    private static func snappyCompress(_ input: [UInt8]) throws(GlueError) -> [UInt8] {
        // An empty body is the varint 0 (the uncompressed length) and nothing else.
        guard !input.isEmpty else { return [0] }
        var output = [UInt8](repeating: 0, count: snappy_max_compressed_length(input.count))
        var length = output.count
        let status = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination -> snappy_status in
                guard let from = source.baseAddress?.assumingMemoryBound(to: CChar.self),
                    let to = destination.baseAddress?.assumingMemoryBound(to: CChar.self)
                else { return SNAPPY_INVALID_INPUT }
                return snappy_compress(from, input.count, to, &length)
            }
        }
        guard status == SNAPPY_OK else { throw GlueError(.internalService, "snappy_compress failed with status \(status.rawValue)") }
        output.removeSubrange(length...)
        return output
    }

    // MARK: GZIP (RFC 1952, several members allowed; GlueCompression's one-shot form)

    private static func gzipDecompress(_ input: UnsafeRawBufferPointer, _ size: Int) throws(GlueError) -> [UInt8] {
        do throws(GzipBlock.Failure) {
            return try GzipBlock.decompress(input, expectedSize: size)
        } catch {
            throw invalidData("a GZIP page \(error.reason) (its header says \(size) bytes)")
        }
    }

    private static func gzipCompress(_ input: [UInt8], level: Int32) throws(GlueError) -> [UInt8] {
        try GzipBlock.compress(input, level: level)
    }

    // MARK: ZSTD

    private static func zstdDecompress(_ input: UnsafeRawBufferPointer, _ size: Int) throws(GlueError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        guard input.count > 0 else {
            guard size == 0 else { throw invalidData("an empty ZSTD page claims \(size) bytes") }
            return []
        }
        let result = output.withUnsafeMutableBytes { destination in
            ZSTD_decompress(destination.baseAddress, size, input.baseAddress, input.count)
        }
        if ZSTD_isError(result) != 0 {
            let name = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "unknown error"
            throw invalidData("a ZSTD page is corrupt (\(name))")
        }
        guard result == size else { throw invalidData("a ZSTD page inflates to \(result) bytes but its header says \(size)") }
        return output
    }

    private static func zstdCompress(_ input: [UInt8], level: Int32) throws(GlueError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let capacity = output.count
        let result = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                ZSTD_compress(destination.baseAddress, capacity, source.baseAddress, input.count, level)
            }
        }
        guard ZSTD_isError(result) == 0 else { throw GlueError(.internalService, "ZSTD_compress failed") }
        output.removeSubrange(result...)
        return output
    }

    // MARK: LZ4

    private static func lz4RawDecompress(_ input: UnsafeRawBufferPointer, _ size: Int) throws(GlueError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        guard let decoded = lz4Block(input, into: &output, at: 0, capacity: size), decoded == size else {
            throw invalidData("an LZ4_RAW page is corrupt or does not inflate to the \(size) bytes its header says")
        }
        return output
    }

    /// Decodes one LZ4 block into `output[offset..<offset + capacity]`; `nil` when it is corrupt.
    private static func lz4Block(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], at offset: Int, capacity: Int) -> Int? {
        guard input.count <= Int(Int32.max), capacity <= Int(Int32.max), offset + capacity <= output.count else { return nil }
        if input.isEmpty { return capacity == 0 ? 0 : nil }
        let result = output.withUnsafeMutableBytes { destination -> Int32 in
            guard let base = destination.baseAddress, let source = input.baseAddress else { return capacity == 0 ? 0 : -1 }
            return LZ4_decompress_safe(
                source.assumingMemoryBound(to: CChar.self), (base + offset).assumingMemoryBound(to: CChar.self),
                Int32(input.count), Int32(capacity))
        }
        return result < 0 ? nil : Int(result)
    }

    /// Legacy LZ4 (codec 5): Hadoop framing first (`[u32 BE frame length]([u32 BE block length][block])+`),
    /// then a bare LZ4 block, as Arrow does.
    private static func lz4HadoopDecompress(_ input: UnsafeRawBufferPointer, _ size: Int) throws(GlueError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        if hadoopFrames(input, into: &output) { return output }
        if let decoded = lz4Block(input, into: &output, at: 0, capacity: size), decoded == size { return output }
        throw invalidData("an LZ4 page is neither Hadoop-framed nor a bare LZ4 block of \(size) bytes")
    }

    private static func hadoopFrames(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        func bigEndian32(_ offset: Int) -> Int? {
            guard offset + 4 <= input.count else { return nil }
            return Int(input[offset]) << 24 | Int(input[offset + 1]) << 16 | Int(input[offset + 2]) << 8 | Int(input[offset + 3])
        }
        var position = 0
        var produced = 0
        while position < input.count {
            guard let frameLength = bigEndian32(position), frameLength <= output.count - produced else { return false }
            position += 4
            var frameProduced = 0
            while frameProduced < frameLength {
                guard let blockLength = bigEndian32(position), blockLength <= input.count - position - 4 else { return false }
                position += 4
                let block = UnsafeRawBufferPointer(rebasing: input[position..<(position + blockLength)])
                guard let decoded = lz4Block(block, into: &output, at: produced, capacity: frameLength - frameProduced) else { return false }
                guard decoded > 0 || blockLength == 0 else { return false }
                position += blockLength
                produced += decoded
                frameProduced += decoded
                if decoded == 0 { break }
            }
            guard frameProduced == frameLength else { return false }
        }
        return produced == output.count
    }

    private static func lz4RawCompress(_ input: [UInt8]) throws(GlueError) -> [UInt8] {
        guard input.count <= Int(LZ4_MAX_INPUT_SIZE) else { throw GlueError(.invalidInput, "a page is too large for LZ4") }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        var output = [UInt8](repeating: 0, count: max(bound, 1))
        let result = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                LZ4_compress_default(
                    source.baseAddress?.assumingMemoryBound(to: CChar.self), destination.baseAddress?.assumingMemoryBound(to: CChar.self),
                    Int32(input.count), Int32(bound))
            }
        }
        guard result > 0 || input.isEmpty else { throw GlueError(.internalService, "LZ4_compress_default failed") }
        output.removeSubrange(Int(result)...)
        return output
    }
}
