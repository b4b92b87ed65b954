import ArgumentParser
import GlueCatalog

/// `localglue glue get-database`. Mirrors Glue `GetDatabase`.
struct GetDatabase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-database", abstract: "Show a database (Glue GetDatabase).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The database.") var name: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().getDatabase(GetDatabaseRequest(catalogId: catalogId, name: name))
        try OutputPrinter(format: global.output).print(response)
    }
}
