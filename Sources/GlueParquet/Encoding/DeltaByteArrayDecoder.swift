import GlueCore

/// Decodes DELTA_LENGTH_BYTE_ARRAY (DBP lengths, then the bytes back to back) and DELTA_BYTE_ARRAY
/// (DBP prefix lengths, then DELTA_LENGTH_BYTE_ARRAY suffixes; each value is the previous value's
/// prefix plus its suffix).
enum DeltaByteArrayDecoder {
    /// Decodes `count` DELTA_LENGTH_BYTE_ARRAY values.
    @discardableResult
    static func decodeLengths(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout ByteArrayValues) throws(GlueError) -> Int {
        var lengths: [Int64] = []
        var position = try DeltaBinaryPackedDecoder.decode(bytes, limit: count, into: &lengths)
        guard lengths.count == count else { throw invalidData("DELTA_LENGTH_BYTE_ARRAY has \(lengths.count) lengths for \(count) values") }
        for length in lengths {
            guard length >= 0, length <= Int64(bytes.count - position) else {
                throw invalidData("a DELTA_LENGTH_BYTE_ARRAY value of \(length) bytes runs past the end of the page")
            }
            output.append(UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))]))
            position += Int(length)
        }
        return position
    }

    /// Decodes `count` DELTA_BYTE_ARRAY values.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout ByteArrayValues) throws(GlueError) -> Int {
        var prefixes: [Int64] = []
        let prefixBytes = try DeltaBinaryPackedDecoder.decode(bytes, limit: count, into: &prefixes)
        guard prefixes.count == count else { throw invalidData("DELTA_BYTE_ARRAY has \(prefixes.count) prefix lengths for \(count) values") }
        var suffixes = ByteArrayValues()
        let rest = UnsafeRawBufferPointer(rebasing: bytes[prefixBytes...])
        let suffixBytes = try decodeLengths(rest, count: count, into: &suffixes)
        var previous: [UInt8] = []
        var current: [UInt8] = []
        for index in 0..<count {
            let prefix = prefixes[index]
            guard prefix >= 0, prefix <= Int64(previous.count) else {
                throw invalidData("a DELTA_BYTE_ARRAY prefix of \(prefix) bytes is longer than the previous value")
            }
            current.removeAll(keepingCapacity: true)
            current.append(contentsOf: previous[0..<Int(prefix)])
            current.append(contentsOf: suffixes.bytes[suffixes.range(at: index)])
            output.append(current[...])
            swap(&previous, &current)
        }
        return prefixBytes + suffixBytes
    }
}
