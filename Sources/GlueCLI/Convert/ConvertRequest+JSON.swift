import Foundation
import GlueColumnar
import GlueCore
import GlueJSON

// The JSON side of `convert`: JSON Lines in and out (`multiLine`, `jsonPath` for documents).
extension ConvertRequest {
    func makeJSONReader() throws -> any BatchFileReader {
        let json = try JSONOptions(formatOptions: options.values)
        let schema = try self.schema ?? JSONReader.inferSchema(fileName: input.path, options: json, source: TextInputFile(input).read)
        let reader = try JSONReader(schema: schema, options: json)
        let file = try TextInputFile(input)
        return JSONFileReader(schema: schema, stream: reader.stream(fileName: input.path, source: file.read), file: file)
    }

    func makeJSONWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        let json = try JSONOptions(formatOptions: options.values)
        let gzip = json.gzip || FileFormat.isGzipName(output.path)
        return try JSONFileWriter(writer: JSONWriter(schema: schema, gzip: gzip), file: TextOutputFile(url))
    }
}

/// `convert`'s JSON input; rejected records are reported on standard error and skipped.
struct JSONFileReader: BatchFileReader {
    let schema: Schema
    let stream: JSONBatchStream
    let file: TextInputFile
    private var reported = 0
    private var total = 0
    private static let reportLimit = 20

    init(schema: Schema, stream: JSONBatchStream, file: TextInputFile) {
        self.schema = schema
        self.stream = stream
        self.file = file
    }

    mutating func next() throws -> RecordBatch? {
        let batch = try stream.next()
        for error in stream.takeErrors() {
            total += 1
            if reported < JSONFileReader.reportLimit {
                Console.current.printError("Skipped record: \(error)")
                reported += 1
            }
        }
        if batch == nil && total > reported {
            Console.current.printError("Skipped \(total) records in all (\(total - reported) not shown).")
        }
        return batch
    }
}

/// `convert`'s JSON Lines output.
struct JSONFileWriter: BatchFileWriter {
    let writer: JSONWriter
    let file: TextOutputFile

    mutating func write(_ batch: RecordBatch) throws { try file.write(writer.write(batch)) }

    mutating func finish() throws {
        try file.write(writer.finish())
        try file.close()
    }
}
