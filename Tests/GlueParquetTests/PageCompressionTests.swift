import CZlib
import GlueCore
import Testing

@testable import GlueParquet

@Suite("Page compression")
struct PageCompressionTests {
    static let sample: [UInt8] = Array((0..<5000).map { UInt8(truncatingIfNeeded: $0 % 97 == 0 ? $0 : 65 + $0 % 7) })

    @Test("Each codec round-trips", arguments: [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw])
    func roundTrip(codec: CompressionCodec) throws {
        for input in [Self.sample, []] {
            let compressed = try PageCompression.compress(input, codec: codec)
            let output = try compressed.withUnsafeBytes { try PageCompression.decompress($0, codec: codec, uncompressedSize: input.count) }
            #expect(output == input)
        }
    }

    @Test("Concatenated GZIP members inflate as one body")
    func multiMemberGzip() throws {
        let first = try PageCompression.compress(Array(Self.sample[0..<2000]), codec: .gzip)
        let second = try PageCompression.compress(Array(Self.sample[2000...]), codec: .gzip)
        let output = try (first + second).withUnsafeBytes { try PageCompression.decompress($0, codec: .gzip, uncompressedSize: Self.sample.count) }
        #expect(output == Self.sample)
    }

    @Test("Legacy LZ4 reads Hadoop framing and bare blocks")
    func legacyLZ4() throws {
        let block = try PageCompression.compress(Self.sample, codec: .lz4Raw)
        func be32(_ value: Int) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        let framed = be32(Self.sample.count) + be32(block.count) + block
        for body in [framed, block] {
            let output = try body.withUnsafeBytes { try PageCompression.decompress($0, codec: .lz4, uncompressedSize: Self.sample.count) }
            #expect(output == Self.sample)
        }
    }

    @Test("A wrong declared size or corrupt body is an InvalidDataException", arguments: [CompressionCodec.snappy, .gzip, .zstd, .lz4Raw, .lz4])
    func corrupt(codec: CompressionCodec) throws {
        let compressed = try PageCompression.compress(Self.sample, codec: codec == .lz4 ? .lz4Raw : codec)
        let error = #expect(throws: GlueError.self) {
            try compressed.withUnsafeBytes { _ = try PageCompression.decompress($0, codec: codec, uncompressedSize: Self.sample.count + 1) }
        }
        #expect(error?.code == .invalidData)
        var mangled = compressed
        for index in stride(from: 0, to: mangled.count, by: 3) { mangled[index] ^= 0x5A }
        #expect(throws: GlueError.self) {
            try mangled.withUnsafeBytes { _ = try PageCompression.decompress($0, codec: codec, uncompressedSize: Self.sample.count) }
        }
    }
}
