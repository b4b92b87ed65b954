import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue get-crawlers`. Mirrors Glue `GetCrawlers`, reading every page as the AWS CLI does.
struct GetCrawlers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-crawlers", abstract: "Show every crawler (Glue GetCrawlers).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pagination: PaginationOptions

    struct Output: Encodable {
        var crawlers: [Crawler]
        var nextToken: String?
        enum CodingKeys: String, CodingKey { case crawlers = "Crawlers", nextToken = "NextToken" }
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("GetCrawlers", name: nil)
        let store = try lake.crawlerStore()
        do {
            let (crawlers, next) = try pagination.collect(defaultPageSize: 1000) { token, size in
                let page = try store.crawlers(maxResults: size, nextToken: token)
                return (page.crawlers, page.nextToken)
            }
            try OutputPrinter(format: global.output).print(Output(crawlers: crawlers, nextToken: next))
        } catch let error as GlueError {
            throw error.during("GetCrawlers")
        }
    }
}
