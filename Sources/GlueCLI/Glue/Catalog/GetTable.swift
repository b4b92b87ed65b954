import ArgumentParser
import GlueCatalog

/// `localglue glue get-table`. Mirrors Glue `GetTable`.
struct GetTable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-table", abstract: "Show a table (Glue GetTable).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(help: "The table.") var name: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().getTable(GetTableRequest(catalogId: catalogId, databaseName: databaseName, name: name))
        try OutputPrinter(format: global.output).print(response)
    }
}
