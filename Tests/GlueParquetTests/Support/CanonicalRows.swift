import GlueColumnar
import GlueCore

/// The canonical text of values that `Interop/canonical.py` also produces, so batches can be
/// compared exactly with what pyarrow, DuckDB and Polars read.
enum CanonicalRows {
    static func rows(_ batches: [RecordBatch]) -> [[String?]] {
        var rows: [[String?]] = []
        for batch in batches {
            let columns = batch.columns.map(values)
            for row in 0..<batch.rowCount { rows.append(columns.map { $0[row] }) }
        }
        return rows
    }

    static func values(_ column: Column) -> [String?] {
        (0..<column.count).map { row in column.isNull(at: row) ? nil : value(column, row) }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func value(_ column: Column, _ row: Int) -> String {
        let isText = column.dataType.isString
        switch column.storage {
        case .boolean(let v): return v[row] ? "true" : "false"
        case .int8(let v): return "i:\(v[row])"
        case .int16(let v): return "i:\(v[row])"
        case .int32(let v): return "i:\(v[row])"
        case .int64(let v): return "i:\(v[row])"
        case .int128(let v): return "i:\(v[row])"
        case .float32(let v):
            if v[row].isNaN { return "nan" }
            let bits = String(v[row].bitPattern, radix: 16)
            return "f:" + String(repeating: "0", count: 8 - bits.count) + bits
        case .float64(let v):
            if v[row].isNaN { return "nan" }
            let bits = String(v[row].bitPattern, radix: 16)
            return "d:" + String(repeating: "0", count: 16 - bits.count) + bits
        case .bytes(let buffer): return (isText ? "s:" : "b:") + hex(buffer[row])
        case .dictionary(let indices, let values): return (isText ? "s:" : "b:") + hex(values[Int(indices[row])])
        default: return "?"
        }
    }
}
