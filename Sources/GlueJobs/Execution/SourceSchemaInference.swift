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
            let options = try CSVOptions(formatOptions: [
                "separator": try GraphCompiler.separator(source.separator), "quoteChar": GraphCompiler.quoteChar(source.quoteChar),
                "escaper": source.escaper ?? "", "withHeader": String(source.withHeader ?? false),
                "skipFirst": String(source.skipFirst ?? false), "multiLine": String(source.multiline ?? false),
            ])
            return try CSVFileDecoder.sniff(first, store: store, options: options, header: source.withHeader ?? false).schema
        case .s3JsonSource(let source):
            guard source.outputSchemas?.first?.columns?.isEmpty ?? true else { return nil }
            let objects = try S3ObjectListing.objects(in: store, paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [])
            guard !objects.isEmpty else { return nil }
            var formatOptions = ["multiLine": String(source.multiline ?? false)]
            if let path = source.jsonPath, !path.isEmpty { formatOptions["jsonPath"] = path }
            return try JSONFileDecoder.inferSchema(objects, store: store, options: try JSONOptions(formatOptions: formatOptions))
        case .s3ParquetSource(let source):
            guard source.outputSchemas?.first?.columns?.isEmpty ?? true else { return nil }
            let objects = try S3ObjectListing.objects(in: store, paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [])
            guard let first = objects.first else { return nil }
            return try ParquetFileDecoder(store: store).schema(of: first)
        default:
            return nil
        }
    }
}
