import ArgumentParser

extension GlueService {
    /// The Data Catalog and crawler commands (create-database, get-table, get-partitions, ...).
    static let catalogCommands: [any ParsableCommand.Type] = [
        CreateDatabase.self, GetDatabase.self, GetDatabases.self, UpdateDatabase.self, DeleteDatabase.self,
        CreateTable.self, GetTable.self, GetTables.self, UpdateTable.self, DeleteTable.self, BatchDeleteTable.self,
        GetTableVersions.self, GetTableVersion.self,
        CreatePartition.self, BatchCreatePartition.self, GetPartition.self, GetPartitions.self, BatchGetPartition.self,
        UpdatePartition.self, DeletePartition.self, BatchDeletePartition.self,
        ImportCatalog.self,
    ]
}
