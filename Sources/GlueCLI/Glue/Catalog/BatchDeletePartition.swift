import ArgumentParser
import GlueCatalog

/// `localglue glue batch-delete-partition`. Mirrors Glue `BatchDeletePartition` (up to 25).
struct BatchDeletePartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-delete-partition", abstract: "Delete several partitions (Glue BatchDeletePartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partitions-to-delete"), help: "A JSON array of {\"Values\": [...]}, inline or file://PATH.") var partitionsToDelete: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let wanted = try CatalogParameter.decode([PartitionValueList].self, partitionsToDelete, option: "--partitions-to-delete")
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().batchDeletePartition(
            BatchDeletePartitionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionsToDelete: wanted))
        try OutputPrinter(format: global.output).print(response)
    }
}
