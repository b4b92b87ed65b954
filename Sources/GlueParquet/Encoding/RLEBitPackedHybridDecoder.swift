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
        let base = output.count
        // Room for every value up front (zeroed), filled in place below.
        output.append(contentsOf: repeatElement(0, count: count))
        if bitWidth == 0 { return 0 }
        var failure: String?
        let consumed = output.withUnsafeMutableBufferPointer { buffer -> Int in
            let out = UnsafeMutableBufferPointer(rebasing: buffer[base..<(base + count)])
            var produced = 0
            var position = 0
            let valueByteCount = (bitWidth + 7) / 8
            let mask: UInt64 = (1 << UInt64(bitWidth)) - 1
            while produced < count {
                guard let header = try? BitReading.varint(bytes, &position) else {
                    failure = "an RLE run header runs past the end of its data"
                    return position
                }
                if header & 1 == 0 {
                    let runLength = header >> 1
                    guard position + valueByteCount <= bytes.count else {
                        failure = "an RLE run runs past the end of its data"
                        return position
                    }
                    var value: UInt64 = 0
                    for index in 0..<valueByteCount { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
                    position += valueByteCount
                    guard value <= mask else {
                        failure = "an RLE value is wider than \(bitWidth) bits"
                        return position
                    }
                    let take = Int(min(runLength, UInt64(count - produced)))
                    let fill = Int32(bitPattern: UInt32(truncatingIfNeeded: value))
                    if fill != 0 { out[produced..<(produced + take)].update(repeating: fill) }
                    produced += take
                } else {
                    let groups = header >> 1
                    guard groups <= UInt64(bytes.count) else {
                        failure = "a bit-packed run is longer than its data"
                        return position
                    }
                    let take = min(Int(groups) * 8, count - produced)
                    let runBytes = Int(groups) * bitWidth
                    let available = min(runBytes, bytes.count - position)
                    // A final run may be cut short by writers that omit padding; the values needed must be present.
                    guard (take * bitWidth + 7) / 8 <= available else {
                        failure = "a bit-packed run runs past the end of its data"
                        return position
                    }
                    var buffer: UInt64 = 0
                    var bitsInBuffer = 0
                    var next = position
                    for index in produced..<(produced + take) {
                        while bitsInBuffer < bitWidth {
                            buffer |= UInt64(bytes[next]) << UInt64(bitsInBuffer)
                            next += 1
                            bitsInBuffer += 8
                        }
                        out[index] = Int32(bitPattern: UInt32(truncatingIfNeeded: buffer & mask))
                        buffer >>= UInt64(bitWidth)
                        bitsInBuffer -= bitWidth
                    }
                    position += available
                    produced += take
                }
            }
            return position
        }
        if let failure {
            output.removeSubrange(base...)
            throw invalidData(failure)
        }
        return consumed
    }
}
