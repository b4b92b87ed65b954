import GlueCore

/// The type nibble of a Thrift compact-protocol field or collection element.
enum ThriftCompactType: UInt8 {
    case boolTrue = 1
    case boolFalse = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
}

/// Reads Thrift compact-protocol values from untrusted bytes; every read is bounds-checked.
///
/// Parquet's footer and page headers use only structs, unions, integers, booleans, binary and
/// lists; the reader can also skip doubles, sets and maps so that unknown fields of any type are
/// passed over (the spec's forward compatibility rule).
struct ThriftCompactReader {
    /// The bytes being read.
    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var position: Int
    /// One past the last byte the reader may read.
    let end: Int
    /// How deeply nested structs and collections may be before the input is called corrupt.
    static let maximumDepth = 64

    /// Creates a reader over `bytes[start..<end]`.
    init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// The number of bytes left.
    var remaining: Int { end - position }

    func corrupt(_ problem: String) -> GlueError {
        GlueError(.invalidData, "\(problem) (Thrift metadata at byte \(position))")
    }

    mutating func readByte() throws(GlueError) -> UInt8 {
        guard position < end else { throw corrupt("metadata ends unexpectedly") }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws(GlueError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63, byte > 1 { throw corrupt("varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw corrupt("varint is longer than 10 bytes") }
        }
    }

    mutating func readZigzag64() throws(GlueError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readI64(_ type: ThriftCompactType) throws(GlueError) -> Int64 {
        switch type {
        case .i64, .i32, .i16: return try readZigzag64()
        case .i8: return Int64(Int8(bitPattern: try readByte()))
        default: throw corrupt("expected an integer, found Thrift type \(type)")
        }
    }

    mutating func readI32(_ type: ThriftCompactType) throws(GlueError) -> Int32 {
        let value = try readI64(type)
        guard let narrow = Int32(exactly: value) else { throw corrupt("integer \(value) does not fit in 32 bits") }
        return narrow
    }

    /// A boolean struct field (the value is in the type nibble).
    func readBool(_ type: ThriftCompactType) throws(GlueError) -> Bool {
        switch type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw corrupt("expected a boolean, found Thrift type \(type)")
        }
    }

    mutating func readBinary(_ type: ThriftCompactType) throws(GlueError) -> [UInt8] {
        guard type == .binary else { throw corrupt("expected binary, found Thrift type \(type)") }
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw corrupt("binary length \(length) runs past the end of the metadata") }
        let count = Int(length)
        let value = Array(bytes[position..<position + count])
        position += count
        return value
    }

    mutating func readString(_ type: ThriftCompactType) throws(GlueError) -> String {
        String(decoding: try readBinary(type), as: UTF8.self)
    }

    /// Reads a field header; returns `nil` at the struct's STOP byte.
    mutating func readFieldHeader(lastFieldID: inout Int16) throws(GlueError) -> (id: Int16, type: ThriftCompactType)? {
        let byte = try readByte()
        if byte == 0 { return nil }
        guard let type = ThriftCompactType(rawValue: byte & 0x0F) else {
            throw corrupt("unknown Thrift field type \(byte & 0x0F)")
        }
        let delta = byte >> 4
        let id: Int16
        if delta == 0 {
            let raw = try readZigzag64()
            guard let narrow = Int16(exactly: raw) else { throw corrupt("field id \(raw) out of range") }
            id = narrow
        } else {
            id = lastFieldID &+ Int16(delta)
        }
        lastFieldID = id
        return (id, type)
    }

    /// Reads a list or set header: the element type and the element count (checked against the
    /// bytes left, since every element takes at least one byte).
    mutating func readListHeader(_ type: ThriftCompactType) throws(GlueError) -> (elementType: ThriftCompactType, count: Int) {
        guard type == .list || type == .set else { throw corrupt("expected a list, found Thrift type \(type)") }
        let byte = try readByte()
        var size = UInt64(byte >> 4)
        if size == 15 { size = try readVarint() }
        guard let elementType = ThriftCompactType(rawValue: byte & 0x0F) else {
            throw corrupt("unknown Thrift list element type \(byte & 0x0F)")
        }
        guard size <= UInt64(remaining) else { throw corrupt("list of \(size) elements runs past the end of the metadata") }
        return (elementType, Int(size))
    }

    /// Reads a list element that is a boolean (one byte; 1 is true, anything else false).
    mutating func readBoolElement() throws(GlueError) -> Bool {
        try readByte() == 1
    }

    /// Skips a value of any type, nested structs and collections included.
    mutating func skip(_ type: ThriftCompactType, depth: Int = 0) throws(GlueError) {
        guard depth < Self.maximumDepth else { throw corrupt("metadata nested too deeply") }
        switch type {
        case .boolTrue, .boolFalse: return
        case .i8: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double:
            guard remaining >= 8 else { throw corrupt("metadata ends inside a double") }
            position += 8
        case .binary:
            let length = try readVarint()
            guard length <= UInt64(remaining) else { throw corrupt("binary length \(length) runs past the end of the metadata") }
            position += Int(length)
        case .list, .set:
            let (elementType, count) = try readListHeader(type)
            for _ in 0..<count {
                if elementType == .boolTrue || elementType == .boolFalse { _ = try readByte() } else { try skip(elementType, depth: depth + 1) }
            }
        case .map:
            let size = try readVarint()
            guard size <= UInt64(remaining) else { throw corrupt("map of \(size) entries runs past the end of the metadata") }
            if size == 0 { return }
            let kinds = try readByte()
            guard let keyType = ThriftCompactType(rawValue: kinds >> 4), let valueType = ThriftCompactType(rawValue: kinds & 0x0F) else {
                throw corrupt("unknown Thrift map types \(kinds)")
            }
            for _ in 0..<Int(size) {
                if keyType == .boolTrue || keyType == .boolFalse { _ = try readByte() } else { try skip(keyType, depth: depth + 1) }
                if valueType == .boolTrue || valueType == .boolFalse { _ = try readByte() } else { try skip(valueType, depth: depth + 1) }
            }
        case .struct:
            var last: Int16 = 0
            while let field = try readFieldHeader(lastFieldID: &last) {
                try skip(field.type, depth: depth + 1)
            }
        }
    }
}
