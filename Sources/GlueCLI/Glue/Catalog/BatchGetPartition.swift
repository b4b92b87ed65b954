import ArgumentParser
import GlueCatalog

/// `localglue glue batch-get-partition`. Mirrors Glue `BatchGetPartition` (up to 1000).
struct BatchGetPartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-get-partition", abstract: "Show several partitions (Glue BatchGetPartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partitions-to-get"), help: "A JSON array of {\"Values\": [...]}, inline or file://PATH.") var partitionsToGet: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let wanted = try CatalogParameter.decode([PartitionValueList].self, partitionsToGet, option: "--partitions-to-get")
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().batchGetPartition(
            BatchGetPartitionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionsToGet: wanted))
        try OutputPrinter(format: global.output).print(response)
    }
}
