import Foundation
import GlueCore

/// Runs a stored crawler: `StartCrawler` then the crawl, in the calling process.
///
/// Locally a crawl is synchronous: ``start(name:environment:)`` returns when the crawl has ended
/// and the crawler is `READY` again (Glue's `StartCrawler` returns at once and the crawl goes on in
/// the service). Another process sees `RUNNING` meanwhile and may call `StopCrawler`.
public struct CrawlerRunner: Sendable {
    /// Where crawlers live.
    public let store: CrawlerStore

    /// A runner over a store.
    public init(store: CrawlerStore) {
        self.store = store
    }

    /// What a finished crawl reports.
    public struct Result: Sendable {
        /// The crawl's `LastCrawl`.
        public var lastCrawl: LastCrawlInfo
        /// What it did.
        public var outcome: CrawlOutcome
    }

    /// Starts a crawl and runs it to its end.
    ///
    /// - Parameter environment: makes the crawl's object store and catalog for the definition
    ///   (assuming its role); an error here fails the crawl like any other.
    /// - Throws: `EntityNotFoundException`, `CrawlerRunningException` (nothing is crawled then).
    ///   Errors of the crawl itself do not throw: they end it `FAILED` with their message.
    public func start(
        name: String, now: @Sendable () -> Date = { Date() },
        environment: (CrawlerDefinition) throws(GlueError) -> CrawlEnvironment
    ) throws(GlueError) -> Result {
        let started = now()
        let definition = try store.beginCrawl(name: name, now: started)
        let crawlID = UUID().uuidString.lowercased()
        var lastCrawl = LastCrawlInfo(
            status: "SUCCEEDED", logGroup: "/aws-glue/crawlers", logStream: name, messagePrefix: crawlID, startTime: started)
        var outcome = CrawlOutcome()
        do throws(GlueError) {
            var environment = try environment(definition)
            let store = self.store
            let external = environment.isStopRequested
            environment.isStopRequested = { external() || store.isStopRequested(name: name) }
            environment.log("[\(crawlID)] BENCHMARK : Running Start Crawl for Crawler \(name)")
            outcome = try Crawl.run(definition, environment: environment, previouslyCrawled: try self.store.crawledFolders(name: name))
            environment.log(
                "[\(crawlID)] Crawl finished: \(outcome.tablesCreated) tables created, \(outcome.tablesUpdated) updated, \(outcome.tablesDeleted) deleted; \(outcome.partitionsCreated) partitions created")
        } catch where error.code == Crawl.cancelled {
            lastCrawl.status = "CANCELLED"
        } catch {
            lastCrawl.status = "FAILED"
            lastCrawl.errorMessage = Self.errorMessage(error)
        }
        try store.finishCrawl(name: name, outcome: outcome, lastCrawl: lastCrawl, now: now())
        return Result(lastCrawl: lastCrawl, outcome: outcome)
    }

    /// A crawl error as `LastCrawl.ErrorMessage`: `CODE: message`, at most 2048 characters.
    static func errorMessage(_ error: GlueError) -> String {
        String("\(error.code.rawValue): \(error.message)".prefix(2048))
    }
}
