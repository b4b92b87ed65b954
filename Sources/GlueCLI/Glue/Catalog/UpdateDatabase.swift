import ArgumentParser
import GlueCatalog

/// `localglue glue update-database`. Mirrors Glue `UpdateDatabase`.
struct UpdateDatabase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-database", abstract: "Replace a database's definition (Glue UpdateDatabase).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The database.") var name: String
    @Option(name: .customLong("database-input"), help: "The DatabaseInput JSON, inline or file://PATH.") var databaseInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let input = try CatalogParameter.decode(DatabaseInput.self, databaseInput, option: "--database-input")
        let lake = try LakeContext.open(global)
        try lake.catalogStore().updateDatabase(UpdateDatabaseRequest(catalogId: catalogId, name: name, databaseInput: input))
    }
}
