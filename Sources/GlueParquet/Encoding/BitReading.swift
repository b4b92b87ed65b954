import GlueCore

/// An `InvalidDataException` for a problem found in a Parquet file's bytes; the file reader adds
/// the file's name and the column.
func invalidData(_ problem: String) -> GlueError {
    GlueError(.invalidData, problem)
}

/// Little-endian loads and bit unpacking over bounds-checked raw bytes.
enum BitReading {
    /// Up to 8 bytes at `offset`, little-endian, zero-filled past the end of `bytes`.
    @inline(__always)
    static func loadLE64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        if offset >= 0, offset &+ 8 <= bytes.count {
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var value: UInt64 = 0
        var index = 0
        while index < 8, offset &+ index < bytes.count {
            if offset &+ index >= 0 { value |= UInt64(bytes[offset &+ index]) << UInt64(8 * index) }
            index += 1
        }
        return value
    }

    /// The `bitWidth`-bit value (0...64) starting at bit `bitOffset`, LSB first.
    @inline(__always)
    static func bits(_ bytes: UnsafeRawBufferPointer, bitOffset: Int, bitWidth: Int) -> UInt64 {
        if bitWidth == 0 { return 0 }
        let byteOffset = bitOffset >> 3
        let shift = UInt64(bitOffset & 7)
        var value = loadLE64(bytes, byteOffset) >> shift
        if bitWidth + Int(shift) > 64 {
            value |= loadLE64(bytes, byteOffset + 8) << (64 - shift)
        }
        return bitWidth == 64 ? value : value & ((1 << UInt64(bitWidth)) - 1)
    }

    /// Reads an unsigned LEB128 varint at `position`, advancing it.
    @inline(__always)
    static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) throws(GlueError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw invalidData("a varint runs past the end of the page") }
            let byte = bytes[position]
            position += 1
            if shift == 63, byte > 1 { throw invalidData("a varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw invalidData("a varint is longer than 10 bytes") }
        }
    }

    /// Reads a zigzag-encoded signed varint.
    @inline(__always)
    static func zigzag(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) throws(GlueError) -> Int64 {
        let raw = try varint(bytes, &position)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// The number of bits needed for values up to `maximum`.
    static func bitWidth(forMaximum maximum: UInt64) -> Int {
        maximum == 0 ? 0 : 64 - maximum.leadingZeroBitCount
    }
}

/// Runs `body` over the bytes' memory, keeping the typed error (`withUnsafeBytes` only rethrows).
@inline(__always)
func withBytes<R>(_ bytes: ArraySlice<UInt8>, _ body: (UnsafeRawBufferPointer) throws(GlueError) -> R) throws(GlueError) -> R {
    let result = bytes.withUnsafeBytes { raw in Result { () throws(GlueError) -> R in try body(raw) } }
    return try result.get()
}

/// Runs `body` over the array's memory, keeping the typed error.
@inline(__always)
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(GlueError) -> R) throws(GlueError) -> R {
    let result = bytes.withUnsafeBytes { raw in Result { () throws(GlueError) -> R in try body(raw) } }
    return try result.get()
}
