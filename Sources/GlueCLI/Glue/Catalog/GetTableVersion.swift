import ArgumentParser
import GlueCatalog

/// `localglue glue get-table-version`. Mirrors Glue `GetTableVersion` (the current one by default).
struct GetTableVersion: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-table-version", abstract: "Show one version of a table (Glue GetTableVersion).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("version-id"), help: "The version (default: the current one).") var versionId: String?
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        let response = try lake.catalogStore().getTableVersion(
            GetTableVersionRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, versionId: versionId))
        try OutputPrinter(format: global.output).print(response)
    }
}
