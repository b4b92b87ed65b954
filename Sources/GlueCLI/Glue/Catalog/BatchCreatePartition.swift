import ArgumentParser
import GlueCatalog

/// `localglue glue batch-create-partition`. Mirrors Glue `BatchCreatePartition` (up to 100).
struct BatchCreatePartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-create-partition", abstract: "Create several partitions (Glue BatchCreatePartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partition-input-list"), help: "A JSON array of PartitionInput, inline or file://PATH.") var partitionInputList: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let inputs = try CatalogParameter.decode([PartitionInput].self, partitionInputList, option: "--partition-input-list")
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().batchCreatePartition(
            BatchCreatePartitionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionInputList: inputs))
        try OutputPrinter(format: global.output).print(response)
    }
}
