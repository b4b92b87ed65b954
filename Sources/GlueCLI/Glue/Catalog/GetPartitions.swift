import ArgumentParser
import GlueCatalog

/// `localglue glue get-partitions`. Mirrors Glue `GetPartitions` with `--expression` (typed by the
/// keys' types), reading every page as the AWS CLI does.
struct GetPartitions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-partitions", abstract: "List a table's partitions (Glue GetPartitions).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions
    @Option(name: .customLong("database-name"), help: "The database.") var databaseName: String
    @Option(name: .customLong("table-name"), help: "The table.") var tableName: String
    @Option(help: "A predicate on partition keys, e.g. \"year = '2024' AND month BETWEEN 1 AND 6\".") var expression: String?
    @Option(help: "A Segment JSON {\"SegmentNumber\": 0, \"TotalSegments\": 4}.") var segment: String?
    @Flag(name: .customLong("exclude-column-schema"), help: "Leave the columns out of each StorageDescriptor.") var excludeColumnSchema = false
    @Option(name: .customLong("catalog-id"), help: "The catalog (account) ID.") var catalogId: String?

    func run() async throws {
        let part = try segment.map { try CatalogParameter.decode(Segment.self, $0, option: "--segment") }
        let lake = try LakeContext.open(global)
        let store = try lake.catalogStore()
        let (partitions, next) = try pagination.collect(defaultPageSize: 1000) { token, size in
            let page = try store.getPartitions(
                GetPartitionsRequest(
                    catalogId: catalogId, databaseName: databaseName, tableName: tableName, expression: expression,
                    nextToken: token, segment: part, maxResults: size, excludeColumnSchema: excludeColumnSchema ? true : nil))
            return (page.partitions ?? [], page.nextToken)
        }
        try OutputPrinter(format: global.output).print(GetPartitionsResponse(partitions: partitions, nextToken: next))
    }
}
