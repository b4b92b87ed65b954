import ArgumentParser
import GlueCatalog

/// `localglue glue create-table`. Mirrors Glue `CreateTable`.
struct CreateTable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-table", abstract: "Create a table (Glue CreateTable).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-input"), help: "The TableInput JSON, inline or file://PATH.") var tableInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?
    @Option(name: .customLong("partition-indexes"), help: "PartitionIndex list JSON (accepted, not used).") var partitionIndexes: String?
    @Option(name: .customLong("open-table-format-input"), help: "OpenTableFormatInput JSON (accepted, not used).") var openTableFormatInput: String?

    func run() async throws {
        let input = try CatalogParameter.decode(TableInput.self, tableInput, option: "--table-input")
        let indexes = try partitionIndexes.map { try CatalogParameter.decode([JSONValue].self, $0, option: "--partition-indexes") }
        let openFormat = try openTableFormatInput.map { try CatalogParameter.decode(JSONValue.self, $0, option: "--open-table-format-input") }
        let lake = try LakeContext.open(global)
        try lake.catalogStore().createTable(
            CreateTableRequest(
                catalogId: catalogId, databaseName: databaseName, tableInput: input, partitionIndexes: indexes,
                openTableFormatInput: openFormat))
    }
}
