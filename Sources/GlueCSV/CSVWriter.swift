import GlueColumnar
import GlueCompression
import GlueCore

/// Writes ``RecordBatch``es as CSV bytes, as Spark's CSV writer formats values.
///
/// Quotes only the fields that need it (a separator, quote, escaper or line break inside, or the
/// empty string, written `""` so that it reads back as empty and not as null). Nulls are empty
/// unquoted fields, or `nullValue` when set. Values: integers in decimal, `double`/`float` as
/// Java prints them (`1.0E7`), decimals with exactly `scale` fraction digits, dates
/// `yyyy-MM-dd`, timestamps `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in UTC (`timestamp_ntz` without the
/// zone): Spark's default `timestampFormat`, which keeps milliseconds.
///
/// The writer returns bytes rather than writing them, so it never knows where they go; with
/// `compression: .gzip` the bytes are one gzip member.
public final class CSVWriter {
    /// The columns written.
    public let schema: Schema
    /// The dialect and switches (`writeHeader`, `separator`, `quoteChar`, `escaper`, `nullValue`,
    /// `compression`).
    public let options: CSVOptions
    private var headerPending: Bool
    private let deflater: GzipDeflater?
    private var finished = false

    /// Creates a writer.
    ///
    /// - Throws: `UnsupportedFeatureException` for `binary` and nested columns (Spark's CSV writer
    ///   refuses them too) and for bzip2 output.
    public init(schema: Schema, options: CSVOptions = CSVOptions()) throws(GlueError) {
        try options.validate()
        for field in schema.fields {
            switch field.dataType {
            case .binary, .array, .map, .struct, .choice:
                throw GlueError(.unsupportedFeature, "CSV cannot hold column \(field.name) of type \(field.dataType).")
            default: continue
            }
        }
        if options.compression == .bzip2 { throw GlueError(.unsupportedFeature, "bzip2 output is not supported; use gzip.") }
        self.schema = schema
        self.options = options
        headerPending = options.writeHeader
        deflater = options.compression == .gzip ? try GzipDeflater() : nil
    }

    /// Encodes one batch (after the header, the first time).
    ///
    /// - Throws: `InvalidInputException` when the batch's schema differs or a value cannot be
    ///   written without quoting while quoting is disabled and there is no escaper.
    public func write(_ batch: RecordBatch) throws(GlueError) -> [UInt8] {
        guard batch.schema.count == schema.count else {
            throw GlueError(.invalidInput, "The batch has \(batch.schema.count) columns; the CSV writer expects \(schema.count).")
        }
        var out: [UInt8] = []
        out.reserveCapacity(batch.rowCount * 16 * max(1, schema.count))
        writeHeaderIfPending(into: &out)
        for row in 0..<batch.rowCount {
            for (index, column) in batch.columns.enumerated() {
                if index > 0 { out.append(options.separator) }
                try append(column, row: row, into: &out)
            }
            out.append(10)
        }
        return try compress(out, finish: false)
    }

    /// Ends the output: the header when no batch was written (a 0-row input still gives a valid
    /// header-only CSV) and the gzip trailer.
    public func finish() throws(GlueError) -> [UInt8] {
        guard !finished else { return [] }
        finished = true
        var out: [UInt8] = []
        writeHeaderIfPending(into: &out)
        return try compress(out, finish: true)
    }

    /// Encodes batches into one complete output.
    public static func encode(_ batches: [RecordBatch], schema: Schema, options: CSVOptions = CSVOptions()) throws(GlueError) -> [UInt8] {
        let writer = try CSVWriter(schema: schema, options: options)
        var out: [UInt8] = []
        for batch in batches { out += try writer.write(batch) }
        out += try writer.finish()
        return out
    }

    private func compress(_ bytes: [UInt8], finish: Bool) throws(GlueError) -> [UInt8] {
        guard let deflater else { return bytes }
        return try deflater.compress(bytes, finish: finish)
    }

    private func writeHeaderIfPending(into out: inout [UInt8]) {
        guard headerPending else { return }
        headerPending = false
        for (index, field) in schema.fields.enumerated() {
            if index > 0 { out.append(options.separator) }
            // Names are never null; an escaper-free unquotable name is written as is.
            (try? appendText(Array(field.name.utf8)[...], into: &out)) ?? out.append(contentsOf: field.name.utf8)
        }
        out.append(10)
    }

    // MARK: - Values

    private func append(_ column: Column, row: Int, into out: inout [UInt8]) throws(GlueError) {
        if column.isNull(at: row) {
            if let nullValue = options.nullValue { out.append(contentsOf: nullValue) }
            return
        }
        switch column.storage {
        case .boolean(let values): out.append(contentsOf: values[row] ? Array("true".utf8) : Array("false".utf8))
        case .int8(let values): CSVWriter.appendInteger(Int64(values[row]), into: &out)
        case .int16(let values): CSVWriter.appendInteger(Int64(values[row]), into: &out)
        case .int32(let values):
            if column.dataType == .date {
                out.append(contentsOf: TemporalFormat.date(daysSinceEpoch: values[row]).utf8)
            } else {
                CSVWriter.appendInteger(Int64(values[row]), into: &out)
            }
        case .int64(let values):
            switch column.dataType {
            case .timestamp: CSVWriter.appendTimestamp(values[row], zone: true, into: &out)
            case .timestampNTZ: CSVWriter.appendTimestamp(values[row], zone: false, into: &out)
            default: CSVWriter.appendInteger(values[row], into: &out)
            }
        case .float32(let values): out.append(contentsOf: NumberFormat.javaString(values[row]).utf8)
        case .float64(let values): out.append(contentsOf: NumberFormat.javaString(values[row]).utf8)
        case .int128(let values):
            if case .decimal(_, let scale) = column.dataType {
                out.append(contentsOf: Decimal128.format(values[row], scale: scale).utf8)
            }
        case .bytes(let buffer): try appendText(buffer[row], into: &out)
        case .dictionary(let indices, let values):
            let key = Int(indices[row])
            guard key >= 0, key < values.count else { return }
            try appendText(values[key], into: &out)
        case .list, .structure, .union:
            throw GlueError(.unsupportedFeature, "CSV cannot hold values of type \(column.dataType).")
        }
    }

    /// Appends a text value, quoting or escaping it only when needed.
    private func appendText(_ value: ArraySlice<UInt8>, into out: inout [UInt8]) throws(GlueError) {
        let separator = options.separator
        let quote = options.quoteChar
        let escaper = options.escaper.flatMap { $0 == quote ? nil : $0 }
        var needsQuotes = value.isEmpty
        if !needsQuotes {
            for byte in value where byte == separator || byte == 10 || byte == 13 || byte == quote || byte == escaper {
                needsQuotes = true
                break
            }
        }
        if !needsQuotes, let nullValue = options.nullValue, value.elementsEqual(nullValue) { needsQuotes = true }
        if !needsQuotes {
            out.append(contentsOf: value)
            return
        }
        guard let quote else {
            guard let escaper else {
                if value.isEmpty { return }
                throw GlueError(
                    .invalidInput,
                    "The value \"\(String(decoding: value.prefix(40), as: UTF8.self))\" holds a separator or line break and cannot be written with quoting disabled and no escaper.")
            }
            for byte in value {
                if byte == separator || byte == 10 || byte == 13 || byte == escaper { out.append(escaper) }
                out.append(byte)
            }
            return
        }
        out.append(quote)
        for byte in value {
            if byte == quote || byte == escaper { out.append(escaper ?? quote) }
            out.append(byte)
        }
        out.append(quote)
    }

    static func appendInteger(_ value: Int64, into out: inout [UInt8]) {
        if value == 0 {
            out.append(48)
            return
        }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    static func appendPadded(_ value: Int, width: Int, into out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(48 + rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `yyyy-MM-dd'T'HH:mm:ss.SSS` plus `Z` for UTC timestamps.
    static func appendTimestamp(_ microseconds: Int64, zone: Bool, into out: inout [UInt8]) {
        let (days, microsOfDay) = TemporalFormat.splitDays(microseconds)
        out.append(contentsOf: TemporalFormat.date(daysSinceEpoch: Int32(clamping: days)).utf8)
        out.append(UInt8(ascii: "T"))
        let seconds = Int(microsOfDay / 1_000_000)
        appendPadded(seconds / 3_600, width: 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds / 60 % 60, width: 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(seconds % 60, width: 2, into: &out)
        out.append(UInt8(ascii: "."))
        appendPadded(Int(microsOfDay % 1_000_000) / 1_000, width: 3, into: &out)
        if zone { out.append(UInt8(ascii: "Z")) }
    }
}
