import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue delete-crawler`. Mirrors Glue `DeleteCrawler` (the tables it made stay).
struct DeleteCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-crawler", abstract: "Delete a crawler (Glue DeleteCrawler).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The crawler.") var name: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("DeleteCrawler", name: name)
        do {
            try lake.crawlerStore().delete(name: name)
        } catch {
            throw error.during("DeleteCrawler")
        }
    }
}
