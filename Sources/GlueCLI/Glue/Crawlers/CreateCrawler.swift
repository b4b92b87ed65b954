import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue create-crawler`. Mirrors Glue `CreateCrawler`.
struct CreateCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-crawler", abstract: "Create a crawler (Glue CreateCrawler).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: CrawlerOptions
    @Option(help: "Tags as JSON (kept).") var tags: String?

    func run() async throws {
        var definition = try options.baseDefinition()
        try options.apply(to: &definition)
        if let tags { definition.tags = try CatalogParameter.decode([String: String].self, tags, option: "--tags") }
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("CreateCrawler", name: definition.name)
        do {
            try lake.crawlerStore().create(definition)
        } catch {
            throw error.during("CreateCrawler")
        }
    }
}
