import ArgumentParser
import GlueCatalog

/// `localglue glue create-database`. Mirrors Glue `CreateDatabase`.
struct CreateDatabase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-database", abstract: "Create a database (Glue CreateDatabase).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-input"), help: "The DatabaseInput JSON, inline or file://PATH.") var databaseInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?
    @Option(help: "Tags as a JSON map (stored nowhere; accepted for compatibility).") var tags: String?

    func run() async throws {
        let input = try CatalogParameter.decode(DatabaseInput.self, databaseInput, option: "--database-input")
        let tagMap = try tags.map { try CatalogParameter.decode([String: String].self, $0, option: "--tags") }
        let lake = try LakeContext.open(global)
        try lake.catalogStore().createDatabase(CreateDatabaseRequest(catalogId: catalogId, databaseInput: input, tags: tagMap))
    }
}
