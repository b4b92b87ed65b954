import ArgumentParser
import GlueCatalog

/// `localglue glue update-partition`. Mirrors Glue `UpdatePartition` (values cannot change).
struct UpdatePartition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-partition", abstract: "Replace a partition's definition (Glue UpdatePartition).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("partition-value-list"), parsing: .upToNextOption, help: "The values in key order, or a JSON array.") var partitionValueList: [String]
    @Option(name: .customLong("partition-input"), help: "The PartitionInput JSON, inline or file://PATH.") var partitionInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let values = try CatalogParameter.list(partitionValueList, option: "--partition-value-list")
        let input = try CatalogParameter.decode(PartitionInput.self, partitionInput, option: "--partition-input")
        let lake = try LakeContext.open(global)
        try lake.catalogStore().updatePartition(
            UpdatePartitionRequest(
                catalogId: catalogId, databaseName: databaseName, tableName: tableName, partitionValueList: values, partitionInput: input))
    }
}
