import GlueCSV
import GlueCatalog
import GlueCore
import GlueJobs

/// What an export needs of a Data Catalog table, resolved from the lake's catalog at export time:
/// where its files are, their format, and its columns and partition keys.
public struct ExportCatalogTable: Sendable, Equatable {
    /// Lower-cased `database` and `table`.
    public var database: String
    public var name: String
    /// `StorageDescriptor.Location`, as an `s3://` URL ending in `/`.
    public var location: String
    /// `csv`, `json` or `parquet`.
    public var format: String
    /// The CSV dialect (CSV tables only): separator, quote (nil: none), escape, header.
    public var separator: String
    public var quoteChar: String?
    public var escaper: String?
    public var withHeader: Bool
    /// The data columns, in order.
    public var dataColumns: [Field]
    /// The partition keys, in order.
    public var partitionKeys: [Field]
    /// For a partitioned table read by a source: the partitions LocalGlue reads (registered in
    /// the catalog and matching the source's `PartitionPredicate`), each as its folder and its
    /// values as stored (`nil` for `__HIVE_DEFAULT_PARTITION__`).
    public var partitions: [ExportPartition] = []

    /// One partition a catalog source reads.
    public struct ExportPartition: Sendable, Equatable {
        /// The partition's folder (`s3://...`, ending in `/`).
        public var location: String
        public var values: [String?]
    }

    /// Resolves `database.table` through a catalog.
    ///
    /// - Throws: `EntityNotFoundException` when the table does not exist; the resolver's errors
    ///   for views and formats LocalGlue does not read.
    public static func resolve(
        database: String, table: String, catalog: any CatalogStore, readingPartitions: Bool = false, partitionPredicate: String? = nil
    ) throws(GlueError) -> ExportCatalogTable {
        let resolver = CatalogTableResolver(catalog: catalog)
        let resolved = readingPartitions
            ? try resolver.resolve(database: database, table: table, partitionPredicate: partitionPredicate)
            : try resolver.table(database: database, table: table)
        var location = resolved.location.description
        if !location.hasSuffix("/") { location += "/" }
        var result = ExportCatalogTable(
            database: resolved.database, name: resolved.name, location: location, format: "parquet", separator: ",", quoteChar: "\"",
            escaper: nil, withHeader: false, dataColumns: resolved.dataSchema.fields, partitionKeys: resolved.partitionKeys)
        result.partitions = resolved.partitions.map { partition in
            var folder = partition.location.description
            if !folder.hasSuffix("/") { folder += "/" }
            return ExportPartition(location: folder, values: partition.values.map { $0 == "__HIVE_DEFAULT_PARTITION__" ? nil : $0 })
        }
        switch resolved.format {
        case .parquet: result.format = "parquet"
        case .json: result.format = "json"
        case .csv(let options):
            result.format = "csv"
            result.separator = String(decoding: [options.separator], as: UTF8.self)
            result.quoteChar = options.quoteChar.map { String(decoding: [$0], as: UTF8.self) }
            result.escaper = options.escaper.map { String(decoding: [$0], as: UTF8.self) }
            result.withHeader = options.withHeader || options.skipFirst
        }
        return result
    }
}
