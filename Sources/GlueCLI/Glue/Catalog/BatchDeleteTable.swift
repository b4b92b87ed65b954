import ArgumentParser
import GlueCatalog

/// `localglue glue batch-delete-table`. Mirrors Glue `BatchDeleteTable` (up to 100 tables).
struct BatchDeleteTable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-delete-table", abstract: "Delete several tables (Glue BatchDeleteTable).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("tables-to-delete"), parsing: .upToNextOption, help: "Table names, or a JSON array.") var tablesToDelete: [String]
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let names = try CatalogParameter.list(tablesToDelete, option: "--tables-to-delete")
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().batchDeleteTable(
            BatchDeleteTableRequest(catalogId: catalogId, databaseName: databaseName, tablesToDelete: names))
        try OutputPrinter(format: global.output).print(response)
    }
}
