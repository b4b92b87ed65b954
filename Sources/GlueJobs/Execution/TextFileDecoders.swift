import GlueColumnar
import GlueCore
import GlueCSV
import GlueJSON
import GlueStorage
import GlueTransforms

/// Reads CSV objects with Glue's format options into the source's schema; rejected rows become
/// error records naming the object, line, byte offset and column.
struct CSVFileDecoder: FileDecoder {
    let store: any ObjectStore
    let reader: CSVReader

    struct Stream: FileBatchStream {
        let stream: CSVBatchStream
        let nodeID: String
        mutating func next() throws(GlueError) -> RecordBatch? { try stream.next() }
        mutating func takeErrors() -> [ErrorRecord] {
            stream.takeErrors().map { ErrorRecord(stage: nodeID, message: $0.description, record: $0.recordText) }
        }
    }

    let nodeID: String

    func open(_ object: S3ObjectReference) throws(GlueError) -> any FileBatchStream {
        let bytes = ObjectByteReader(store: store, object: object)
        return Stream(stream: reader.stream(fileName: object.location.description, source: bytes.source), nodeID: nodeID)
    }

    /// Sniffs an object's dialect, header and column types as Glue's crawler does.
    static func sniff(_ object: S3ObjectReference, store: any ObjectStore, options: CSVOptions, header: Bool?) throws(GlueError) -> CSVSniffResult {
        let bytes = ObjectByteReader(store: store, object: object)
        let sample = try CSVSniffer.readSample(fileName: object.location.description, source: bytes.source)
        return CSVSniffer.sniff(sample.bytes, isWholeFile: sample.isWholeFile, options: options, separatorGiven: true, header: header)
    }
}

/// Reads JSON objects (JSON Lines, or one document per object with `multiLine`).
struct JSONFileDecoder: FileDecoder {
    let store: any ObjectStore
    let reader: JSONReader
    let nodeID: String

    struct Stream: FileBatchStream {
        let stream: JSONBatchStream
        let nodeID: String
        mutating func next() throws(GlueError) -> RecordBatch? { try stream.next() }
        mutating func takeErrors() -> [ErrorRecord] {
            stream.takeErrors().map { ErrorRecord(stage: nodeID, message: $0.description, record: $0.recordText) }
        }
    }

    func open(_ object: S3ObjectReference) throws(GlueError) -> any FileBatchStream {
        let bytes = ObjectByteReader(store: store, object: object)
        return Stream(stream: reader.stream(fileName: object.location.description, source: bytes.source), nodeID: nodeID)
    }

    /// The schema of the objects' records (every record of every object; several types become a
    /// choice type).
    static func inferSchema(_ objects: [S3ObjectReference], store: any ObjectStore, options: JSONOptions) throws(GlueError) -> Schema {
        var fields: [Field] = []
        for object in objects {
            let bytes = ObjectByteReader(store: store, object: object)
            let schema = try JSONReader.inferSchema(fileName: object.location.description, options: options, source: bytes.source)
            for field in schema.fields where !fields.contains(where: { $0.name == field.name }) { fields.append(field) }
        }
        return Schema(fields)
    }
}

/// A CSV or JSON output file.
struct TextTargetWriter: TargetFileWriter {
    let write: (RecordBatch) throws(GlueError) -> [UInt8]
    let end: () throws(GlueError) -> [UInt8]

    mutating func write(_ batch: RecordBatch) throws(GlueError) -> [UInt8] { try write(batch) }
    mutating func finish() throws(GlueError) -> [UInt8] { try end() }
}

extension TargetFormat {
    /// CSV as Glue's writer writes it (header by default, Spark's value formatting), gzip when
    /// `compression` says so.
    static func csv(options: CSVOptions) -> TargetFormat {
        TargetFormat(
            makeWriter: { schema throws(GlueError) in
                let writer = try CSVWriter(schema: schema, options: options)
                return TextTargetWriter(write: { batch throws(GlueError) in try writer.write(batch) }, end: { () throws(GlueError) in try writer.finish() })
            },
            fileName: { part, millis in OutputLayout.dynamicFrameFileName(runStartMillis: millis, part: part, gzip: options.compression == .gzip) },
            contentType: "text/csv")
    }

    /// JSON Lines, gzip when asked.
    static func json(gzip: Bool) -> TargetFormat {
        TargetFormat(
            makeWriter: { schema throws(GlueError) in
                let writer = try JSONWriter(schema: schema, gzip: gzip)
                return TextTargetWriter(write: { batch throws(GlueError) in try writer.write(batch) }, end: { () throws(GlueError) in try writer.finish() })
            },
            fileName: { part, millis in OutputLayout.dynamicFrameFileName(runStartMillis: millis, part: part, gzip: gzip) },
            contentType: "application/json")
    }
}
