import ArgumentParser
import GlueCatalog

/// `localglue glue update-table`. Mirrors Glue `UpdateTable`: the old definition becomes a version
/// unless `--skip-archive`.
struct UpdateTable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-table", abstract: "Replace a table's definition (Glue UpdateTable).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-input"), help: "The TableInput JSON, inline or file://PATH.") var tableInput: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?
    @Option(name: .customLong("version-id"), help: "Fail unless this is the current version.") var versionId: String?
    @Flag(inversion: .prefixedNo, help: "Do not archive the current definition as a version.") var skipArchive = false

    func run() async throws {
        let input = try CatalogParameter.decode(TableInput.self, tableInput, option: "--table-input")
        let lake = try LakeContext.open(global)
        try lake.catalogStore().updateTable(
            UpdateTableRequest(
                catalogId: catalogId, databaseName: databaseName, tableInput: input, skipArchive: skipArchive, versionId: versionId))
    }
}
