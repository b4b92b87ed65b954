import GlueCore

/// Decodes the RLE/bit-packed hybrid encoding (Parquet `RLE`): definition levels, dictionary
/// indices and v2 boolean values.
///
/// Runs start with a varint header: low bit 0 is an RLE run of `header >> 1` copies of one value
/// stored in `ceil(bitWidth / 8)` little-endian bytes; low bit 1 is `header >> 1` groups of eight
/// values bit-packed LSB first. Bit width 0 means every value is 0.
enum RLEBitPackedHybridDecoder {
    /// Decodes `count` values of `bitWidth` (0...32) bits from `bytes`, appending them to `output`.
    ///
    /// - Returns: the number of bytes consumed.
    /// - Throws: `InvalidDataException` when the runs end before `count` values.
    @discardableResult
    static func decode(
        _ bytes: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into output: inout [Int32]
    ) throws(GlueError) -> Int {
        guard (0...32).contains(bitWidth) else { throw invalidData("RLE bit width \(bitWidth) is outside 0...32") }
        guard count > 0 else { return 0 }
        output.reserveCapacity(output.count + count)
        if bitWidth == 0 {
            output.append(contentsOf: repeatElement(0, count: count))
            return 0
        }
        var produced = 0
        var position = 0
        let valueByteCount = (bitWidth + 7) / 8
        while produced < count {
            let header = try BitReading.varint(bytes, &position)
            if header & 1 == 0 {
                let runLength = header >> 1
                guard position + valueByteCount <= bytes.count else { throw invalidData("an RLE run runs past the end of its data") }
                var value: UInt64 = 0
                for index in 0..<valueByteCount { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
                position += valueByteCount
                guard value <= UInt64(UInt32.max) else { throw invalidData("an RLE value is too wide") }
                let take = Int(min(runLength, UInt64(count - produced)))
                output.append(contentsOf: repeatElement(Int32(bitPattern: UInt32(truncatingIfNeeded: value)), count: take))
                produced += take
            } else {
                let groups = header >> 1
                guard groups <= UInt64(bytes.count) else { throw invalidData("a bit-packed run is longer than its data") }
                let valuesInRun = Int(groups) * 8
                let take = min(valuesInRun, count - produced)
                let runBytes = Int(groups) * bitWidth
                let availableBytes = min(runBytes, bytes.count - position)
                // A final run may be cut short by writers that omit padding; the values needed must be present.
                guard (take * bitWidth + 7) / 8 <= availableBytes else { throw invalidData("a bit-packed run runs past the end of its data") }
                let run = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + availableBytes)])
                if bitWidth == 1 {
                    for index in 0..<take {
                        output.append(Int32((run[index >> 3] >> UInt8(index & 7)) & 1))
                    }
                } else {
                    var bitOffset = 0
                    for _ in 0..<take {
                        output.append(Int32(bitPattern: UInt32(truncatingIfNeeded: BitReading.bits(run, bitOffset: bitOffset, bitWidth: bitWidth))))
                        bitOffset += bitWidth
                    }
                }
                position += availableBytes
                produced += take
            }
        }
        return position
    }
}
