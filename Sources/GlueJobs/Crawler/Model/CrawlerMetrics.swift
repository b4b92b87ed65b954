/// Figures about a crawler's runs.
///
/// Mirrors Glue's `CrawlerMetrics` (`GetCrawlerMetrics`).
public struct CrawlerMetrics: Codable, Hashable, Sendable {
    /// The crawler.
    public var crawlerName: String?
    /// Seconds left in the running crawl (0 locally: crawls are synchronous).
    public var timeLeftSeconds: Double?
    /// Whether the time left is still being estimated.
    public var stillEstimating: Bool?
    /// How long the last crawl took.
    public var lastRuntimeSeconds: Double?
    /// The median duration of the crawls so far.
    public var medianRuntimeSeconds: Double?
    /// Tables the last crawl created.
    public var tablesCreated: Int?
    /// Tables the last crawl updated.
    public var tablesUpdated: Int?
    /// Tables the last crawl deleted (or deprecated).
    public var tablesDeleted: Int?

    /// Creates metrics.
    public init(
        crawlerName: String? = nil, timeLeftSeconds: Double? = nil, stillEstimating: Bool? = nil,
        lastRuntimeSeconds: Double? = nil, medianRuntimeSeconds: Double? = nil, tablesCreated: Int? = nil,
        tablesUpdated: Int? = nil, tablesDeleted: Int? = nil
    ) {
        self.crawlerName = crawlerName
        self.timeLeftSeconds = timeLeftSeconds
        self.stillEstimating = stillEstimating
        self.lastRuntimeSeconds = lastRuntimeSeconds
        self.medianRuntimeSeconds = medianRuntimeSeconds
        self.tablesCreated = tablesCreated
        self.tablesUpdated = tablesUpdated
        self.tablesDeleted = tablesDeleted
    }

    enum CodingKeys: String, CodingKey {
        case crawlerName = "CrawlerName", timeLeftSeconds = "TimeLeftSeconds", stillEstimating = "StillEstimating"
        case lastRuntimeSeconds = "LastRuntimeSeconds", medianRuntimeSeconds = "MedianRuntimeSeconds"
        case tablesCreated = "TablesCreated", tablesUpdated = "TablesUpdated", tablesDeleted = "TablesDeleted"
    }
}
