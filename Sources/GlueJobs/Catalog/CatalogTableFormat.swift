import GlueCatalog
import GlueCore
import GlueCSV

/// The file format of a Data Catalog table, read from its definition the way Glue's
/// `from_catalog` reads it: the `classification` parameter first, then the SerDe class, then the
/// Hadoop input format.
///
/// | table says | format |
/// | --- | --- |
/// | `classification` `csv`, `LazySimpleSerDe`, `OpenCSVSerde` | ``csv(_:)`` with the SerDe's `field.delim` / `separatorChar`, `quoteChar`, `escapeChar` and the table's `skip.header.line.count` |
/// | `classification` `json`, a `JsonSerDe` | ``json`` (JSON Lines) |
/// | `classification` `parquet`, `ParquetHiveSerDe`, `MapredParquetInputFormat` | ``parquet`` |
public enum CatalogTableFormat: Sendable, Hashable {
    /// Delimited text with the table's dialect.
    case csv(CSVOptions)
    /// JSON Lines.
    case json
    /// Parquet.
    case parquet

    /// The format of `table`.
    ///
    /// - Throws: `UnsupportedFeatureException` for a format LocalGlue does not read (Avro, ORC,
    ///   XML, open table formats), naming the table and what it declared; `InvalidInputException`
    ///   for a delimiter or quote that is not one byte.
    public init(table: Table) throws(GlueError) {
        let descriptor = table.storageDescriptor
        var parameters = descriptor?.parameters ?? [:]
        parameters.merge(table.parameters ?? [:]) { _, tableValue in tableValue }
        let serde = descriptor?.serdeInfo?.serializationLibrary ?? ""
        let serdeParameters = descriptor?.serdeInfo?.parameters ?? [:]
        let input = descriptor?.inputFormat ?? ""
        let classification = parameters["classification"]?.lowercased() ?? ""
        let name = "\(table.databaseName ?? "").\(table.name)"
        if let tableType = parameters["table_type"], !tableType.isEmpty {
            throw GlueError(.unsupportedFeature, "Table \(name) is an \(tableType) table; LocalGlue reads csv, json and parquet tables.")
        }
        if classification == "csv" || (classification.isEmpty && (serde.hasSuffix("LazySimpleSerDe") || serde.hasSuffix("OpenCSVSerde"))) {
            self = .csv(try Self.csvOptions(parameters: parameters, serde: serdeParameters))
        } else if classification == "json" || (classification.isEmpty && serde.hasSuffix("JsonSerDe")) {
            self = .json
        } else if classification == "parquet" || (classification.isEmpty && (serde.hasSuffix("ParquetHiveSerDe") || input.hasSuffix("MapredParquetInputFormat"))) {
            self = .parquet
        } else {
            let declared = [
                classification.isEmpty ? nil : "classification \(classification)", serde.isEmpty ? nil : "SerDe \(serde)",
                input.isEmpty ? nil : "InputFormat \(input)",
            ].compactMap { $0 }
            throw GlueError(
                .unsupportedFeature,
                "Table \(name) is stored as \(declared.isEmpty ? "an undeclared format" : declared.joined(separator: ", ")); LocalGlue reads csv, json and parquet tables.")
        }
    }

    /// The CSV dialect of a table: its SerDe's separator, quote and escape characters, and a
    /// header to skip when `skip.header.line.count` is at least 1. Written files get a header
    /// exactly when the table skips one.
    static func csvOptions(parameters: [String: String], serde: [String: String]) throws(GlueError) -> CSVOptions {
        var formatOptions: [String: String] = [:]
        if let separator = serde["field.delim"] ?? serde["separatorChar"] ?? parameters["delimiter"], !separator.isEmpty {
            formatOptions["separator"] = separator
        }
        if let quote = serde["quoteChar"], !quote.isEmpty { formatOptions["quoteChar"] = quote }
        if let escape = serde["escapeChar"] ?? serde["escape.delim"], !escape.isEmpty { formatOptions["escaper"] = escape }
        let skipped = Int(serde["skip.header.line.count"] ?? parameters["skip.header.line.count"] ?? "0") ?? 0
        formatOptions["skipFirst"] = String(skipped >= 1)
        formatOptions["writeHeader"] = String(skipped >= 1)
        return try CSVOptions(formatOptions: formatOptions)
    }

    /// `csv`, `json` or `parquet`.
    public var name: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        case .parquet: "parquet"
        }
    }
}
