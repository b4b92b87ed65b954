import GlueColumnar
import GlueCore
import GlueExecution
import GlueCSV
import GlueJSON
import GlueStorage

/// Builds the source step of a frame read from S3 objects, with the same readers as the visual
/// graph's `S3CsvSource`, `S3JsonSource` and `S3ParquetSource` nodes.
enum S3SourcePlan {
    /// The source step for `objects` (already filtered by the bookmark).
    ///
    /// - Throws: `InvalidInputException` for a bad format option, `UnsupportedFeatureException` for
    ///   a format LocalGlue does not read, and the errors of reading the first object's schema.
    static func make(
        format: String, formatOptions: [String: String], objects: [S3ObjectReference], store: any ObjectStore, name: String, runtime: FrameRuntime
    ) throws(GlueError) -> FramePlan {
        let control = runtime.control ?? RunControl()
        switch format.lowercased() {
        case "csv":
            var options = try CSVOptions(formatOptions: formatOptions)
            guard let first = objects.first else { return empty(name: name) }
            let sniffed = try CSVFileDecoder.sniff(first, store: store, options: options, header: options.withHeader)
            let schema = sniffed.schema
            guard schema.count > 0 else { return empty(name: name) }
            options.withHeader = formatOptions["withHeader"].map { $0.lowercased() == "true" } ?? false
            let reader = try CSVReader(schema: schema, options: options, workers: runtime.parallelism)
            return .source(schema: schema, name: name) { () throws(GlueError) in
                S3FileScan(schema: schema, name: "S3CsvSource", objects: objects, decoder: CSVFileDecoder(store: store, reader: reader, nodeID: name), control: control)
            }
        case "json":
            let options = try JSONOptions(formatOptions: formatOptions)
            guard !objects.isEmpty else { return empty(name: name) }
            let schema = try JSONFileDecoder.inferSchema(objects, store: store, options: options)
            let reader = try JSONReader(schema: schema, options: options, workers: runtime.parallelism)
            return .source(schema: schema, name: name) { () throws(GlueError) in
                S3FileScan(schema: schema, name: "S3JsonSource", objects: objects, decoder: JSONFileDecoder(store: store, reader: reader, nodeID: name), control: control)
            }
        case "parquet", "glueparquet":
            let decoder = ParquetFileDecoder(store: store)
            guard let first = objects.first else { return empty(name: name) }
            let schema = try decoder.schema(of: first)
            return .source(schema: schema, name: name) { () throws(GlueError) in
                S3FileScan(schema: schema, name: "S3ParquetSource", objects: objects, decoder: decoder, control: control)
            }
        default:
            throw GlueError(.unsupportedFeature, "Format \"\(format)\" cannot be read locally; use csv, json or parquet.")
        }
    }

    /// A source with no objects: an empty frame without columns.
    static func empty(name: String) -> FramePlan {
        .source(schema: Schema([]), name: name) { () throws(GlueError) in EmptySource() }
    }
}

