import GlueColumnar
import GlueCore

/// The non-null values of one column chunk being written, in their physical type, plus one
/// definition level per row for an OPTIONAL column.
struct ChunkValues {
    var booleans: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    /// BYTE_ARRAY values, or FIXED_LEN_BYTE_ARRAY decimals.
    var byteArrays = ByteArrayValues()
    /// 1 for a row with a value, 0 for null; empty for a REQUIRED column.
    var levels: [UInt8] = []
    var rowCount = 0
    var nullCount = 0

    var valueCount: Int { rowCount - nullCount }

    /// Collects the values of `pieces` (row ranges of columns) laid out as `layout`.
    init(pieces: [(column: Column, rows: Range<Int>)], layout: ParquetLayout, name: String, isOptional: Bool) throws(GlueError) {
        let total = pieces.reduce(0) { $0 + $1.rows.count }
        rowCount = total
        if isOptional { levels.reserveCapacity(total) }
        for (column, rows) in pieces {
            if let validity = column.validity {
                guard isOptional else {
                    // A REQUIRED column may not hold nulls.
                    if rows.contains(where: { !validity.isValid(at: $0) }) {
                        throw GlueError(.invalidInput, "Column \(name) is not nullable but holds a null")
                    }
                    try append(column, rows, layout: layout, name: name, validity: nil)
                    continue
                }
                for row in rows {
                    let valid = validity.isValid(at: row)
                    levels.append(valid ? 1 : 0)
                    if !valid { nullCount += 1 }
                }
                try append(column, rows, layout: layout, name: name, validity: validity)
            } else {
                if isOptional { levels.append(contentsOf: repeatElement(1, count: rows.count)) }
                try append(column, rows, layout: layout, name: name, validity: nil)
            }
        }
    }

    private mutating func append(_ column: Column, _ rows: Range<Int>, layout: ParquetLayout, name: String, validity: ValidityBitmap?) throws(GlueError) {
        @inline(__always) func isValid(_ row: Int) -> Bool { validity?.isValid(at: row) ?? true }
        switch (layout.kind, column.storage) {
        case (.boolean, .boolean(let values)):
            for row in rows where isValid(row) { booleans.append(values[row]) }
        case (.int32, .int32(let values)):
            if validity == nil { int32s.append(contentsOf: values[rows]) } else { for row in rows where isValid(row) { int32s.append(values[row]) } }
        case (.int32, .int8(let values)):
            for row in rows where isValid(row) { int32s.append(Int32(values[row])) }
        case (.int32, .int16(let values)):
            for row in rows where isValid(row) { int32s.append(Int32(values[row])) }
        case (.int32, .int128(let values)):
            for row in rows where isValid(row) {
                guard let narrow = Int32(exactly: values[row]) else { throw GlueError(.invalidInput, "A decimal of column \(name) does not fit its precision") }
                int32s.append(narrow)
            }
        case (.int64, .int64(let values)):
            if validity == nil { int64s.append(contentsOf: values[rows]) } else { for row in rows where isValid(row) { int64s.append(values[row]) } }
        case (.int64, .int128(let values)):
            for row in rows where isValid(row) {
                guard let narrow = Int64(exactly: values[row]) else { throw GlueError(.invalidInput, "A decimal of column \(name) does not fit its precision") }
                int64s.append(narrow)
            }
        case (.float, .float32(let values)):
            for row in rows where isValid(row) { floats.append(values[row]) }
        case (.double, .float64(let values)):
            if validity == nil { doubles.append(contentsOf: values[rows]) } else { for row in rows where isValid(row) { doubles.append(values[row]) } }
        case (.byteArray, .bytes(let buffer)):
            buffer.bytes.withUnsafeBytes { bytes in
                for row in rows where isValid(row) { byteArrays.append(UnsafeRawBufferPointer(rebasing: bytes[buffer.range(at: row)])) }
            }
        case (.byteArray, .dictionary(let indices, let dictionary)):
            dictionary.bytes.withUnsafeBytes { bytes in
                for row in rows where isValid(row) { byteArrays.append(UnsafeRawBufferPointer(rebasing: bytes[dictionary.range(at: Int(indices[row]))])) }
            }
        case (.decimalFixed(let width), .int128(let values)):
            for row in rows where isValid(row) {
                let value = UInt128(bitPattern: values[row])
                for index in (0..<width).reversed() { byteArrays.bytes.append(UInt8(truncatingIfNeeded: value >> UInt128(8 * index))) }
                byteArrays.offsets.append(byteArrays.bytes.count)
            }
        default:
            throw GlueError(.invalidInput, "Column \(name) of type \(column.dataType) holds \(column.storage.kindName) values, which LocalGlue cannot write as \(layout.physicalType)")
        }
    }
}
