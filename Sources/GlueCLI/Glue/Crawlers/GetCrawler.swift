import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue get-crawler`. Mirrors Glue `GetCrawler`.
struct GetCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-crawler", abstract: "Show a crawler, its state and its last crawl (Glue GetCrawler).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The crawler.") var name: String

    struct Output: Encodable {
        var crawler: Crawler
        enum CodingKeys: String, CodingKey { case crawler = "Crawler" }
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("GetCrawler", name: name)
        do {
            try OutputPrinter(format: global.output).print(Output(crawler: try lake.crawlerStore().crawler(name: name)))
        } catch let error as GlueError {
            throw error.during("GetCrawler")
        }
    }
}
