/// Whether a crawl reads everything again or only folders added since the last crawl.
///
/// Mirrors Glue's `RecrawlPolicy`: `CRAWL_EVERYTHING` (default), `CRAWL_NEW_FOLDERS_ONLY`, or
/// `CRAWL_EVENT_MODE` (S3 event queues; not available locally).
public struct RecrawlPolicy: Codable, Hashable, Sendable {
    /// `CRAWL_EVERYTHING`, `CRAWL_NEW_FOLDERS_ONLY` or `CRAWL_EVENT_MODE`.
    public var recrawlBehavior: String?

    /// Creates a policy.
    public init(recrawlBehavior: String? = nil) {
        self.recrawlBehavior = recrawlBehavior
    }

    /// The allowed values.
    public static let behaviors = ["CRAWL_EVERYTHING", "CRAWL_NEW_FOLDERS_ONLY", "CRAWL_EVENT_MODE"]

    /// Whether only new folders are crawled.
    public var crawlsNewFoldersOnly: Bool { recrawlBehavior == "CRAWL_NEW_FOLDERS_ONLY" }

    enum CodingKeys: String, CodingKey {
        case recrawlBehavior = "RecrawlBehavior"
    }
}
