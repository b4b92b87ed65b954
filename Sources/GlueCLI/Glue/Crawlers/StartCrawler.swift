import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue start-crawler`. Mirrors Glue `StartCrawler`, but synchronously: the command
/// returns when the crawl has ended (Glue returns at once). As on AWS, a crawl that fails does not
/// make the call fail: its status and error are in `get-crawler`'s `LastCrawl` (and, locally, a
/// line on standard error).
struct StartCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start-crawler", abstract: "Run a crawl now and wait for it (Glue StartCrawler; synchronous locally).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The crawler.") var name: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("StartCrawler", name: name)
        let result: CrawlerRunner.Result
        do {
            result = try CrawlerRunner(store: lake.crawlerStore()).start(name: name) { definition throws(GlueError) in
                try lake.crawlEnvironment(definition)
            }
        } catch {
            throw error.during("StartCrawler")
        }
        if result.lastCrawl.status != "SUCCEEDED" {
            Console.current.printError(
                "Crawl \(result.lastCrawl.status ?? "") for crawler \(name): \(result.lastCrawl.errorMessage ?? "stopped") (see get-crawler's LastCrawl)")
        }
    }
}
