import ArgumentParser
import GlueCatalog

/// `localglue glue delete-table`. Mirrors Glue `DeleteTable` (versions and partitions go too).
struct DeleteTable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-table", abstract: "Delete a table (Glue DeleteTable).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(help: "The table.") var name: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.catalogStore().deleteTable(DeleteTableRequest(catalogId: catalogId, databaseName: databaseName, name: name))
    }
}
