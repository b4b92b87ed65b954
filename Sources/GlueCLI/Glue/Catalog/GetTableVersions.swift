import ArgumentParser
import GlueCatalog

/// `localglue glue get-table-versions`. Mirrors Glue `GetTableVersions`, newest first, every page.
struct GetTableVersions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-table-versions", abstract: "List a table's versions (Glue GetTableVersions).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let lake = try LakeContext.open(global)
        let store = try lake.catalogStore()
        let (versions, next) = try pagination.collect(defaultPageSize: 100) { token, size in
            let page = try store.getTableVersions(
                GetTableVersionsRequest(catalogId: catalogId, databaseName: databaseName, tableName: tableName, nextToken: token, maxResults: size))
            return (page.tableVersions ?? [], page.nextToken)
        }
        try OutputPrinter(format: global.output).print(GetTableVersionsResponse(tableVersions: versions, nextToken: next))
    }
}
