import Foundation
import GlueCatalog
import GlueCore

/// Writes a crawl's tables and partitions to the Data Catalog as a Glue crawler does.
///
/// - New tables and partitions are always created (partitions in batches of 100, Glue's limit).
/// - Changed tables and partitions are updated with `UpdateBehavior: UPDATE_IN_DATABASE` (with
///   `MergeNewColumns`, only new columns are added) and only logged with `LOG`.
/// - Tables this crawler wrote earlier (`UPDATED_BY_CRAWLER`) under its include paths that the
///   crawl no longer finds are marked `DEPRECATED_BY_CRAWLER` (`DEPRECATE_IN_DATABASE`), deleted
///   (`DELETE_FROM_DATABASE`) or logged (`LOG`); partitions that vanished are deleted with
///   `DELETE_FROM_DATABASE` and logged otherwise.
/// - A table name already used by a table at another location gets a suffix from the location's
///   hash, as Glue does.
struct CrawlerCatalogWriter {
    let definition: CrawlerDefinition
    let configuration: CrawlerConfiguration
    let environment: CrawlEnvironment

    var catalog: any CatalogStore { environment.catalog }
    var updates: Bool { definition.schemaChangePolicy?.effectiveUpdateBehavior != "LOG" }
    var deleteBehavior: String { definition.schemaChangePolicy?.effectiveDeleteBehavior ?? "DEPRECATE_IN_DATABASE" }

    /// Every table of the database, by name.
    func tables(_ database: String) throws(GlueError) -> [String: Table] {
        var result: [String: Table] = [:]
        var token: String? = nil
        repeat {
            let page = try catalog.getTables(GetTablesRequest(databaseName: database, nextToken: token))
            for table in page.tableList ?? [] { result[table.name] = table }
            token = page.nextToken
        } while token != nil
        return result
    }

    /// Every partition of a table, by values.
    func partitions(_ database: String, _ table: String) throws(GlueError) -> [[String]: Partition] {
        var result: [[String]: Partition] = [:]
        var token: String? = nil
        repeat {
            let page = try catalog.getPartitions(GetPartitionsRequest(databaseName: database, tableName: table, nextToken: token))
            for partition in page.partitions ?? [] { result[partition.values ?? []] = partition }
            token = page.nextToken
        } while token != nil
        return result
    }

    func owned(_ table: Table) -> Bool { table.parameters?["UPDATED_BY_CRAWLER"] == definition.name }

    /// Whether a location lies below one of the crawler's include paths.
    func isUnderTargets(_ location: String?) -> Bool {
        guard let location else { return false }
        return (definition.targets.s3Targets ?? []).contains { target in
            guard let path = target.path else { return false }
            let folder = path.hasSuffix("/") ? path : path + "/"
            return location.hasPrefix(folder) || location + "/" == folder || location == path
        }
    }

    /// For `CRAWL_NEW_FOLDERS_ONLY`: new objects under a table this crawler made become new
    /// partitions of it; the rest are returned to be planned as usual.
    mutating func attachToExistingTables(_ files: [CrawledFile], root bucket: String, prefix: String, database: String) throws(GlueError) -> [CrawledFile] {
        guard !files.isEmpty else { return files }
        let existing = try tables(database).values.filter { owned($0) && $0.storageDescriptor?.location != nil }
        var rest: [CrawledFile] = []
        for file in files {
            let location = "s3://\(bucket)/\(file.object.key)"
            if let table = existing.first(where: { location.hasPrefix($0.storageDescriptor?.location ?? "\u{0}") && !($0.partitionKeys ?? []).isEmpty }) {
                attached[table.name, default: []].append(file)
            } else {
                rest.append(file)
            }
        }
        for (name, members) in attached {
            guard let table = existing.first(where: { $0.name == name }), let location = table.storageDescriptor?.location,
                let root = try? S3Location(parsing: location)
            else { continue }
            let segments = root.key.split(separator: "/").map(String.init)
            let relocated = members.map { file -> CrawledFile in
                var copy = file
                copy.folders = Array(file.object.key.split(separator: "/").map(String.init).dropLast().dropFirst(segments.count))
                return copy
            }
            let planner = CrawlerPlanner(bucket: root.bucket, rootSegments: segments, tablePrefix: "", configuration: configuration)
            var planned = planner.table(at: [], files: relocated)
            planned.name = name
            planned.partitionKeys = (table.partitionKeys ?? []).map(\.name)
            attachedTables.append(planned)
        }
        attached = [:]
        return rest
    }

    private var attached: [String: [CrawledFile]] = [:]
    private var attachedTables: [PlannedTable] = []

    init(definition: CrawlerDefinition, configuration: CrawlerConfiguration, environment: CrawlEnvironment) {
        self.definition = definition
        self.configuration = configuration
        self.environment = environment
    }

    /// Writes the planned tables.
    mutating func write(_ planned: [PlannedTable], database: String, outcome: inout CrawlOutcome, detectDeletions: Bool) throws(GlueError) {
        let existing = try tables(database)
        var used = Set<String>()
        for var table in attachedTables + planned {
            if environment.isStopRequested() { throw GlueError(Crawl.cancelled, "The crawl was stopped.") }
            let current = existing[table.name]
            if used.contains(table.name) || (current.map { !owned($0) && $0.storageDescriptor?.location != table.location } ?? false) {
                table.name = String((table.name + "_" + Self.hash(table.location)).prefix(255))
            }
            used.insert(table.name)
            try write(table, existing: existing[table.name], database: database, outcome: &outcome)
            outcome.tables.append("\(database).\(table.name)")
        }
        guard detectDeletions else { return }
        for (name, table) in existing.sorted(by: { $0.key < $1.key })
        where owned(table) && !used.contains(name) && isUnderTargets(table.storageDescriptor?.location) {
            switch deleteBehavior {
            case "DELETE_FROM_DATABASE":
                try catalog.deleteTable(DeleteTableRequest(databaseName: database, name: name))
                environment.log("Deleted table \(database).\(name): its data is gone (DeleteBehavior DELETE_FROM_DATABASE)")
                outcome.tablesDeleted += 1
            case "DEPRECATE_IN_DATABASE":
                guard table.parameters?["DEPRECATED_BY_CRAWLER"] == nil else { continue }
                var input = Self.input(of: table)
                input.parameters = (input.parameters ?? [:]).merging(
                    ["DEPRECATED_BY_CRAWLER": String(Int64(environment.now().timeIntervalSince1970 * 1000))]) { $1 }
                try catalog.updateTable(UpdateTableRequest(databaseName: database, tableInput: input))
                environment.log("Marked table \(database).\(name) deprecated: its data is gone (DeleteBehavior DEPRECATE_IN_DATABASE)")
                outcome.tablesDeleted += 1
            default:
                environment.log("Table \(database).\(name) has no data any more; it is kept (DeleteBehavior LOG)")
            }
        }
    }

    mutating func write(_ table: PlannedTable, existing: Table?, database: String, outcome: inout CrawlOutcome) throws(GlueError) {
        var input = tableInput(table)
        guard let existing else {
            try catalog.createTable(CreateTableRequest(databaseName: database, tableInput: input))
            environment.log("Created table \(database).\(table.name) (\(table.partitions.count) partitions)")
            outcome.tablesCreated += 1
            try createPartitions(table.partitions, of: table, input: input, database: database, outcome: &outcome)
            return
        }
        if configuration.mergeNewColumns {
            let old = existing.storageDescriptor?.columns ?? []
            let names = Set(old.map(\.name))
            let added = (input.storageDescriptor?.columns ?? []).filter { !names.contains($0.name) }
            input.storageDescriptor?.columns = old + added
        }
        input.description = existing.description
        let current = Self.input(of: existing)
        var effective = current
        if !Self.sameDefinition(current, input) {
            if updates {
                try catalog.updateTable(UpdateTableRequest(databaseName: database, tableInput: input))
                environment.log("Updated table \(database).\(table.name)")
                outcome.tablesUpdated += 1
                effective = input
            } else {
                environment.log("Table \(database).\(table.name) changed; it is not updated (UpdateBehavior LOG)")
            }
        }
        let known = try partitions(database, existing.name)
        let fresh = table.partitions.filter { known[$0.values] == nil }
        try createPartitions(fresh, of: table, input: effective, database: database, outcome: &outcome)
        for partition in table.partitions {
            guard let old = known[partition.values] else { continue }
            let new = partitionInput(partition, of: table, input: effective)
            let oldInput = PartitionInput(values: old.values, storageDescriptor: old.storageDescriptor, parameters: old.parameters)
            guard oldInput.storageDescriptor != new.storageDescriptor || oldInput.parameters != new.parameters else { continue }
            if updates {
                try catalog.updatePartition(
                    UpdatePartitionRequest(databaseName: database, tableName: table.name, partitionValueList: partition.values, partitionInput: new))
                outcome.partitionsUpdated += 1
            } else {
                environment.log("Partition \(partition.values) of \(database).\(table.name) changed; it is not updated (UpdateBehavior LOG)")
            }
        }
        let found = Set(table.partitions.map(\.values))
        let gone = known.keys.filter { !found.contains($0) }.sorted { $0.lexicographicallyPrecedes($1) }
        guard !gone.isEmpty, !attachedTables.contains(where: { $0.name == table.name }) else { return }
        if deleteBehavior == "DELETE_FROM_DATABASE" {
            for start in stride(from: 0, to: gone.count, by: 25) {
                let batch = gone[start..<min(gone.count, start + 25)].map { PartitionValueList(values: $0) }
                let response = try catalog.batchDeletePartition(
                    BatchDeletePartitionRequest(databaseName: database, tableName: table.name, partitionsToDelete: batch))
                outcome.partitionsDeleted += batch.count - (response.errors ?? []).count
            }
            environment.log("Deleted \(gone.count) partitions of \(database).\(table.name) whose folders are gone")
        } else {
            environment.log("\(gone.count) partitions of \(database).\(table.name) have no data any more; they are kept (DeleteBehavior \(deleteBehavior))")
        }
    }

    mutating func createPartitions(
        _ partitions: [PlannedPartition], of table: PlannedTable, input: TableInput, database: String, outcome: inout CrawlOutcome
    ) throws(GlueError) {
        for start in stride(from: 0, to: partitions.count, by: 100) {
            let batch = partitions[start..<min(partitions.count, start + 100)].map { partitionInput($0, of: table, input: input) }
            let response = try catalog.batchCreatePartition(
                BatchCreatePartitionRequest(databaseName: database, tableName: table.name, partitionInputList: batch))
            for error in response.errors ?? [] {
                environment.log("Partition \(error.partitionValues ?? []) of \(database).\(table.name) was not created: \(error.errorDetail?.errorMessage ?? "")")
            }
            outcome.partitionsCreated += batch.count - (response.errors ?? []).count
        }
    }

    // MARK: Definitions

    /// The table definition a crawler writes.
    func tableInput(_ table: PlannedTable) -> TableInput {
        let parameters = self.parameters(table.files)
        var descriptor = Self.storageDescriptor(table.files.first, columns: table.columns, location: table.location)
        descriptor.parameters = parameters
        return TableInput(
            name: table.name, owner: "owner", retention: 0, storageDescriptor: descriptor,
            partitionKeys: table.partitionKeys.map { GlueCatalog.Column(name: $0, type: "string") }, tableType: "EXTERNAL_TABLE",
            parameters: parameters)
    }

    /// A partition's definition: its own columns and statistics, or the table's schema and
    /// formats with `InheritFromTable`.
    func partitionInput(_ partition: PlannedPartition, of table: PlannedTable, input: TableInput) -> PartitionInput {
        var descriptor: StorageDescriptor
        if configuration.partitionsInheritFromTable, let inherited = input.storageDescriptor {
            descriptor = inherited
            descriptor.location = partition.location
        } else {
            descriptor = Self.storageDescriptor(partition.files.first, columns: partition.columns, location: partition.location)
        }
        let parameters = self.parameters(partition.files)
        descriptor.parameters = parameters
        return PartitionInput(values: partition.values, storageDescriptor: descriptor, parameters: parameters)
    }

    /// The table properties a crawler writes: the format's, the statistics and the crawler's marks.
    func parameters(_ files: [CrawledFile]) -> [String: String] {
        guard let first = files.first else { return [:] }
        var parameters: [String: String] = [
            "classification": first.classification,
            "compressionType": first.compression,
            "typeOfData": "file",
            "UPDATED_BY_CRAWLER": definition.name,
            "CrawlerSchemaSerializerVersion": "1.0",
            "CrawlerSchemaDeserializerVersion": "1.0",
        ]
        if first.classification == "csv" {
            parameters["delimiter"] = first.delimiter ?? ","
            parameters["areColumnsQuoted"] = files.contains(where: \.areColumnsQuoted) ? "true" : "false"
            parameters["columnsOrdered"] = "true"
            if first.hasHeader { parameters["skip.header.line.count"] = "1" }
        }
        let records = files.reduce(Int64(0)) { $0 + $1.recordCount }
        let size = files.reduce(Int64(0)) { $0 + $1.object.size }
        let weighted = files.reduce(Int64(0)) { $0 + $1.recordCount * $1.averageRecordSize }
        parameters["recordCount"] = String(records)
        parameters["averageRecordSize"] = String(records > 0 ? weighted / records : 0)
        parameters["sizeKey"] = String(size)
        parameters["objectCount"] = String(files.count)
        return parameters
    }

    /// The formats and SerDe of a classification.
    static func storageDescriptor(_ file: CrawledFile?, columns: [GlueCatalog.Column], location: String) -> StorageDescriptor {
        var descriptor = StorageDescriptor(
            columns: columns, location: location, compressed: file?.compression == "gzip", numberOfBuckets: -1, bucketColumns: [],
            sortColumns: [], storedAsSubDirectories: false)
        let text = ("org.apache.hadoop.mapred.TextInputFormat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
        switch file?.classification {
        case "parquet":
            descriptor.inputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
            descriptor.outputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"
            descriptor.serdeInfo = SerDeInfo(
                serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", parameters: ["serialization.format": "1"])
        case "json":
            (descriptor.inputFormat, descriptor.outputFormat) = text
            descriptor.serdeInfo = SerDeInfo(
                serializationLibrary: "org.openx.data.jsonserde.JsonSerDe", parameters: ["paths": columns.map(\.name).joined(separator: ",")])
        case "csv":
            (descriptor.inputFormat, descriptor.outputFormat) = text
            let delimiter = file?.delimiter ?? ","
            if file?.areColumnsQuoted == true {
                descriptor.serdeInfo = SerDeInfo(
                    serializationLibrary: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                    parameters: ["separatorChar": delimiter, "quoteChar": "\"", "escapeChar": "\\"])
            } else {
                descriptor.serdeInfo = SerDeInfo(
                    serializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", parameters: ["field.delim": delimiter])
            }
        default:
            descriptor.serdeInfo = SerDeInfo(parameters: [:])
        }
        return descriptor
    }

    /// A stored table as the input that would recreate it.
    static func input(of table: Table) -> TableInput {
        TableInput(
            name: table.name, description: table.description, owner: table.owner, lastAccessTime: table.lastAccessTime,
            lastAnalyzedTime: table.lastAnalyzedTime, retention: table.retention, storageDescriptor: table.storageDescriptor,
            partitionKeys: table.partitionKeys, viewOriginalText: table.viewOriginalText, viewExpandedText: table.viewExpandedText,
            tableType: table.tableType, parameters: table.parameters, targetTable: table.targetTable)
    }

    /// Whether two inputs define the same table (what a crawler owns: schema, formats, keys, properties).
    static func sameDefinition(_ a: TableInput, _ b: TableInput) -> Bool {
        a.storageDescriptor == b.storageDescriptor && (a.partitionKeys ?? []) == (b.partitionKeys ?? [])
            && (a.parameters ?? [:]) == (b.parameters ?? [:]) && a.tableType == b.tableType && a.owner == b.owner
    }

    /// Eight hex digits of a location (FNV-1a), for names that clash.
    static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
