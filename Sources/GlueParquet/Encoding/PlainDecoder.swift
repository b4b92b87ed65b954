import GlueCore

/// Decodes PLAIN-encoded values of each physical type, appending to typed arrays.
enum PlainDecoder {
    /// Appends `count` fixed-width little-endian values (INT32, INT64, FLOAT, DOUBLE).
    ///
    /// - Returns: the number of bytes consumed.
    @discardableResult
    static func decodeFixed<T: BitwiseCopyable>(
        _ bytes: UnsafeRawBufferPointer, count: Int, into output: inout [T]
    ) throws(GlueError) -> Int {
        let width = MemoryLayout<T>.stride
        guard count >= 0, count <= bytes.count / width else {
            throw invalidData("PLAIN data holds \(bytes.count) bytes, too few for \(count) values of \(width) bytes")
        }
        guard count > 0 else { return 0 }
        let source = UnsafeRawBufferPointer(rebasing: bytes[0..<(count * width)])
        let chunk = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
        if output.isEmpty { output = chunk } else { output.append(contentsOf: chunk) }
        return count * width
    }

    /// Appends `count` bit-packed (LSB first) booleans.
    @discardableResult
    static func decodeBooleans(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout [Bool]) throws(GlueError) -> Int {
        let byteCount = (count + 7) / 8
        guard count >= 0, byteCount <= bytes.count else { throw invalidData("PLAIN booleans need \(byteCount) bytes; the page has \(bytes.count)") }
        output.reserveCapacity(output.count + count)
        for index in 0..<count { output.append((bytes[index >> 3] >> UInt8(index & 7)) & 1 == 1) }
        return byteCount
    }

    /// Appends `count` INT96 values as microseconds since the epoch, with Spark's wrapping
    /// arithmetic: `(julianDay - 2440588) * 86_400_000_000 + nanosOfDay / 1000`.
    @discardableResult
    static func decodeInt96(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout [Int64]) throws(GlueError) -> Int {
        guard count >= 0, count <= bytes.count / 12 else { throw invalidData("PLAIN data holds \(bytes.count) bytes, too few for \(count) INT96 values") }
        output.reserveCapacity(output.count + count)
        for index in 0..<count {
            output.append(int96Micros(bytes, at: index * 12))
        }
        return count * 12
    }

    @inline(__always)
    static func int96Micros(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int64 {
        let nanos = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        let day = Int64(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self)))
        return (day &- 2_440_588) &* 86_400_000_000 &+ nanos / 1000
    }

    /// Appends `count` BYTE_ARRAY values (u32 length + bytes each).
    @discardableResult
    static func decodeByteArrays(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout ByteArrayValues) throws(GlueError) -> Int {
        var position = 0
        output.offsets.reserveCapacity(output.offsets.count + count)
        output.bytes.reserveCapacity(output.bytes.count + max(0, bytes.count - 4 * count))
        for _ in 0..<count {
            guard position + 4 <= bytes.count else { throw invalidData("a PLAIN byte array length runs past the end of the page") }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position += 4
            guard length <= bytes.count - position else { throw invalidData("a PLAIN byte array of \(length) bytes runs past the end of the page") }
            output.append(UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]))
            position += length
        }
        return position
    }

    /// Appends `count` FIXED_LEN_BYTE_ARRAY values of `width` bytes.
    @discardableResult
    static func decodeFixedByteArrays(_ bytes: UnsafeRawBufferPointer, width: Int, count: Int, into output: inout ByteArrayValues) throws(GlueError) -> Int {
        guard width >= 0, count >= 0, width == 0 || count <= bytes.count / width else {
            throw invalidData("PLAIN data holds \(bytes.count) bytes, too few for \(count) values of \(width) bytes")
        }
        let total = width * count
        output.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<total]))
        let base = output.offsets[output.offsets.count - 1]
        output.offsets.reserveCapacity(output.offsets.count + count)
        for index in 1...max(1, count) where count > 0 { output.offsets.append(base + index * width) }
        return total
    }
}
