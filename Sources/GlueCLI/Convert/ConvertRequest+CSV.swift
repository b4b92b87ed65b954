#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GlueColumnar
import GlueCore
import GlueCSV

// The CSV side of `convert`.
extension ConvertRequest {
    /// The CSV options from `--format-options`. Unlike a Glue job, `convert` reads quoted line
    /// breaks (`multiLine`) unless told otherwise: a local conversion should not split records.
    func csvOptions(gzipName: Bool) throws -> CSVOptions {
        var values = options.values
        if values["multiLine"] == nil && values["multiline"] == nil { values["multiLine"] = "true" }
        var csv = try CSVOptions(formatOptions: values)
        if gzipName && values["compression"] == nil && values["compressionType"] == nil { csv.compression = .gzip }
        return csv
    }

    func makeCSVReader() throws -> any BatchFileReader {
        var csv = try csvOptions(gzipName: false)
        csv.compression = .none  // gzip is recognised by its magic bytes
        let headerGiven = options.values["withHeader"] != nil || options.values["header"] != nil
        let separatorGiven = options.values["separator"] != nil || options.values["sep"] != nil || options.values["delimiter"] != nil
        var schema = self.schema
        if schema == nil || !headerGiven {
            let sample = try CSVSniffer.readSample(fileName: input.path, source: try TextInputFile(input).read)
            let sniffed = CSVSniffer.sniff(
                sample.bytes, isWholeFile: sample.isWholeFile, options: csv, separatorGiven: separatorGiven,
                header: headerGiven ? csv.withHeader : nil)
            csv.separator = sniffed.options.separator
            csv.withHeader = sniffed.hasHeader
            if let declared = schema, !headerGiven, !sniffed.hasHeader {
                // A first record that spells the declared column names is a header.
                let first = CSVRecordScanner(options: csv).records(Array(sample.bytes.prefix(64 << 10))).first?.strings
                if first?.map({ $0.lowercased() }) == declared.names.map({ $0.lowercased() }) { csv.withHeader = true }
            }
            if schema == nil { schema = sniffed.schema }
        }
        guard let schema else { throw GlueError(.invalidInput, "No schema for \(input.path).") }
        let reader = try CSVReader(schema: schema, options: csv)
        let file = try TextInputFile(input)
        return CSVFileReader(schema: schema, stream: reader.stream(fileName: input.path, source: file.read), file: file)
    }

    func makeCSVWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        let csv = try csvOptions(gzipName: FileFormat.isGzipName(output.path))
        return try CSVFileWriter(writer: CSVWriter(schema: schema, options: csv), file: TextOutputFile(url))
    }
}

/// `convert`'s CSV input: batches from a ``CSVBatchStream``; rejected records are reported on
/// standard error and skipped.
struct CSVFileReader: BatchFileReader {
    let schema: Schema
    let stream: CSVBatchStream
    let file: TextInputFile
    private var reported = 0
    private static let reportLimit = 20

    init(schema: Schema, stream: CSVBatchStream, file: TextInputFile) {
        self.schema = schema
        self.stream = stream
        self.file = file
    }

    mutating func next() throws -> RecordBatch? {
        let batch = try stream.next()
        report(stream.takeErrors())
        if batch == nil && stream.summary.errorCount > reported {
            Console.current.printError("Skipped \(stream.summary.errorCount) records in all (\(stream.summary.errorCount - reported) not shown).")
        }
        return batch
    }

    private mutating func report(_ errors: [CSVErrorRecord]) {
        for error in errors where reported < CSVFileReader.reportLimit {
            Console.current.printError("Skipped record: \(error)")
            reported += 1
        }
    }
}

/// `convert`'s CSV output.
struct CSVFileWriter: BatchFileWriter {
    let writer: CSVWriter
    let file: TextOutputFile

    mutating func write(_ batch: RecordBatch) throws { try file.write(writer.write(batch)) }

    mutating func finish() throws {
        try file.write(writer.finish())
        try file.close()
    }
}
