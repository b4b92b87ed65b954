import GlueCompression
import GlueCore
import Testing

@Suite("Gzip")
struct GzipTests {
    static let sample: [UInt8] = (0..<50_000).map { UInt8(truncatingIfNeeded: ($0 * 7919) % 251) }

    /// Compresses with the streaming deflater, feeding `bytes` in pieces of `piece`.
    static func deflate(_ bytes: [UInt8], piece: Int = 4_096) throws -> [UInt8] {
        let deflater = try GzipDeflater(level: 6, outputSize: 1_024)
        var out: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + piece)
            try bytes[offset..<end].withUnsafeBytes { raw in try deflater.write(raw, finish: false) { out += $0 } }
            offset = end
        }
        try deflater.write(UnsafeRawBufferPointer(start: nil, count: 0), finish: true) { out += $0 }
        return out
    }

    /// Inflates with the streaming inflater, the source handing out `chunk` bytes at a time.
    static func inflate(_ bytes: [UInt8], chunk: Int = 1_000) throws -> [UInt8] {
        let inflater = try GzipInflater(fileName: "x.gz", inputSize: 512)
        var offset = 0
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 3_000)
        while true {
            let count = try buffer.withUnsafeMutableBytes { output in
                try inflater.read(into: output) { (input: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
                    let n = min(input.count, chunk, bytes.count - offset)
                    for index in 0..<n { input[index] = bytes[offset + index] }
                    offset += n
                    return n
                }
            }
            if count == 0 { return out }
            out += buffer[0..<count]
        }
    }

    @Test("The streaming deflater and inflater round-trip, multi-member files included")
    func streamingRoundTrip() throws {
        let one = try Self.deflate(Self.sample)
        #expect(one.count < Self.sample.count)
        #expect(try Self.inflate(one) == Self.sample)
        let two = try Self.deflate(Array(Self.sample[0..<10_000])) + Self.deflate(Array(Self.sample[10_000...]))
        #expect(try Self.inflate(two, chunk: 7) == Self.sample)
    }

    @Test("Truncated or corrupt streams are InvalidDataException naming the file")
    func streamingFailures() throws {
        let whole = try Self.deflate(Self.sample)
        for broken in [Array(whole[0..<(whole.count / 2)]), Array(whole[0..<12]) + [UInt8](repeating: 0xFF, count: 40)] {
            #expect {
                _ = try Self.inflate(broken)
            } throws: { error in
                (error as? GlueError)?.code == .invalidData && ((error as? GlueError)?.message.contains("x.gz") ?? false)
            }
        }
    }

    @Test("The one-shot block form agrees with the streaming form and checks the size")
    func block() throws {
        let compressed = try GzipBlock.compress(Self.sample)
        #expect(try Self.inflate(compressed) == Self.sample)
        let streamed = try Self.deflate(Self.sample)
        let padded = streamed + [0, 0, 0]
        #expect(try padded.withUnsafeBytes { raw in try GzipBlock.decompress(raw, expectedSize: Self.sample.count) } == Self.sample)
        #expect(throws: GzipBlock.Failure.self) {
            _ = try compressed.withUnsafeBytes { raw in try GzipBlock.decompress(raw, expectedSize: Self.sample.count + 1) }
        }
        #expect(throws: GzipBlock.Failure.self) {
            _ = try compressed.withUnsafeBytes { raw in try GzipBlock.decompress(raw, expectedSize: Self.sample.count - 1) }
        }
        #expect(throws: GzipBlock.Failure.self) {
            _ = try [UInt8]().withUnsafeBytes { raw in try GzipBlock.decompress(raw, expectedSize: 4) }
        }
    }

    /// Reads everything through a DecompressingReader whose source hands out `chunk` bytes at a time.
    static func readAll(_ bytes: [UInt8], chunk: Int, requiresGzip: Bool = false) throws -> ([UInt8], Bool) {
        var offset = 0
        let reader = DecompressingReader(fileName: "in", formatName: "CSV", requiresGzip: requiresGzip) { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
            let n = min(buffer.count, chunk, bytes.count - offset)
            for index in 0..<n { buffer[index] = bytes[offset + index] }
            offset += n
            return n
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 777)
        while true {
            let n = try buffer.withUnsafeMutableBytes { raw in try reader.read(into: raw) }
            if n == 0 { return (out, reader.isGzip) }
            out += buffer[0..<n]
        }
    }

    @Test("DecompressingReader: plain bytes pass through, gzip is recognised even one byte at a time, bzip2 is refused")
    func decompressingReader() throws {
        let plain = Array(Self.sample[0..<5_000])
        for chunk in [1, 2, 3, 5_000] {
            #expect(try Self.readAll(plain, chunk: chunk) == (plain, false))
            #expect(try Self.readAll(Self.deflate(plain), chunk: chunk) == (plain, true))
        }
        #expect(try Self.readAll([], chunk: 1) == ([], false))
        #expect(try Self.readAll([0x41], chunk: 1) == ([0x41], false))
        #expect {
            _ = try Self.readAll(Array("BZh91AY".utf8), chunk: 1)
        } throws: { error in
            (error as? GlueError)?.code == .unsupportedFeature && ((error as? GlueError)?.message.contains("plain CSV") ?? false)
        }
        #expect {
            _ = try Self.readAll(plain, chunk: 100, requiresGzip: true)
        } throws: { error in
            (error as? GlueError)?.code == .invalidData
        }
    }
}
