import ArgumentParser
import GlueCatalog

/// `localglue glue get-tables`. Mirrors Glue `GetTables` (`--expression` is a regular expression on
/// table names), reading every page as the AWS CLI does.
struct GetTables: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-tables", abstract: "List a database's tables (Glue GetTables).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(help: "A regular expression the table names must match (* means any run).") var expression: String?
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?
    @Option(name: .customLong("attributes-to-get"), parsing: .upToNextOption, help: "NAME and/or TABLE_TYPE.") var attributesToGet: [String] = []

    func run() async throws {
        let lake = try LakeContext.open(global)
        let store = try lake.catalogStore()
        let (tables, next) = try pagination.collect(defaultPageSize: 100) { token, size in
            let page = try store.getTables(
                GetTablesRequest(
                    catalogId: catalogId, databaseName: databaseName, expression: expression, nextToken: token, maxResults: size,
                    attributesToGet: attributesToGet.isEmpty ? nil : attributesToGet))
            return (page.tableList ?? [], page.nextToken)
        }
        try OutputPrinter(format: global.output).print(GetTablesResponse(tableList: tables, nextToken: next))
    }
}
