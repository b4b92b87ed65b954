import GlueCatalog
import GlueCore
import GlueCSV
import GlueExecution
import GlueJSON
import GlueStorage

/// Catalog sources and targets: tables resolved through the Data Catalog as the run's principal.
extension GraphCompiler {
    /// The catalog as the run's principal sees it.
    ///
    /// - Throws: `InvalidInputException` when the environment has no catalog.
    mutating func catalog() throws(GlueError) -> any CatalogStore {
        if let catalogCache { return catalogCache }
        guard let catalogProvider else {
            throw GlueError(.invalidInput, "This run has no Data Catalog; catalog sources and targets need one.")
        }
        let opened = try catalogProvider(request.job)
        catalogCache = opened
        return opened
    }

    /// `CatalogSource` / `S3CatalogSource`: the table's files (the partitions matching
    /// `PartitionPredicate`) in its format, with partition keys as the last columns.
    mutating func compileCatalogSource(_ source: CatalogSourceNode, node: CodeGenConfigurationNode, id: String) throws(GlueError) {
        let table = try CatalogTableResolver(catalog: try catalog())
            .resolve(database: source.database, table: source.table, partitionPredicate: source.partitionPredicate)
        guard table.dataSchema.count > 0 else {
            throw GlueError(.invalidInput, "Table \(table.database).\(table.name) has no columns (StorageDescriptor.Columns).")
        }
        let listed = try table.objects(in: store)
        let selected = Set(
            request.bookmarks.select(
                listed.map(\.object), context: id, runStart: request.runStart, bandMillis: S3BookmarkState.defaultBandMillis))
        let objects = listed.filter { selected.contains($0.object) }
        let decoder: any FileDecoder
        switch table.format {
        case .csv(let options):
            decoder = CSVFileDecoder(
                store: store, reader: try CSVReader(schema: table.dataSchema, options: options, workers: pipeline.options.parallelism), nodeID: id)
        case .json:
            decoder = JSONFileDecoder(
                store: store, reader: try JSONReader(schema: table.dataSchema, options: try JSONOptions(formatOptions: [:]), workers: pipeline.options.parallelism),
                nodeID: id)
        case .parquet:
            decoder = ParquetFileDecoder(store: store)
        }
        addScan(
            S3FileScan(
                schema: table.schema, name: node.typeName, objects: objects.map(\.object), decoder: decoder, control: control,
                partitionColumns: table.partitionKeys, partitionValues: objects.map(\.partitionValues)),
            id: id)
    }

    /// `CatalogTarget` / `S3CatalogTarget`: files in the table's format under its location,
    /// partitioned by the node's `PartitionKeys` (the table's partition keys when the node names
    /// none). With `SchemaChangePolicy.EnableUpdateCatalog`, the new partitions (and with
    /// `UPDATE_IN_DATABASE`, new data columns) are registered after the run's objects are
    /// published; the caller's right to do so is checked before anything is written.
    mutating func compileCatalogTarget(_ target: CatalogTargetNode, node: CodeGenConfigurationNode, id: String) throws(GlueError) {
        let catalog = try catalog()
        let table = try CatalogTableResolver(catalog: catalog).table(database: target.database, table: target.table)
        let qualified = "\(table.database).\(table.name)"
        let tableKeys = table.partitionKeys.map(\.name)
        let nodeKeys = (target.partitionKeys ?? []).map { $0.joined(separator: ".") }
        let keys = nodeKeys.isEmpty ? tableKeys : nodeKeys
        if !tableKeys.isEmpty, keys.map({ $0.lowercased() }) != tableKeys.map({ $0.lowercased() }) {
            throw GlueError(
                .invalidInput,
                "PartitionKeys \(keys.joined(separator: ", ")) differ from the partition keys of table \(qualified) (\(tableKeys.joined(separator: ", "))).")
        }
        if tableKeys.isEmpty, !keys.isEmpty {
            throw GlueError(.invalidInput, "Table \(qualified) has no partition keys, but the node partitions by \(keys.joined(separator: ", ")).")
        }
        let format: TargetFormat
        switch table.format {
        case .csv(let options): format = .csv(options: options)
        case .json: format = .json(gzip: false)
        case .parquet: format = try .parquet(compression: "snappy", naming: .glueParquet)
        }
        let inputID = try input(node)
        let inputSchema = pipeline.schema(of: inputID)
        let known = Set((table.dataSchema.names + tableKeys).map { $0.lowercased() })
        let extra = inputSchema.fields.filter { !known.contains($0.name.lowercased()) && !keys.contains($0.name) }
        let updatesCatalog = target.schemaChangePolicy?.enableUpdateCatalog == true
        let updatesSchema = updatesCatalog && (target.schemaChangePolicy?.updateBehavior ?? "UPDATE_IN_DATABASE") == "UPDATE_IN_DATABASE"
        let added = updatesSchema ? extra.map { Field($0.name.lowercased(), $0.dataType) } : []
        var partitionWritten: @Sendable ([String?]) -> Void = { _ in }
        if updatesCatalog {
            if let preflight = catalog as? any CatalogPreflight {
                if !tableKeys.isEmpty { try preflight.authorize("BatchCreatePartition", database: table.database, table: table.name) }
                if !added.isEmpty { try preflight.authorize("UpdateTable", database: table.database, table: table.name) }
            }
            let registrar = CatalogPartitionRegistrar(
                catalog: catalog, table: table, addedColumns: added.map { GlueCatalog.Column(name: $0.name, type: $0.dataType.description) })
            partitionWritten = { values in registrar.record(values) }
            outputs.afterCommit { () throws(GlueError) in try registrar.register() }
        }
        // The files follow the table's column order (text tables are read by position).
        let order = CatalogColumnOrder(dataFields: table.dataSchema.fields + added, partitionKeys: keys)
        try add(order, inputs: [inputID], id: id + "/columns")
        try addTarget(
            path: table.location.description, partitionKeys: keys.map { [$0] }, format: format, input: try stage(id + "/columns"), id: id,
            partitionWritten: partitionWritten)
    }
}
