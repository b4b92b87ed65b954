import GlueCatalog
import GlueColumnar
import GlueCore
import GlueCSV
import GlueJSON
import GlueStorage

/// Catalog sources and sinks, resolved through the Data Catalog as the run's role session (the
/// same ``CatalogTableResolver`` as the visual graph's `CatalogSource` and `CatalogTarget`).
extension GlueContext {
    /// The catalog as the run's principal sees it.
    ///
    /// - Throws: `InvalidInputException` when the run has no Data Catalog.
    func catalogStore() throws(GlueError) -> any CatalogStore {
        guard let catalogProvider else {
            throw GlueError(.invalidInput, "This run has no Data Catalog; createDynamicFrame(fromCatalog:) and writeDynamicFrame(fromCatalog:) need one.")
        }
        return try catalogProvider.get()
    }

    /// Reads a Data Catalog table. Mirrors `create_dynamic_frame.from_catalog(database, table_name,
    /// push_down_predicate, transformation_ctx)`: the table's files in its format (from its
    /// `classification`, SerDe or `InputFormat`), its partition keys as the last columns, and only
    /// the partitions matching `pushDownPredicate` (a `GetPartitions` expression; Spark's `==`
    /// accepted).
    ///
    /// - Throws: `EntityNotFoundException` (no such table), `AccessDeniedException` (the role may
    ///   not `glue:GetTable` / `glue:GetPartitions`), the store's `AccessDenied`,
    ///   `UnsupportedFeatureException` for a format LocalGlue does not read.
    public func createDynamicFrame(
        fromCatalog database: String, tableName: String, pushDownPredicate: String? = nil, transformationContext: String? = nil
    ) throws(GlueError) -> DynamicFrame {
        try claim(transformationContext)
        let table = try CatalogTableResolver(catalog: try catalogStore())
            .resolve(database: database, table: tableName, partitionPredicate: pushDownPredicate)
        guard table.dataSchema.count > 0 else {
            throw GlueError(.invalidInput, "Table \(table.database).\(table.name) has no columns (StorageDescriptor.Columns).")
        }
        let listed = try table.objects(in: store)
        let selected = Set(bookmarks.select(listed.map(\.object), context: transformationContext, runStart: runStart))
        let objects = listed.filter { selected.contains($0.object) }
        let name = transformationContext ?? "\(database).\(tableName)"
        let decoder: any FileDecoder
        switch table.format {
        case .csv(let options):
            decoder = CSVFileDecoder(store: store, reader: try CSVReader(schema: table.dataSchema, options: options, workers: runtime.parallelism), nodeID: name)
        case .json:
            decoder = JSONFileDecoder(
                store: store, reader: try JSONReader(schema: table.dataSchema, options: try JSONOptions(formatOptions: [:]), workers: runtime.parallelism),
                nodeID: name)
        case .parquet:
            decoder = ParquetFileDecoder(store: store)
        }
        let control = runtime.control ?? RunControl()
        let schema = table.schema
        let partitionKeys = table.partitionKeys
        let plan = FramePlan.source(schema: schema, name: name) { () throws(GlueError) in
            S3FileScan(
                schema: schema, name: "CatalogSource", objects: objects.map(\.object), decoder: decoder, control: control,
                partitionColumns: partitionKeys, partitionValues: objects.map(\.partitionValues))
        }
        return DynamicFrame(plan: plan, runtime: runtime)
    }

    /// Writes a frame into a Data Catalog table. Mirrors `write_dynamic_frame.from_catalog(frame,
    /// database, table_name, additional_options, transformation_ctx)`: files in the table's format
    /// under its location, partitioned by its partition keys; with
    /// `additionalOptions["enableUpdateCatalog"] = true`, the new partitions (and with
    /// `updateBehavior` `UPDATE_IN_DATABASE`, the default, new columns) are registered once the run's
    /// files are published.
    ///
    /// - Throws: `EntityNotFoundException`, `AccessDeniedException` (checked before anything is
    ///   written), `InvalidInputException` when `partitionKeys` differ from the table's, the
    ///   store's `AccessDenied`.
    public func writeDynamicFrame(
        _ frame: DynamicFrame, fromCatalog database: String, tableName: String, additionalOptions: [String: GlueOption] = [:],
        transformationContext: String? = nil
    ) throws(GlueError) {
        try claim(transformationContext)
        let catalog = try catalogStore()
        let table = try CatalogTableResolver(catalog: catalog).table(database: database, table: tableName)
        let qualified = "\(table.database).\(table.name)"
        let tableKeys = table.partitionKeys.map(\.name)
        let optionKeys = additionalOptions["partitionKeys"]?.list ?? []
        let keys = optionKeys.isEmpty ? tableKeys : optionKeys
        if keys.map({ $0.lowercased() }) != tableKeys.map({ $0.lowercased() }) {
            throw GlueError(
                .invalidInput,
                "partitionKeys \(keys.joined(separator: ", ")) differ from the partition keys of table \(qualified) (\(tableKeys.isEmpty ? "none" : tableKeys.joined(separator: ", "))).")
        }
        let format: TargetFormat
        switch table.format {
        case .csv(let options): format = .csv(options: options)
        case .json: format = .json(gzip: false)
        case .parquet: format = try .parquet(compression: "snappy", naming: .glueParquet)
        }
        var partitionWritten: @Sendable ([String?]) -> Void = { _ in }
        if additionalOptions["enableUpdateCatalog"]?.text.lowercased() == "true" {
            let updatesSchema = (additionalOptions["updateBehavior"]?.text ?? "UPDATE_IN_DATABASE") == "UPDATE_IN_DATABASE"
            let known = Set((table.dataSchema.names + tableKeys).map { $0.lowercased() })
            let added = updatesSchema
                ? frame.schema.fields.filter { !known.contains($0.name.lowercased()) }.map { GlueCatalog.Column(name: $0.name.lowercased(), type: $0.dataType.description) }
                : []
            if let preflight = catalog as? any CatalogPreflight {
                if !tableKeys.isEmpty { try preflight.authorize("BatchCreatePartition", database: table.database, table: table.name) }
                if !added.isEmpty { try preflight.authorize("UpdateTable", database: table.database, table: table.name) }
            }
            let registrar = CatalogPartitionRegistrar(catalog: catalog, table: table, addedColumns: added)
            partitionWritten = { values in registrar.record(values) }
            outputs.afterCommit { () throws(GlueError) in try registrar.register() }
        }
        let name = transformationContext ?? qualified
        let sink = S3TargetSink(
            nodeID: name, location: table.location, partitionKeys: keys, format: format, outputs: outputs, runStartMillis: runStartMillis,
            partitionWritten: partitionWritten)
        _ = try runtime.execute(frame.plan, sink: sink, name: name)
    }
}
