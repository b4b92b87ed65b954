import ArgumentParser
import GlueCatalog

/// `localglue glue get-partition`. Mirrors Glue `GetPartition`.
struct GetPartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-partition", abstract: "Show a partition (Glue GetPartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partition-values"), parsing: .upToNextOption, help: "The values in key order, or a JSON array.") var partitionValues: [String]
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let values = try CatalogParameter.list(partitionValues, option: "--partition-values")
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().getPartition(
            GetPartitionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionValues: values))
        try OutputPrinter(format: global.output).print(response)
    }
}
