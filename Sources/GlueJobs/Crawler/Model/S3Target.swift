/// One Amazon S3 include path of a crawler.
///
/// Mirrors Glue's `S3Target`. `Exclusions` are glob patterns relative to `Path` (see
/// ``CrawlerExclusion``); `SampleSize` limits the files crawled per leaf folder (1...249).
public struct S3Target: Codable, Hashable, Sendable {
    /// The include path, `s3://bucket/prefix/`.
    public var path: String?
    /// Glob patterns of keys (relative to `path`) to leave out.
    public var exclusions: [String]?
    /// A connection name (accepted, not used locally).
    public var connectionName: String?
    /// How many files of each leaf folder to crawl (all when absent).
    public var sampleSize: Int?
    /// An SQS queue for event mode (accepted, not used locally).
    public var eventQueueArn: String?
    /// A dead-letter queue for event mode (accepted, not used locally).
    public var dlqEventQueueArn: String?

    /// Creates an S3 target.
    public init(
        path: String? = nil, exclusions: [String]? = nil, connectionName: String? = nil, sampleSize: Int? = nil,
        eventQueueArn: String? = nil, dlqEventQueueArn: String? = nil
    ) {
        self.path = path
        self.exclusions = exclusions
        self.connectionName = connectionName
        self.sampleSize = sampleSize
        self.eventQueueArn = eventQueueArn
        self.dlqEventQueueArn = dlqEventQueueArn
    }

    enum CodingKeys: String, CodingKey {
        case path = "Path", exclusions = "Exclusions", connectionName = "ConnectionName", sampleSize = "SampleSize"
        case eventQueueArn = "EventQueueArn", dlqEventQueueArn = "DlqEventQueueArn"
    }
}
