import GlueColumnar
import GlueCore

/// Converts a tokenized ``CSVFieldTable`` into a typed ``RecordBatch``, one column at a time.
///
/// Empty unquoted fields are null for every type; a quoted empty field is the empty string for
/// text columns and null for the others (Spark 3). A value that does not parse rejects its row,
/// which becomes an error record and leaves the batch.
struct CSVBatchDecoder: Sendable {
    enum Kind: Sendable {
        case boolean, int8, int16, int32, int64, float32, float64
        case decimal(precision: Int, scale: Int)
        case date, timestamp, timestampNTZ
        case text, binary
    }

    let schema: Schema
    let kinds: [Kind]
    let nullValue: [UInt8]?
    let quote: Int
    let escaper: Int

    /// - Throws: `UnsupportedFeatureException` for nested types, which CSV cannot hold.
    init(schema: Schema, options: CSVOptions) throws(GlueError) {
        self.schema = schema
        var kinds: [Kind] = []
        for field in schema.fields {
            switch field.dataType {
            case .boolean: kinds.append(.boolean)
            case .tinyint: kinds.append(.int8)
            case .smallint: kinds.append(.int16)
            case .int: kinds.append(.int32)
            case .bigint: kinds.append(.int64)
            case .float: kinds.append(.float32)
            case .double: kinds.append(.float64)
            case .decimal(let precision, let scale): kinds.append(.decimal(precision: precision, scale: scale))
            case .date: kinds.append(.date)
            case .timestamp: kinds.append(.timestamp)
            case .timestampNTZ: kinds.append(.timestampNTZ)
            case .string, .char, .varchar: kinds.append(.text)
            case .binary: kinds.append(.binary)
            case .array, .map, .struct, .choice:
                throw GlueError(.unsupportedFeature, "CSV cannot hold column \(field.name) of type \(field.dataType).")
            }
        }
        self.kinds = kinds
        nullValue = options.nullValue
        let dialect = CSVDialect(options)
        quote = dialect.quote
        escaper = dialect.escaper
    }

    /// Row rejections found while decoding one table.
    private struct Rejections {
        var reasons: [Int: (column: Int, reason: String)] = [:]
        mutating func reject(row: Int, column: Int, reason: @autoclosure () -> String) {
            if reasons[row] == nil { reasons[row] = (column, reason()) }
        }
    }

    func decode(
        _ table: CSVFieldTable, base: UnsafePointer<UInt8>, fileName: String, streamOffset: Int,
        errors: inout [CSVErrorRecord]
    ) -> RecordBatch {
        var rejections = Rejections()
        var columns: [Column] = []
        columns.reserveCapacity(kinds.count)
        for (index, kind) in kinds.enumerated() {
            columns.append(decodeColumn(index, kind, table, base, &rejections))
        }
        if rejections.reasons.isEmpty {
            return (try? RecordBatch(schema: schema, columns: columns)) ?? RecordBatch.empty(schema)
        }
        for row in rejections.reasons.keys.sorted() {
            guard let rejection = rejections.reasons[row] else { continue }
            errors.append(
                CSVBatchDecoder.errorRecord(
                    base: base, rowStart: table.rowStarts[row], rowEnd: table.rowEnds[row], relativeLine: table.rowLines[row],
                    column: rejection.column, reason: rejection.reason, fileName: fileName, streamOffset: streamOffset))
        }
        let kept = (0..<table.rowCount).filter { rejections.reasons[$0] == nil }
        let batch = (try? RecordBatch(schema: schema, columns: columns)) ?? RecordBatch.empty(schema)
        return batch.take(kept)
    }

    static func errorRecord(
        base: UnsafePointer<UInt8>, rowStart: Int, rowEnd: Int, relativeLine: Int, column: Int?, reason: String,
        fileName: String, streamOffset: Int
    ) -> CSVErrorRecord {
        var end = min(rowEnd, rowStart + CSVErrorRecord.maximumRecordTextLength)
        while end > rowStart && (base[end - 1] == 10 || base[end - 1] == 13) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(start: base + rowStart, count: end - rowStart), as: UTF8.self)
        return CSVErrorRecord(
            file: fileName, line: relativeLine, byteOffset: streamOffset + rowStart, column: column, reason: reason,
            recordText: text)
    }

    // MARK: - Per-type column loops

    @inline(__always)
    private func isNullToken(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard let nullValue, nullValue.count == n else { return false }
        return nullValue.withUnsafeBufferPointer { token in
            for index in 0..<n where token[index] != p[index] { return false }
            return true
        }
    }

    /// The field's bytes with doubled quotes and escapers removed (the rare path).
    private func unescaped(_ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(n)
        var i = 0
        while i < n {
            let byte = p[i]
            if Int(byte) == escaper && i + 1 < n {
                result.append(p[i + 1])
                i += 2
                continue
            }
            if quoted && Int(byte) == quote && i + 1 < n && Int(p[i + 1]) == quote {
                result.append(byte)
                i += 2
                continue
            }
            result.append(byte)
            i += 1
        }
        return result
    }

    private func decodeColumn(
        _ column: Int, _ kind: Kind, _ table: CSVFieldTable, _ base: UnsafePointer<UInt8>, _ rejections: inout Rejections
    ) -> Column {
        let dataType = schema[column].dataType
        switch kind {
        case .int64:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int64? in CSVValueParser.int64(p, n) }
        case .int32:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int32? in
                CSVValueParser.int64(p, n).flatMap { Int32(exactly: $0) }
            }
        case .int16:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int16? in
                CSVValueParser.int64(p, n).flatMap { Int16(exactly: $0) }
            }
        case .int8:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int8? in
                CSVValueParser.int64(p, n).flatMap { Int8(exactly: $0) }
            }
        case .float64:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Double? in CSVValueParser.double(p, n) }
        case .float32:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Float? in
                CSVValueParser.double(p, n).map { Float($0) }
            }
        case .boolean:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Bool? in CSVValueParser.boolean(p, n) }
        case .decimal(let precision, let scale):
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int128? in
                CSVValueParser.decimal(p, n, precision: precision, scale: scale)
            }
        case .date:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int32? in CSVValueParser.date(p, n) }
        case .timestamp:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int64? in
                CSVValueParser.timestamp(p, n, allowZone: true)
            }
        case .timestampNTZ:
            return fixedWidth(column, dataType, table, base, &rejections) { p, n -> Int64? in
                CSVValueParser.timestamp(p, n, allowZone: false)
            }
        case .text:
            return variableWidth(column, dataType, table, base, validate: true, &rejections)
        case .binary:
            return variableWidth(column, dataType, table, base, validate: false, &rejections)
        }
    }

    @inline(__always)
    private func fixedWidth<Element: FixedWidthValue>(
        _ column: Int, _ dataType: DataType, _ table: CSVFieldTable, _ base: UnsafePointer<UInt8>,
        _ rejections: inout Rejections, _ parse: (UnsafePointer<UInt8>, Int) -> Element?
    ) -> Column {
        let rows = table.rowCount
        let stride = table.columnCount
        let starts = table.starts
        let ends = table.ends
        let flags = table.flags
        var validity: ValidityBitmap? = nil
        var failures: [(row: Int, text: [UInt8])] = []
        let values = [Element](unsafeUninitializedCapacity: rows) { buffer, initialized in
            var slot = column
            for row in 0..<rows {
                var s = starts[slot]
                var e = ends[slot]
                let flag = flags[slot]
                slot += stride
                // Surrounding spaces are tolerated around non-text values.
                while s < e && base[s] == 32 { s += 1 }
                while e > s && base[e - 1] == 32 { e -= 1 }
                if s == e {
                    buffer[row] = Element.zero
                    if validity == nil { validity = ValidityBitmap(count: rows, allValid: true) }
                    validity?.set(false, at: row)
                    continue
                }
                if flag & CSVFieldTable.needsUnescape == 0 {
                    if let value = parse(base + s, e - s) {
                        buffer[row] = value
                        continue
                    }
                    if isNullToken(base + s, e - s) {
                        buffer[row] = Element.zero
                        if validity == nil { validity = ValidityBitmap(count: rows, allValid: true) }
                        validity?.set(false, at: row)
                        continue
                    }
                    failures.append((row, Array(UnsafeBufferPointer(start: base + s, count: e - s))))
                } else {
                    let text = unescaped(base + s, e - s, quoted: flag & CSVFieldTable.quoted != 0)
                    let parsed = text.withUnsafeBufferPointer { bytes -> Element? in
                        guard let start = bytes.baseAddress else { return nil }
                        return parse(start, bytes.count)
                    }
                    if let parsed {
                        buffer[row] = parsed
                        continue
                    }
                    failures.append((row, text))
                }
                buffer[row] = Element.zero
                if validity == nil { validity = ValidityBitmap(count: rows, allValid: true) }
                validity?.set(false, at: row)
            }
            initialized = rows
        }
        for failure in failures {
            let name = schema[column].name
            failure.text.withUnsafeBufferPointer { bytes in
                rejections.reject(row: failure.row, column: column, reason: CSVValueParser.failureReason(bytes, dataType, column: name))
            }
        }
        return Column(dataType, storage: Element.storage(values), validity: validity)
    }

    private func variableWidth(
        _ column: Int, _ dataType: DataType, _ table: CSVFieldTable, _ base: UnsafePointer<UInt8>, validate: Bool,
        _ rejections: inout Rejections
    ) -> Column {
        let rows = table.rowCount
        let stride = table.columnCount
        let starts = table.starts
        let ends = table.ends
        let flags = table.flags
        var total = 0
        var slot = column
        for _ in 0..<rows {
            total += ends[slot] - starts[slot]
            slot += stride
        }
        var validity: ValidityBitmap? = nil
        var offsets = [Int](repeating: 0, count: rows + 1)
        var bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let destination = buffer.baseAddress else {
                initialized = 0
                return
            }
            var written = 0
            var slot = column
            offsets.withUnsafeMutableBufferPointer { offsets in
                for row in 0..<rows {
                    let s = starts[slot]
                    let e = ends[slot]
                    let flag = flags[slot]
                    slot += stride
                    if s == e {
                        if flag & CSVFieldTable.quoted == 0 {
                            if validity == nil { validity = ValidityBitmap(count: rows, allValid: true) }
                            validity?.set(false, at: row)
                        }
                    } else if flag & CSVFieldTable.needsUnescape == 0 {
                        // A quoted field is always text, even when it spells the null token.
                        if flag & CSVFieldTable.quoted == 0 && isNullToken(base + s, e - s) {
                            if validity == nil { validity = ValidityBitmap(count: rows, allValid: true) }
                            validity?.set(false, at: row)
                        } else {
                            (destination + written).update(from: base + s, count: e - s)
                            written += e - s
                        }
                    } else {
                        let text = unescaped(base + s, e - s, quoted: flag & CSVFieldTable.quoted != 0)
                        text.withUnsafeBufferPointer { text in
                            if let source = text.baseAddress { (destination + written).update(from: source, count: text.count) }
                        }
                        written += text.count
                    }
                    offsets[row + 1] = written
                }
            }
            initialized = written
        }
        if validate {
            let valid = bytes.withUnsafeBufferPointer { buffer -> Bool in
                guard let start = buffer.baseAddress else { return true }
                return UTF8Validation.isValid(start, buffer.count)
            }
            if !valid {
                let name = schema[column].name
                bytes.withUnsafeBufferPointer { buffer in
                    guard let start = buffer.baseAddress else { return }
                    for row in 0..<rows where !UTF8Validation.isValid(start + offsets[row], offsets[row + 1] - offsets[row]) {
                        rejections.reject(row: row, column: column, reason: "invalid UTF-8 in column \(name)")
                    }
                }
            }
        }
        if bytes.isEmpty { bytes = [] }
        return Column(dataType, storage: .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes)), validity: validity)
    }
}
