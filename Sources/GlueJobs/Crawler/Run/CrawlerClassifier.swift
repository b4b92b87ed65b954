import GlueCSV
import GlueCatalog
import GlueColumnar
import GlueCore
import GlueJSON
import GlueParquet
import GlueStorage

/// Glue's built-in classifiers for the formats LocalGlue reads: Parquet (schema from the footer),
/// JSON (one object per line), then CSV (``CSVSniffer``'s rules), each also gzip-compressed.
///
/// Like Glue, text formats are judged on a sample: the first 1,000 records or 1 MB of the
/// (decompressed) object. Objects no classifier recognizes are `UNKNOWN`.
enum CrawlerClassifier {
    /// Classifies one object, reading it through `store` (so every read is authorized).
    ///
    /// - Throws: the store's errors (`AccessDenied`, `NoSuchKey`); problems in the data itself make
    ///   the object `UNKNOWN` and are reported through `log`.
    static func classify(
        _ object: S3ObjectReference, folders: [String], store: any ObjectStore, log: (String) -> Void
    ) throws(GlueError) -> CrawledFile {
        let fileName = String(object.key.split(separator: "/").last ?? "")
        var file = CrawledFile(
            object: object, folders: folders, fileName: fileName, classification: "UNKNOWN", compression: "none", columns: [],
            recordCount: 0, averageRecordSize: 0)
        guard object.size > 0 else { return file }
        var head: [UInt8] = []
        try store.getObject(bucket: object.bucket, key: object.key, range: .closed(first: 0, last: min(3, object.size - 1))) { chunk throws(GlueError) in
            head.append(contentsOf: chunk)
        }
        if head == Array("PAR1".utf8) {
            do {
                let reader = try ParquetFileReader(source: ObjectParquetSource(store: store, object: object), name: object.location.description)
                file.classification = "parquet"
                file.columns = reader.schema.fields.map { GlueCatalog.Column(name: $0.name.lowercased(), type: $0.dataType.description) }
                file.recordCount = Int64(reader.rowCount)
                file.averageRecordSize = file.recordCount > 0 ? object.size / file.recordCount : 0
            } catch where isDataProblem(error) {
                log("\(object.location): not classified: \(error.message)")
            }
            return file
        }
        if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B { file.compression = "gzip" }
        let reader = ObjectByteReader(store: store, object: object)
        let sample: (bytes: [UInt8], isWholeFile: Bool)
        do {
            sample = try CSVSniffer.readSample(fileName: object.location.description, source: reader.source)
        } catch where isDataProblem(error) {
            log("\(object.location): not classified: \(error.message)")
            return file
        }
        let (lines, lineBytes) = completeLines(sample.bytes, isWholeFile: sample.isWholeFile)
        guard lines > 0 else { return file }
        let average = Int64(max(1, lineBytes / lines))
        let estimate = { (records: Int) -> Int64 in
            sample.isWholeFile ? Int64(records) : max(Int64(records), object.size / average)
        }
        if let columns = jsonColumns(sample.bytes, isWholeFile: sample.isWholeFile) {
            file.classification = "json"
            file.columns = columns
            file.recordCount = estimate(lines)
            file.averageRecordSize = average
            return file
        }
        let sniffed = CSVSniffer.sniff(sample.bytes, isWholeFile: sample.isWholeFile)
        guard sniffed.qualifiesAsCSV else {
            log("\(object.location): not classified: no built-in classifier recognizes it (CSV needs two columns and two records)")
            return file
        }
        file.classification = "csv"
        file.delimiter = String(UnicodeScalar(sniffed.options.separator))
        file.hasHeader = sniffed.hasHeader
        file.areColumnsQuoted = sniffed.areColumnsQuoted
        file.columns = sniffed.schema.fields.map { GlueCatalog.Column(name: $0.name.lowercased(), type: $0.dataType.description) }
        file.recordCount = estimate(max(0, lines - (sniffed.hasHeader ? 1 : 0)))
        file.averageRecordSize = average
        return file
    }

    /// Errors that come from the data (not from reaching it): they make an object `UNKNOWN`.
    static func isDataProblem(_ error: GlueError) -> Bool {
        error.code == .invalidData || error.code == .unsupportedFeature || error.code == .invalidInput
    }

    /// The non-blank lines of the sample that are complete, and their bytes.
    static func completeLines(_ bytes: [UInt8], isWholeFile: Bool) -> (lines: Int, bytes: Int) {
        let end = isWholeFile ? bytes.count : (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
        var lines = 0
        var blank = true
        for index in 0..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                if !blank { lines += 1 }
                blank = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\t") {
                blank = false
            }
        }
        if !blank { lines += 1 }
        return (lines, end)
    }

    /// The columns of a JSON Lines sample, or nil when it is not JSON objects.
    ///
    /// Types follow ``JSONSchemaInference``, except that integers are `int` when every value seen
    /// at that place fits 32 bits (`bigint` otherwise), as Glue's JSON classifier writes them.
    static func jsonColumns(_ bytes: [UInt8], isWholeFile: Bool) -> [GlueCatalog.Column]? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[start]) {
            start += 1
        }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        let end = isWholeFile ? bytes.count : (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count)
        var inference = JSONSchemaInference()
        var wide = Set<String>()
        var records = 0
        for line in bytes[start..<end].split(separator: UInt8(ascii: "\n")) {
            guard let value = try? JSONParser.parse(Array(line)).value, case .object = value else { continue }
            inference.add(value)
            collectWideIntegers(value, path: "", into: &wide)
            records += 1
        }
        let schema = inference.schema
        guard records > 0, !schema.fields.isEmpty else { return nil }
        return schema.fields.map {
            GlueCatalog.Column(name: $0.name.lowercased(), type: catalogType(narrowed($0.dataType, path: $0.name, wide: wide)))
        }
    }

    /// Records the places (`a`, `a.b`, `a[]`) holding an integer outside 32 bits.
    static func collectWideIntegers(_ value: GlueCore.JSONValue, path: String, into wide: inout Set<String>) {
        switch value {
        case .number(let text):
            if let integer = Int64(text), integer < Int64(Int32.min) || integer > Int64(Int32.max) { wide.insert(path) }
        case .array(let elements):
            for element in elements { collectWideIntegers(element, path: path + "[]", into: &wide) }
        case .object(let members):
            for member in members { collectWideIntegers(member.value, path: path.isEmpty ? member.key : path + "." + member.key, into: &wide) }
        default:
            break
        }
    }

    /// `bigint` becomes `int` where no value needed 64 bits.
    static func narrowed(_ type: DataType, path: String, wide: Set<String>) -> DataType {
        switch type {
        case .bigint: return wide.contains(path) ? .bigint : .int
        case .array(let element): return .array(narrowed(element, path: path + "[]", wide: wide))
        case .struct(let fields):
            return .struct(fields.map { Field($0.name, narrowed($0.dataType, path: path + "." + $0.name, wide: wide), isNullable: $0.isNullable) })
        default: return type
        }
    }

    /// A JSON-inferred type as a crawler writes it: a field seen with several types is `string`.
    static func catalogType(_ type: DataType) -> String {
        let text = type.description
        return text.contains("choice<") ? "string" : text
    }
}
