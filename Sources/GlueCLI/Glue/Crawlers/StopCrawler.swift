import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue stop-crawler`. Mirrors Glue `StopCrawler`: the running crawl (in another
/// `localglue` process) ends `CANCELLED` at its next check.
struct StopCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop-crawler", abstract: "Stop a running crawl (Glue StopCrawler).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The crawler.") var name: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("StopCrawler", name: name)
        do {
            try lake.crawlerStore().requestStop(name: name)
        } catch {
            throw error.during("StopCrawler")
        }
    }
}
