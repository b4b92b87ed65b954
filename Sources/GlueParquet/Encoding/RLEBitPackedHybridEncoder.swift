/// Encodes values with the RLE/bit-packed hybrid encoding: runs of 8 or more equal values as RLE
/// runs, everything else bit-packed in groups of eight.
struct RLEBitPackedHybridEncoder {
    let bitWidth: Int
    private(set) var bytes: [UInt8] = []
    private var pending: [UInt32] = []      // values not yet written (fewer than 8, or a literal run)
    private var repeatValue: UInt32 = 0
    private var repeatCount = 0

    init(bitWidth: Int) {
        self.bitWidth = bitWidth
    }

    /// Encodes all `values` and returns the bytes (no length prefix).
    static func encode(_ values: some Collection<UInt32>, bitWidth: Int) -> [UInt8] {
        var encoder = RLEBitPackedHybridEncoder(bitWidth: bitWidth)
        for value in values { encoder.append(value) }
        return encoder.finish()
    }

    mutating func append(_ value: UInt32) {
        if repeatCount > 0, value == repeatValue {
            repeatCount += 1
            return
        }
        flushRepeat()
        repeatValue = value
        repeatCount = 1
    }

    /// Moves the current run of equal values either into an RLE run (8 or more) or into the
    /// literal buffer.
    private mutating func flushRepeat() {
        guard repeatCount > 0 else { return }
        // Fill the literal buffer to a multiple of 8 first, so literal groups stay whole.
        var remaining = repeatCount
        if !pending.isEmpty {
            while remaining > 0, pending.count % 8 != 0 {
                pending.append(repeatValue)
                remaining -= 1
            }
        }
        if remaining >= 8 {
            flushLiterals()
            writeRLERun(value: repeatValue, count: remaining)
        } else {
            pending.append(contentsOf: repeatElement(repeatValue, count: remaining))
        }
        repeatCount = 0
    }

    private mutating func flushLiterals() {
        guard !pending.isEmpty else { return }
        while pending.count % 8 != 0 { pending.append(0) }
        let groups = pending.count / 8
        // A header holds at most 63 groups per byte comfortably; split very long literal runs.
        var start = 0
        while start < groups {
            let chunk = min(groups - start, 1 << 20)
            writeVarint(UInt64(chunk) << 1 | 1)
            packGroup(pending[(start * 8)..<((start + chunk) * 8)])
            start += chunk
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func packGroup(_ values: ArraySlice<UInt32>) {
        var buffer: UInt64 = 0
        var bitsInBuffer = 0
        for value in values {
            buffer |= UInt64(value) << UInt64(bitsInBuffer)
            bitsInBuffer += bitWidth
            while bitsInBuffer >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                bitsInBuffer -= 8
            }
        }
        if bitsInBuffer > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
    }

    private mutating func writeRLERun(value: UInt32, count: Int) {
        writeVarint(UInt64(count) << 1)
        var value = value
        for _ in 0..<((bitWidth + 7) / 8) {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    private mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func finish() -> [UInt8] {
        flushRepeat()
        flushLiterals()
        return bytes
    }
}
