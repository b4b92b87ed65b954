import ArgumentParser
import GlueCatalog

/// `localglue glue create-partition`. Mirrors Glue `CreatePartition`.
struct CreatePartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-partition", abstract: "Create a partition (Glue CreatePartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partition-input"), help: "The PartitionInput JSON, inline or file://PATH.") var partitionInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let input = try CatalogParameter.decode(PartitionInput.self, partitionInput, option: "--partition-input")
        let lake = try LakeContext.open(global)
        try lake.catalogStore().createPartition(
            CreatePartitionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionInput: input))
    }
}
