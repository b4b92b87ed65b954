import ArgumentParser
import GlueCatalog

/// `localglue glue get-databases`. Mirrors Glue `GetDatabases`, reading every page as the AWS CLI does.
struct GetDatabases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-databases", abstract: "List databases (Glue GetDatabases).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?
    @Option(name: .customLong("resource-share-type"), help: "FOREIGN, ALL or FEDERATED (accepted; one catalog here).") var resourceShareType: String?
    @Option(name: .customLong("attributes-to-get"), parsing: .upToNextOption, help: "NAME and/or TARGET_DATABASE.") var attributesToGet: [String] = []

    func run() async throws {
        let lake = try LakeContext.open(global)
        let store = try lake.catalogStore()
        let (databases, next) = try pagination.collect(defaultPageSize: 100) { token, size in
            let page = try store.getDatabases(
                GetDatabasesRequest(
                    catalogId: catalogId, nextToken: token, maxResults: size, resourceShareType: resourceShareType,
                    attributesToGet: attributesToGet.isEmpty ? nil : attributesToGet))
            return (page.databaseList, page.nextToken)
        }
        try OutputPrinter(format: global.output).print(GetDatabasesResponse(databaseList: databases, nextToken: next))
    }
}
