import GlueColumnar
import GlueCompression
import GlueCore

/// Writes ``RecordBatch``es as JSON Lines, with the value rules of `localglue convert`.
///
/// One object per row, every column present, in schema order. `null` is `null`; integers are
/// numbers; floating point is the shortest round-trip number, with `"NaN"`, `"Infinity"`,
/// `"-Infinity"` as strings; decimals are numbers with exactly `scale` fraction digits; booleans
/// are `true`/`false`; strings are JSON strings; binary is base64; dates are `"YYYY-MM-DD"`;
/// timestamps are `"YYYY-MM-DDTHH:MM:SS[.ffffff]"`, with `Z` for `timestamp` (UTC) and without for
/// `timestamp_ntz`. Structs are objects, arrays arrays, maps objects (keys as text), a choice
/// column its value.
public final class JSONWriter {
    /// The columns written.
    public let schema: Schema
    private let deflater: GzipDeflater?
    private var finished = false
    private let keys: [[UInt8]]

    /// Creates a writer; with `gzip` the output is one gzip member.
    ///
    /// - Throws: `InternalServiceException` when zlib cannot start.
    public init(schema: Schema, gzip: Bool = false) throws(GlueError) {
        self.schema = schema
        deflater = gzip ? try GzipDeflater() : nil
        keys = schema.fields.map { field in
            var key = [UInt8]()
            JSONWriter.appendString(field.name, into: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    /// Encodes one batch.
    ///
    /// - Throws: `InvalidInputException` when the batch has another number of columns.
    public func write(_ batch: RecordBatch) throws(GlueError) -> [UInt8] {
        guard batch.columns.count == schema.count else {
            throw GlueError(.invalidInput, "The batch has \(batch.columns.count) columns; the JSON writer expects \(schema.count).")
        }
        var out: [UInt8] = []
        out.reserveCapacity(batch.rowCount * 24 * max(1, schema.count))
        for row in 0..<batch.rowCount {
            out.append(UInt8(ascii: "{"))
            for (index, column) in batch.columns.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: keys[index])
                JSONWriter.append(column, row: row, into: &out)
            }
            out.append(UInt8(ascii: "}"))
            out.append(10)
        }
        return try compress(out, finish: false)
    }

    /// Ends the output (an empty file for zero rows; the gzip trailer).
    public func finish() throws(GlueError) -> [UInt8] {
        guard !finished else { return [] }
        finished = true
        return try compress([], finish: true)
    }

    /// Encodes batches into one complete output.
    public static func encode(_ batches: [RecordBatch], schema: Schema, gzip: Bool = false) throws(GlueError) -> [UInt8] {
        let writer = try JSONWriter(schema: schema, gzip: gzip)
        var out: [UInt8] = []
        for batch in batches { out += try writer.write(batch) }
        out += try writer.finish()
        return out
    }

    private func compress(_ bytes: [UInt8], finish: Bool) throws(GlueError) -> [UInt8] {
        guard let deflater else { return bytes }
        return try deflater.compress(bytes, finish: finish)
    }

    // MARK: - Values

    static func append(_ column: Column, row: Int, into out: inout [UInt8]) {
        if column.isNull(at: row) {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
            return
        }
        switch column.storage {
        case .boolean(let values): out.append(contentsOf: (values[row] ? "true" : "false").utf8)
        case .int8(let values): out.append(contentsOf: String(values[row]).utf8)
        case .int16(let values): out.append(contentsOf: String(values[row]).utf8)
        case .int32(let values):
            if column.dataType == .date {
                appendString(TemporalFormat.date(daysSinceEpoch: values[row]), into: &out)
            } else {
                out.append(contentsOf: String(values[row]).utf8)
            }
        case .int64(let values):
            switch column.dataType {
            case .timestamp: appendString(timestampText(values[row], zone: true), into: &out)
            case .timestampNTZ: appendString(timestampText(values[row], zone: false), into: &out)
            default: out.append(contentsOf: String(values[row]).utf8)
            }
        case .float32(let values): appendDouble(Double(values[row]), shortest: values[row].description, into: &out)
        case .float64(let values): appendDouble(values[row], shortest: values[row].description, into: &out)
        case .int128(let values):
            if case .decimal(_, let scale) = column.dataType { out.append(contentsOf: Decimal128.format(values[row], scale: scale).utf8) }
        case .bytes(let buffer):
            if column.dataType == .binary {
                appendString(Base64.encode(buffer[row]), into: &out)
            } else {
                appendUTF8(buffer[row], into: &out)
            }
        case .dictionary(let indices, let values):
            let key = Int(indices[row])
            guard key >= 0, key < values.count else {
                out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
                return
            }
            if column.dataType == .binary { appendString(Base64.encode(values[key]), into: &out) } else { appendUTF8(values[key], into: &out) }
        case .list(let offsets, let child):
            if case .map = column.dataType, case .structure(let entries) = child.storage, entries.count == 2 {
                out.append(UInt8(ascii: "{"))
                for (position, entry) in (offsets[row]..<offsets[row + 1]).enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    appendString(keyText(entries[0], entry), into: &out)
                    out.append(UInt8(ascii: ":"))
                    append(entries[1], row: entry, into: &out)
                }
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(UInt8(ascii: "["))
            for (position, element) in (offsets[row]..<offsets[row + 1]).enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                append(child, row: element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .structure(let children):
            guard case .struct(let fields) = column.dataType else { return }
            out.append(UInt8(ascii: "{"))
            for (index, child) in children.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(fields[index].name, into: &out)
                out.append(UInt8(ascii: ":"))
                append(child, row: row, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .union(let branchIndices, let branches):
            let branch = Int(branchIndices[row])
            guard branch >= 0, branch < branches.count else {
                out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
                return
            }
            append(branches[branch], row: row, into: &out)
        }
    }

    static func keyText(_ column: Column, _ row: Int) -> String {
        var bytes: [UInt8] = []
        append(column, row: row, into: &bytes)
        if bytes.first == UInt8(ascii: "\""), bytes.count >= 2, let text = try? JSONValue(parsing: bytes), case .string(let key) = text {
            return key
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendDouble(_ value: Double, shortest: String, into out: inout [UInt8]) {
        if value.isNaN {
            appendString("NaN", into: &out)
        } else if value.isInfinite {
            appendString(value < 0 ? "-Infinity" : "Infinity", into: &out)
        } else {
            out.append(contentsOf: shortest.utf8)
        }
    }

    static func timestampText(_ microseconds: Int64, zone: Bool) -> String {
        let (days, microsOfDay) = TemporalFormat.splitDays(microseconds)
        var text = TemporalFormat.date(daysSinceEpoch: Int32(clamping: days)) + "T"
        let seconds = Int(microsOfDay / 1_000_000)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        text += pad(seconds / 3_600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        let fraction = Int(microsOfDay % 1_000_000)
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return zone ? text + "Z" : text
    }

    static func appendString(_ text: String, into out: inout [UInt8]) {
        appendUTF8(Array(text.utf8)[...], into: &out)
    }

    /// Appends UTF-8 bytes as a JSON string literal (invalid bytes become U+FFFD).
    static func appendUTF8(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var plain = true
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80 {
            plain = false
            break
        }
        if plain {
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 10: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 8: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 12: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
