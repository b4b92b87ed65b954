import GlueCore
import Testing

@testable import GlueParquet

@Suite("Parquet encodings")
struct EncodingTests {
    @Test("RLE/bit-packed hybrid round-trips runs and literals", arguments: [1, 2, 3, 7, 8, 13, 20, 32])
    func hybridRoundTrip(bitWidth: Int) throws {
        let mask = bitWidth == 32 ? UInt32.max : (UInt32(1) << UInt32(bitWidth)) - 1
        var values: [UInt32] = []
        var state: UInt32 = 12345
        for index in 0..<1000 {
            state = state &* 1_103_515_245 &+ 12345
            if index % 100 < 40 { values.append(5 & mask) } else { values.append((state >> 7) & mask) }
        }
        let encoded = RLEBitPackedHybridEncoder.encode(values, bitWidth: bitWidth)
        var decoded: [Int32] = []
        try encoded.withUnsafeBytes { bytes in
            _ = try RLEBitPackedHybridDecoder.decode(bytes, bitWidth: bitWidth, count: values.count, into: &decoded)
        }
        #expect(decoded.map { UInt32(bitPattern: $0) } == values)
    }

    @Test("Bit width 0 yields zeros and a truncated run is an error")
    func hybridEdges() throws {
        var decoded: [Int32] = []
        try [UInt8]().withUnsafeBytes { bytes in
            _ = try RLEBitPackedHybridDecoder.decode(bytes, bitWidth: 0, count: 4, into: &decoded)
        }
        #expect(decoded == [0, 0, 0, 0])
        // A bit-packed run of 2 groups at width 3 needs 6 bytes; give 2.
        let truncated: [UInt8] = [0x05, 0xFF, 0xFF]
        #expect(throws: GlueError.self) {
            var out: [Int32] = []
            try truncated.withUnsafeBytes { _ = try RLEBitPackedHybridDecoder.decode($0, bitWidth: 3, count: 16, into: &out) }
        }
    }

    @Test("DELTA_BINARY_PACKED decodes the spec's example and wraps on overflow")
    func deltaBinaryPacked() throws {
        // Block size 128, 4 miniblocks, 5 values, first value 1; deltas 1,1,1,1 -> min delta 1, widths 0.
        let bytes: [UInt8] = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00]
        var values: [Int64] = []
        try bytes.withUnsafeBytes { _ = try DeltaBinaryPackedDecoder.decode($0, limit: 5, into: &values) }
        #expect(values == [1, 2, 3, 4, 5])
        // Int64.max then Int64.min: delta wraps.
        var encoded: [UInt8] = [0x80, 0x01, 0x04, 0x02]
        encoded += zigzagVarint(Int64.max)
        encoded += zigzagVarint(Int64.min &- Int64.max)  // min delta
        encoded += [0, 0, 0, 0]
        var wrapped: [Int64] = []
        try encoded.withUnsafeBytes { _ = try DeltaBinaryPackedDecoder.decode($0, limit: 2, into: &wrapped) }
        #expect(wrapped == [Int64.max, Int64.min])
        #expect(throws: GlueError.self) {
            var out: [Int64] = []
            try bytes.withUnsafeBytes { _ = try DeltaBinaryPackedDecoder.decode($0, limit: 3, into: &out) }
        }
    }

    @Test("BYTE_STREAM_SPLIT reassembles values")
    func byteStreamSplit() throws {
        let split: [UInt8] = [1, 2, 3, 10, 20, 30]
        let plain = try split.withUnsafeBytes { try ByteStreamSplitDecoder.unsplit($0, width: 2, count: 3) }
        #expect(plain == [1, 10, 2, 20, 3, 30])
    }

    @Test("INT96 decodes with Spark's wrapping microsecond rule")
    func int96() throws {
        var bytes: [UInt8] = []
        let nanos: Int64 = 3_600_000_000_123  // 01:00:00.000000123
        let day: Int32 = 2_440_589  // 1970-01-02
        withUnsafeBytes(of: nanos.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: day.littleEndian) { bytes += $0 }
        var values: [Int64] = []
        try bytes.withUnsafeBytes { _ = try PlainDecoder.decodeInt96($0, count: 1, into: &values) }
        #expect(values == [86_400_000_000 + 3_600_000_000])
    }

    @Test("PLAIN byte arrays reject a length past the end")
    func plainByteArrays() throws {
        let bytes: [UInt8] = [2, 0, 0, 0, 0x61, 0x62, 9, 0, 0, 0, 0x63]
        var values = ByteArrayValues()
        #expect(throws: GlueError.self) { try bytes.withUnsafeBytes { _ = try PlainDecoder.decodeByteArrays($0, count: 2, into: &values) } }
        var one = ByteArrayValues()
        try bytes.withUnsafeBytes { _ = try PlainDecoder.decodeByteArrays($0, count: 1, into: &one) }
        #expect(one.bytes == [0x61, 0x62] && one.offsets == [0, 2])
    }

    private func zigzagVarint(_ value: Int64) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeZigzag(value)
        return writer.bytes
    }
}
