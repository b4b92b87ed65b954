import GlueCatalog
import GlueCore
import Synchronization

/// The partitions a catalog target wrote in a run, registered in the Data Catalog only after the
/// run's objects are published (Glue's `enableUpdateCatalog`): a failed, stopped or timed-out run
/// never changes the catalog.
///
/// Partitions already in the catalog are left as they are (`AlreadyExistsException` per entry);
/// new ones get the table's storage descriptor with their own folder as `Location`.
final class CatalogPartitionRegistrar: Sendable {
    let catalog: any CatalogStore
    let table: ResolvedCatalogTable
    /// New data columns to add to the table (`UPDATE_IN_DATABASE`), empty otherwise.
    let addedColumns: [GlueCatalog.Column]
    private let written = Mutex<[[String]]>([])

    init(catalog: any CatalogStore, table: ResolvedCatalogTable, addedColumns: [GlueCatalog.Column]) {
        self.catalog = catalog
        self.table = table
        self.addedColumns = addedColumns
    }

    /// Notes a partition the target staged files in (values as written in its folder name; `nil`
    /// for a null value).
    func record(_ values: [String?]) {
        let text = values.map { value in value.flatMap { $0.isEmpty ? nil : $0 } ?? OutputLayout.defaultPartitionName }
        written.withLock { written in
            if !written.contains(text) { written.append(text) }
        }
    }

    /// The partitions recorded so far, in the order they were first written.
    var partitions: [[String]] { written.withLock { $0 } }

    /// Adds the new columns (if any), then creates the recorded partitions, 100 per
    /// `BatchCreatePartition` call.
    ///
    /// - Throws: the catalog's errors; per-partition `AlreadyExistsException`s are not errors.
    func register() throws(GlueError) {
        if !addedColumns.isEmpty { try updateTable() }
        guard !table.partitionKeys.isEmpty else { return }
        let descriptor = table.table.storageDescriptor ?? StorageDescriptor()
        let inputs = partitions.map { values -> PartitionInput in
            var partitionDescriptor = descriptor
            partitionDescriptor.columns = (descriptor.columns ?? []) + addedColumns
            partitionDescriptor.location = table.location.appending(OutputLayout.partitionFolder(keys: table.partitionKeys.map(\.name), values: values)).description
            return PartitionInput(values: values, storageDescriptor: partitionDescriptor)
        }
        var start = 0
        while start < inputs.count {
            let chunk = Array(inputs[start..<min(start + 100, inputs.count)])
            start += chunk.count
            let response: BatchCreatePartitionResponse
            do {
                response = try catalog.batchCreatePartition(
                    BatchCreatePartitionRequest(databaseName: table.database, tableName: table.name, partitionInputList: chunk))
            } catch {
                throw error.during("BatchCreatePartition")
            }
            for failure in response.errors ?? [] where failure.errorDetail?.errorCode != GlueError.Code.alreadyExists.rawValue {
                throw GlueError(
                    GlueError.Code(failure.errorDetail?.errorCode ?? GlueError.Code.internalService.rawValue),
                    "Partition \((failure.partitionValues ?? []).joined(separator: "/")) of \(table.database).\(table.name) was not created: \(failure.errorDetail?.errorMessage ?? "unknown error")",
                    operation: "BatchCreatePartition")
            }
        }
    }

    /// `UpdateTable` with the new data columns appended (Glue's `UPDATE_IN_DATABASE`).
    func updateTable() throws(GlueError) {
        let current = table.table
        var descriptor = current.storageDescriptor ?? StorageDescriptor()
        descriptor.columns = (descriptor.columns ?? []) + addedColumns
        let input = TableInput(
            name: current.name, description: current.description, owner: current.owner, lastAccessTime: current.lastAccessTime,
            lastAnalyzedTime: current.lastAnalyzedTime, retention: current.retention, storageDescriptor: descriptor,
            partitionKeys: current.partitionKeys, viewOriginalText: current.viewOriginalText, viewExpandedText: current.viewExpandedText,
            tableType: current.tableType, parameters: current.parameters, targetTable: current.targetTable)
        do {
            try catalog.updateTable(UpdateTableRequest(databaseName: table.database, tableInput: input))
        } catch {
            throw error.during("UpdateTable")
        }
    }
}

/// A catalog that can tell, before a run writes anything, whether its caller may make a call
/// (so a run that could not register its partitions fails before publishing any object).
protocol CatalogPreflight {
    /// Throws the denial `operation` on `database.table` would meet.
    func authorize(_ operation: String, database: String, table: String) throws(GlueError)
}

extension PolicyCheckingCatalogStore: CatalogPreflight {
    func authorize(_ operation: String, database: String, table: String) throws(GlueError) {
        try authorize(operation, resources(database: database, table: table))
    }
}
