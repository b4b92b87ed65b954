import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue get-crawler-metrics`. Mirrors Glue `GetCrawlerMetrics`.
struct GetCrawlerMetrics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-crawler-metrics", abstract: "Show figures of crawlers' runs (Glue GetCrawlerMetrics).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("crawler-name-list"), parsing: .upToNextOption, help: "The crawlers (all when absent).")
    var crawlerNameList: [String] = []

    struct Output: Encodable {
        var crawlerMetricsList: [CrawlerMetrics]
        enum CodingKeys: String, CodingKey { case crawlerMetricsList = "CrawlerMetricsList" }
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let names = try CatalogParameter.list(crawlerNameList, option: "--crawler-name-list")
        try lake.authorizeCrawlerCall("GetCrawlerMetrics", name: names.count == 1 ? names.first : nil)
        do {
            try OutputPrinter(format: global.output).print(Output(crawlerMetricsList: try lake.crawlerStore().metrics(names: names)))
        } catch let error as GlueError {
            throw error.during("GetCrawlerMetrics")
        }
    }
}
