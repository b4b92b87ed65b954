import GlueCore
import GlueCSV
import GlueJSON
import GlueStorage

/// The columns an S3 source without `OutputSchemas` gets when it runs, worked out the way the
/// graph compiler does: CSV sniffed from the first object with Glue's classifier rules, JSON
/// inferred over every object (mixed types become `choice<...>`), Parquet from the first object's
/// footer. Tools that must know a source's columns before a run (export) use it.
public enum SourceSchemaInference {
    /// The inferred schema, or `nil` for a node that is not an S3 source, that declares
    /// `OutputSchemas`, or whose paths hold no object.
    ///
    /// - Throws: the store's errors (`NoSuchBucket`, `AccessDenied`) and the readers' errors.
    public static func schema(of node: CodeGenConfigurationNode, in store: any ObjectStore) throws(GlueError) -> Schema? {
        switch node {
        case .s3CsvSource(let source):
            guard source.outputSchemas?.first?.columns?.isEmpty ?? true else { return nil }
            let objects = try S3ObjectListing.objects(in: store, paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [])
            guard let first = objects.first else { return nil }
            return try CSVFileDecoder.sniff(first, store: store, options: try csvOptions(source), header: source.withHeader ?? false).schema
        case .s3JsonSource(let source):
            guard source.outputSchemas?.first?.columns?.isEmpty ?? true else { return nil }
            let objects = try S3ObjectListing.objects(in: store, paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [])
            guard !objects.isEmpty else { return nil }
            return try JSONFileDecoder.inferSchema(objects, store: store, options: try jsonOptions(source))
        case .s3ParquetSource(let source):
            guard source.outputSchemas?.first?.columns?.isEmpty ?? true else { return nil }
            let objects = try S3ObjectListing.objects(in: store, paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [])
            guard let first = objects.first else { return nil }
            return try ParquetFileDecoder(store: store).schema(of: first)
        default:
            return nil
        }
    }

    /// The reader options of an S3CsvSource, as a run reads it (one definition for the graph
    /// compiler and for inference, so an exported schema cannot drift from a run's).
    static func csvOptions(_ source: S3CsvSourceNode) throws(GlueError) -> CSVOptions {
        try CSVOptions(formatOptions: [
            "separator": try GraphCompiler.separator(source.separator), "quoteChar": GraphCompiler.quoteChar(source.quoteChar),
            "escaper": source.escaper ?? "", "withHeader": String(source.withHeader ?? false),
            "skipFirst": String(source.skipFirst ?? false), "multiLine": String(source.multiline ?? false),
        ])
    }

    /// The reader options of an S3JsonSource, as a run reads it.
    static func jsonOptions(_ source: S3JsonSourceNode) throws(GlueError) -> JSONOptions {
        var formatOptions = ["multiLine": String(source.multiline ?? false)]
        if let path = source.jsonPath, !path.isEmpty { formatOptions["jsonPath"] = path }
        return try JSONOptions(formatOptions: formatOptions)
    }
}
