/// What one crawl did to the catalog.
public struct CrawlOutcome: Sendable, Hashable {
    /// Tables created.
    public var tablesCreated = 0
    /// Tables whose definition changed.
    public var tablesUpdated = 0
    /// Tables deleted or marked deprecated.
    public var tablesDeleted = 0
    /// Partitions created.
    public var partitionsCreated = 0
    /// Partitions whose definition changed.
    public var partitionsUpdated = 0
    /// Partitions deleted.
    public var partitionsDeleted = 0
    /// The tables the crawl produced, `database.table`, in order.
    public var tables: [String] = []
    /// The folders read (`s3://bucket/prefix/`), remembered for `CRAWL_NEW_FOLDERS_ONLY`.
    public var crawledFolders: [String] = []

    /// An empty outcome.
    public init() {}
}
