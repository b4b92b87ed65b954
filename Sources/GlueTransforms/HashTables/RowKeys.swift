import GlueColumnar
import GlueCore

/// The key values of each row of a batch, encoded as one byte string per row so that two rows'
/// keys are equal exactly when their byte strings are (Spark's grouping equality: `-0.0` equals
/// `0.0`, every NaN is alike, null equals null), plus each row's hash.
///
/// Hash joins, hash aggregation and de-duplication use this one row format: encoding once per
/// batch turns every later equality check into a `memcmp`. Hashes come from GlueColumnar's
/// ``RowHash/hashBytes(_:)``.
///
/// Layout per key column: a tag byte (0 null, 1 value), then the value: integers and dates as
/// 8 little-endian bytes (so `int` 7 and `bigint` 7 encode alike), floating point as a normalized
/// `Double`, decimals as 16 bytes, booleans as 1 byte, text and binary as a 4-byte length and the
/// bytes; nested values as their Spark text.
struct RowKeys {
    /// The encoded keys, back to back.
    private(set) var bytes: [UInt8] = []
    /// `count + 1` offsets into ``bytes``.
    private(set) var offsets: [Int] = [0]
    /// The hash of each row's key.
    private(set) var hashes: [UInt64] = []
    /// Whether any key column of the row is null (joins never match such rows).
    private(set) var hasNull: [Bool] = []

    var count: Int { hashes.count }

    /// Encodes the rows of `columns` (all of one length).
    init(_ columns: [Column], rowCount: Int) {
        var lengths = [Int](repeating: 0, count: rowCount)
        hasNull = [Bool](repeating: false, count: rowCount)
        for column in columns {
            let valid = column.validity
            switch column.storage {
            case .boolean: Self.addFixed(&lengths, 1, valid, &hasNull)
            case .int8, .int16, .int32, .int64, .float32, .float64: Self.addFixed(&lengths, 8, valid, &hasNull)
            case .int128: Self.addFixed(&lengths, 16, valid, &hasNull)
            case .bytes(let buffer):
                buffer.offsets.withUnsafeBufferPointer { offsets in
                    for row in 0..<rowCount {
                        if let valid, !valid.isValid(at: row) { lengths[row] += 1; hasNull[row] = true } else { lengths[row] += 5 + offsets[row + 1] - offsets[row] }
                    }
                }
            case .dictionary(let keys, let values):
                for row in 0..<rowCount {
                    let key = Int(keys[row])
                    if let valid, !valid.isValid(at: row) {
                        lengths[row] += 1
                        hasNull[row] = true
                    } else {
                        lengths[row] += 5 + (key >= 0 && key < values.count ? values.offsets[key + 1] - values.offsets[key] : 0)
                    }
                }
            case .list, .structure, .union:
                for row in 0..<rowCount {
                    if let valid, !valid.isValid(at: row) {
                        lengths[row] += 1
                        hasNull[row] = true
                    } else {
                        lengths[row] += 5 + column.value(at: row).displayText(as: column.dataType).utf8.count
                    }
                }
            }
        }
        offsets = [Int](repeating: 0, count: rowCount + 1)
        for row in 0..<rowCount { offsets[row + 1] = offsets[row] + lengths[row] }
        bytes = [UInt8](repeating: 0, count: offsets[rowCount])
        var cursor = Array(offsets.dropLast())
        for column in columns { Self.write(column, rowCount: rowCount, into: &bytes, cursor: &cursor) }
        hashes = [UInt64](repeating: 0, count: rowCount)
        bytes.withUnsafeBufferPointer { all in
            offsets.withUnsafeBufferPointer { offsets in
                hashes.withUnsafeMutableBufferPointer { hashes in
                    for row in 0..<rowCount {
                        hashes[row] = RowHash.hashBytes(UnsafeBufferPointer(rebasing: all[offsets[row]..<offsets[row + 1]]))
                    }
                }
            }
        }
    }

    private static func addFixed(_ lengths: inout [Int], _ width: Int, _ validity: ValidityBitmap?, _ hasNull: inout [Bool]) {
        if let validity {
            for row in lengths.indices {
                if validity.isValid(at: row) { lengths[row] += 1 + width } else { lengths[row] += 1; hasNull[row] = true }
            }
        } else {
            for row in lengths.indices { lengths[row] += 1 + width }
        }
    }

    private static func write(_ column: Column, rowCount: Int, into bytes: inout [UInt8], cursor: inout [Int]) {
        let validity = column.validity
        bytes.withUnsafeMutableBytes { raw in
            cursor.withUnsafeMutableBufferPointer { cursor in
                @inline(__always) func isNull(_ row: Int) -> Bool {
                    if let validity { return !validity.isValid(at: row) }
                    return false
                }
                @inline(__always) func fixed<T>(_ values: [T], _ convert: (T) -> some BitwiseCopyable, width: Int) {
                    values.withUnsafeBufferPointer { values in
                        for row in 0..<rowCount {
                            let at = cursor[row]
                            if isNull(row) {
                                raw[at] = 0
                                cursor[row] = at + 1
                            } else {
                                raw[at] = 1
                                raw.storeBytes(of: convert(values[row]), toByteOffset: at + 1, as: type(of: convert(values[row])))
                                cursor[row] = at + 1 + width
                            }
                        }
                    }
                }
                func text(_ row: Int, _ value: UnsafeRawBufferPointer) {
                    let at = cursor[row]
                    raw[at] = 1
                    raw.storeBytes(of: UInt32(truncatingIfNeeded: value.count).littleEndian, toByteOffset: at + 1, as: UInt32.self)
                    if value.count > 0, let base = value.baseAddress, let target = raw.baseAddress {
                        (target + at + 5).copyMemory(from: base, byteCount: value.count)
                    }
                    cursor[row] = at + 5 + value.count
                }
                switch column.storage {
                case .boolean(let values): fixed(values, { UInt8($0 ? 1 : 0) }, width: 1)
                case .int8(let values): fixed(values, { Int64($0).littleEndian }, width: 8)
                case .int16(let values): fixed(values, { Int64($0).littleEndian }, width: 8)
                case .int32(let values): fixed(values, { Int64($0).littleEndian }, width: 8)
                case .int64(let values): fixed(values, { $0.littleEndian }, width: 8)
                case .float32(let values): fixed(values, { normalized(Double($0)) }, width: 8)
                case .float64(let values): fixed(values, { normalized($0) }, width: 8)
                case .int128(let values): fixed(values, { $0 }, width: 16)
                case .bytes(let buffer):
                    buffer.bytes.withUnsafeBytes { all in
                        for row in 0..<rowCount {
                            if isNull(row) {
                                raw[cursor[row]] = 0
                                cursor[row] += 1
                            } else {
                                text(row, UnsafeRawBufferPointer(rebasing: all[buffer.offsets[row]..<buffer.offsets[row + 1]]))
                            }
                        }
                    }
                case .dictionary(let keys, let values):
                    values.bytes.withUnsafeBytes { all in
                        for row in 0..<rowCount {
                            let key = Int(keys[row])
                            if isNull(row) {
                                raw[cursor[row]] = 0
                                cursor[row] += 1
                            } else if key >= 0 && key < values.count {
                                text(row, UnsafeRawBufferPointer(rebasing: all[values.offsets[key]..<values.offsets[key + 1]]))
                            } else {
                                text(row, UnsafeRawBufferPointer(rebasing: all[0..<0]))
                            }
                        }
                    }
                case .list, .structure, .union:
                    for row in 0..<rowCount {
                        if isNull(row) {
                            raw[cursor[row]] = 0
                            cursor[row] += 1
                        } else {
                            let rendered = Array(column.value(at: row).displayText(as: column.dataType).utf8)
                            rendered.withUnsafeBytes { text(row, $0) }
                        }
                    }
                }
            }
        }
    }

    /// `-0.0` as `0.0` and every NaN as one NaN, as Spark groups them.
    @inline(__always)
    private static func normalized(_ value: Double) -> UInt64 {
        if value.isNaN { return Double.nan.bitPattern.littleEndian }
        return (value == 0 ? 0.0 : value).bitPattern.littleEndian
    }

    /// Calls `body` with the bytes of row `row`'s key.
    @inline(__always)
    func withKey<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[offsets[row]..<offsets[row + 1]])) }
    }
}
