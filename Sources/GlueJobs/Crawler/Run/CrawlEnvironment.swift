import Foundation
import GlueCatalog
import GlueStorage

/// What a crawl runs against: the object store and the catalog, both already acting as the
/// crawler's role, plus its log and its stop signal.
public struct CrawlEnvironment: Sendable {
    /// The buckets, every call authorized for the crawler's role.
    public var objectStore: any ObjectStore
    /// The Data Catalog, every call authorized for the crawler's role.
    public var catalog: any CatalogStore
    /// Receives the crawl's log lines.
    public var log: @Sendable (String) -> Void
    /// Whether `StopCrawler` was called.
    public var isStopRequested: @Sendable () -> Bool
    /// The crawl's clock (for `DEPRECATED_BY_CRAWLER`).
    public var now: @Sendable () -> Date

    /// Creates an environment.
    public init(
        objectStore: any ObjectStore, catalog: any CatalogStore, log: @escaping @Sendable (String) -> Void = { _ in },
        isStopRequested: @escaping @Sendable () -> Bool = { false }, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.objectStore = objectStore
        self.catalog = catalog
        self.log = log
        self.isStopRequested = isStopRequested
        self.now = now
    }
}
