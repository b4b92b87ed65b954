import GlueCore

/// Decodes DELTA_BINARY_PACKED integers (Parquet `Encodings.md`): a header (block size, miniblocks
/// per block, total count, first value), then blocks of a zigzag min delta, one bit-width byte per
/// miniblock and the bit-packed miniblocks. Arithmetic wraps, as the spec requires.
enum DeltaBinaryPackedDecoder {
    /// Decodes every value of the stream (at most `limit`, the values the page holds), appending
    /// them to `output`.
    ///
    /// - Returns: the number of bytes consumed (the stream's full length).
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, limit: Int, into output: inout [Int64]) throws(GlueError) -> Int {
        var position = 0
        let blockSize = try BitReading.varint(bytes, &position)
        let miniblocksPerBlock = try BitReading.varint(bytes, &position)
        let totalCount = try BitReading.varint(bytes, &position)
        let firstValue = try BitReading.zigzag(bytes, &position)
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= 1 << 20 else {
            throw invalidData("DELTA_BINARY_PACKED block size \(blockSize) is not a positive multiple of 128")
        }
        guard miniblocksPerBlock > 0, blockSize % miniblocksPerBlock == 0, (blockSize / miniblocksPerBlock) % 32 == 0 else {
            throw invalidData("DELTA_BINARY_PACKED has \(miniblocksPerBlock) miniblocks in a block of \(blockSize)")
        }
        // Values of bit width 0 take no bytes, so the count is checked against what the page holds
        // rather than against the bytes.
        guard totalCount <= UInt64(max(0, limit)) else {
            throw invalidData("DELTA_BINARY_PACKED claims \(totalCount) values where the page holds \(limit)")
        }
        let total = Int(totalCount)
        let wanted = total
        guard total > 0 else { return position }
        output.reserveCapacity(output.count + wanted)
        var previous = firstValue
        if wanted > 0 { output.append(firstValue) }
        var decoded = 1
        let valuesPerMiniblock = Int(blockSize / miniblocksPerBlock)
        let miniblockCount = Int(miniblocksPerBlock)
        var widths = [Int](repeating: 0, count: miniblockCount)
        while decoded < total {
            let minDelta = try BitReading.zigzag(bytes, &position)
            guard position + miniblockCount <= bytes.count else { throw invalidData("DELTA_BINARY_PACKED bit widths run past the end of the page") }
            for index in 0..<miniblockCount {
                let width = Int(bytes[position + index])
                guard width <= 64 else { throw invalidData("DELTA_BINARY_PACKED bit width \(width) exceeds 64") }
                widths[index] = width
            }
            position += miniblockCount
            for width in widths where decoded < total {
                let miniblockBytes = valuesPerMiniblock * width / 8
                let inMiniblock = min(valuesPerMiniblock, total - decoded)
                // The last miniblock may be cut short; the values still needed must be present.
                let needed = (inMiniblock * width + 7) / 8
                guard needed <= bytes.count - position else { throw invalidData("a DELTA_BINARY_PACKED miniblock runs past the end of the page") }
                let available = min(miniblockBytes, bytes.count - position)
                let miniblock = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + available)])
                var bitOffset = 0
                for _ in 0..<inMiniblock {
                    let delta = BitReading.bits(miniblock, bitOffset: bitOffset, bitWidth: width)
                    bitOffset += width
                    previous = Int64(bitPattern: UInt64(bitPattern: previous) &+ UInt64(bitPattern: minDelta) &+ delta)
                    if decoded < wanted { output.append(previous) }
                    decoded += 1
                }
                position += available
            }
        }
        return position
    }
}
