import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue list-crawlers`. Mirrors Glue `ListCrawlers` (names only).
struct ListCrawlers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-crawlers", abstract: "List crawler names (Glue ListCrawlers).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions

    struct Output: Encodable {
        var crawlerNames: [String]
        var nextToken: String?
        enum CodingKeys: String, CodingKey { case crawlerNames = "CrawlerNames", nextToken = "NextToken" }
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("ListCrawlers", name: nil)
        let store = try lake.crawlerStore()
        do {
            let (names, next) = try pagination.collect(defaultPageSize: 1000) { token, size in
                let page = try store.crawlers(maxResults: size, nextToken: token)
                return (page.crawlers.map(\.name), page.nextToken)
            }
            try OutputPrinter(format: global.output).print(Output(crawlerNames: names, nextToken: next))
        } catch let error as GlueError {
            throw error.during("ListCrawlers")
        }
    }
}
