import GlueColumnar
import GlueCompression
import GlueCore

/// What ``CSVSniffer`` found in a sample: the dialect, whether there is a header, and a schema.
public struct CSVSniffResult: Sendable, Hashable {
    /// The options to read the file with (separator and `withHeader` filled in).
    public var options: CSVOptions
    /// The inferred columns (`bigint`, `double`, `boolean` or `string`, as Glue's crawler infers).
    public var schema: Schema
    /// Whether the first record is a header.
    public var hasHeader: Bool
    /// Whether the sample qualifies as CSV for Glue's built-in classifier (at least two columns
    /// and two records).
    public var qualifiesAsCSV: Bool
    /// Whether any field in the sample was quoted (the crawler's `areColumnsQuoted`).
    public var areColumnsQuoted: Bool
}

/// Glue's built-in CSV classifier: delimiter choice, header detection and type inference.
///
/// Mirrors the rules of Glue's "Built-In CSV Classifier": the delimiters tried are `,` `|` `\t`
/// `;` and `\u0001`; a file needs two columns and two records; the first record is a header only
/// when every field of it is a string, shorter than 150 characters (except the last), a valid
/// column name, and at least one data column is not a string. Types are `bigint`, `double`,
/// `boolean` and `string` (dates and timestamps stay `string`); mixed columns widen to `string`.
public enum CSVSniffer {
    /// The separators Glue's classifier tries, in order.
    public static let candidateSeparators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "\t"), UInt8(ascii: ";"), 1]
    /// The crawler's sample: at most this many records ...
    public static let sampleRecordCount = 1_000
    /// ... or this many bytes, whichever comes first.
    public static let sampleByteCount = 1 << 20

    /// Sniffs a sample (the start of the decompressed file).
    ///
    /// - Parameters:
    ///   - sample: the first bytes of the file (up to ``sampleByteCount`` are used).
    ///   - isWholeFile: whether the sample is the complete file (its last record is then complete).
    ///   - options: starting options: the quote, escaper and `multiLine` are used as given.
    ///   - separatorGiven: keep `options.separator` instead of trying the candidates.
    ///   - header: `true`/`false` to decide the header instead of detecting it.
    public static func sniff(
        _ sample: [UInt8], isWholeFile: Bool, options: CSVOptions = CSVOptions(multiLine: true), separatorGiven: Bool = false,
        header: Bool? = nil
    ) -> CSVSniffResult {
        let bytes = Array(sample.prefix(sampleByteCount))
        let whole = isWholeFile && bytes.count == sample.count
        let separators = separatorGiven ? [options.separator] : candidateSeparators
        var best: (options: CSVOptions, records: [CSVRecordScanner.Record], columns: Int, score: Double)? = nil
        for separator in separators {
            var candidate = options
            candidate.separator = separator
            candidate.withHeader = false
            candidate.skipFirst = false
            let records = sampleRecords(bytes, options: candidate, isWholeFile: whole)
            guard !records.isEmpty else { continue }
            // The most common field count, and how many records have it.
            var counts: [Int: Int] = [:]
            for record in records { counts[record.fields.count, default: 0] += 1 }
            let (columns, agreeing) = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) } ?? (1, 0)
            let score = columns >= 2 ? Double(agreeing) / Double(records.count) : 0
            if best == nil || score > (best?.score ?? 0) {
                best = (candidate, records, columns, score)
            }
        }
        guard let best, best.score > 0 else {
            // Not delimited: one string column per line.
            var single = options
            if !separatorGiven { single.separator = UInt8(ascii: ",") }
            let records = sampleRecords(bytes, options: single, isWholeFile: whole)
            let columns = max(1, records.map(\.fields.count).max() ?? 1)
            let first = records.first
            let hasHeader = header ?? false
            single.withHeader = hasHeader
            let names = hasHeader ? columnNames(first?.strings ?? [], count: columns) : (0..<columns).map { "col\($0)" }
            return CSVSniffResult(
                options: single, schema: Schema(names.map { Field($0, .string) }), hasHeader: hasHeader, qualifiesAsCSV: false,
                areColumnsQuoted: records.contains { $0.quoted.contains(true) })
        }
        let records = best.records
        let columns = best.columns
        let first = records[0]
        let dataWithFirst = records.filter { $0.fields.count == columns && $0.problem == nil }
        let rest = Array(records.dropFirst()).filter { $0.fields.count == columns && $0.problem == nil }
        // With no data at all, a record of names is taken as a header (Glue would not classify the
        // file; a header-only file should still convert to an empty table).
        let typesWithoutFirst = rest.isEmpty ? [] : inferTypes(rest, columns: columns)
        let hasHeader: Bool
        if let header {
            hasHeader = header
        } else {
            hasHeader = looksLikeHeader(first, columns: columns, dataTypes: typesWithoutFirst)
        }
        let types = hasHeader ? (rest.isEmpty ? Array(repeating: DataType.string, count: columns) : typesWithoutFirst) : inferTypes(dataWithFirst, columns: columns)
        let names = hasHeader ? columnNames(first.strings, count: columns) : (0..<columns).map { "col\($0)" }
        var chosen = best.options
        chosen.withHeader = hasHeader
        let dataRecords = records.count - (hasHeader ? 1 : 0)
        return CSVSniffResult(
            options: chosen, schema: Schema(zip(names, types).map { Field($0, $1) }), hasHeader: hasHeader,
            qualifiesAsCSV: columns >= 2 && dataRecords >= 2, areColumnsQuoted: records.contains { $0.quoted.contains(true) })
    }

    /// Reads the crawler's sample (the first ``sampleByteCount`` decompressed bytes) from a source,
    /// inflating gzip.
    ///
    /// - Returns: the bytes and whether they are the whole input.
    /// - Throws: what the source throws; `UnsupportedFeatureException` for bzip2.
    public static func readSample(
        fileName: String = "", source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int
    ) throws(GlueError) -> (bytes: [UInt8], isWholeFile: Bool) {
        let input = DecompressingReader(fileName: fileName, formatName: "CSV", source: source)
        var output = [UInt8](repeating: 0, count: sampleByteCount + 1)
        var produced = 0
        while produced < output.count {
            let n = try fillBytes(&output, from: produced) { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
                try input.read(into: buffer)
            }
            if n == 0 { break }
            produced += n
        }
        let whole = produced <= sampleByteCount
        return (Array(output[0..<min(produced, sampleByteCount)]), whole)
    }

    /// Lets `body` fill `bytes` from `offset` on, keeping the typed error.
    static func fillBytes(
        _ bytes: inout [UInt8], from offset: Int, _ body: (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int
    ) throws(GlueError) -> Int {
        var failure: GlueError? = nil
        let n = bytes.withUnsafeMutableBytes { buffer -> Int in
            do throws(GlueError) {
                return try body(UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return n
    }

    static func sampleRecords(_ bytes: [UInt8], options: CSVOptions, isWholeFile: Bool) -> [CSVRecordScanner.Record] {
        let scanner = CSVRecordScanner(options: options)
        return bytes.withUnsafeBufferPointer { buffer in
            var records: [CSVRecordScanner.Record] = []
            var position = CSVReader.byteOrderMarkLength(buffer)
            while records.count < sampleRecordCount, case .record(let record) = scanner.next(in: buffer, from: position, isFinal: isWholeFile) {
                records.append(record)
                position = record.end
            }
            return records
        }
    }

    /// The type a value would get on its own.
    enum ValueType: Int { case bigint, double, boolean, string }

    static func valueType(_ field: [UInt8]) -> ValueType {
        field.withUnsafeBufferPointer { buffer -> ValueType in
            guard let start = buffer.baseAddress, buffer.count > 0 else { return .string }
            if CSVValueParser.int64(start, buffer.count) != nil { return .bigint }
            if buffer.contains(where: { $0 &- 48 < 10 }), buffer.allSatisfy({ $0 != UInt8(ascii: "d") && $0 != UInt8(ascii: "D") && $0 != UInt8(ascii: "f") && $0 != UInt8(ascii: "F") }),
                CSVValueParser.double(start, buffer.count) != nil
            {
                return .double
            }
            if CSVValueParser.boolean(start, buffer.count) != nil { return .boolean }
            return .string
        }
    }

    static func inferTypes(_ records: [CSVRecordScanner.Record], columns: Int) -> [DataType] {
        (0..<columns).map { column in
            var result: ValueType? = nil
            for record in records {
                let field = record.fields[column]
                if field.isEmpty { continue }
                let type = valueType(field)
                switch (result, type) {
                case (nil, _): result = type
                case (.bigint?, .double), (.double?, .bigint): result = .double
                case (let current?, let next) where current == next: break
                default: result = .string
                }
                if result == .string { break }
            }
            switch result {
            case .bigint?: return .bigint
            case .double?: return .double
            case .boolean?: return .boolean
            default: return .string
            }
        }
    }

    static func looksLikeHeader(_ record: CSVRecordScanner.Record, columns: Int, dataTypes: [DataType]) -> Bool {
        guard record.fields.count == columns, record.problem == nil else { return false }
        for (index, field) in record.fields.enumerated() {
            let isLast = index == columns - 1
            if field.isEmpty {
                if isLast { continue }
                return false
            }
            if valueType(field) != .string { return false }
            if !isLast && field.count >= 150 { return false }
            if field.count > 255 || field.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return false }
        }
        return dataTypes.contains { $0 != .string } || dataTypes.isEmpty
    }

    /// Column names as the crawler makes them: lower case, `col<i>` for an empty name, a numeric
    /// suffix for duplicates.
    static func columnNames(_ header: [String], count: Int) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        for index in 0..<count {
            var name = index < header.count ? header[index].lowercased() : ""
            if name.isEmpty { name = "col\(index)" }
            var unique = name
            var suffix = 1
            while seen.contains(unique) {
                unique = "\(name)_\(suffix)"
                suffix += 1
            }
            seen.insert(unique)
            names.append(unique)
        }
        return names
    }
}
