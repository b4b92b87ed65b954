import ArgumentParser

extension GlueService {
    /// The crawler commands (create-crawler, start-crawler, get-crawler, ...).
    static let crawlerCommands: [any ParsableCommand.Type] = [
        CreateCrawler.self, GetCrawler.self, GetCrawlers.self, ListCrawlers.self, UpdateCrawler.self, DeleteCrawler.self,
        StartCrawler.self, StopCrawler.self, GetCrawlerMetrics.self,
    ]
}
