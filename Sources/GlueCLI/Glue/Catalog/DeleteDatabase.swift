import ArgumentParser
import GlueCatalog

/// `localglue glue delete-database`. Mirrors Glue `DeleteDatabase` (tables and partitions go too).
struct DeleteDatabase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-database", abstract: "Delete a database and its tables (Glue DeleteDatabase).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The database.") var name: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.catalogStore().deleteDatabase(DeleteDatabaseRequest(catalogId: catalogId, name: name))
    }
}
