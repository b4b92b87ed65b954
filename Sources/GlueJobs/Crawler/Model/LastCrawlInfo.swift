import Foundation

/// How the last crawl ended.
///
/// Mirrors Glue's `LastCrawlInfo`: `Status` is `SUCCEEDED`, `CANCELLED` or `FAILED`; the log group
/// is `/aws-glue/crawlers` and the stream the crawler's name (locally the file
/// `LAKE/logs/crawlers/NAME.log`).
public struct LastCrawlInfo: Codable, Hashable, Sendable {
    /// `SUCCEEDED`, `CANCELLED` or `FAILED`.
    public var status: String?
    /// Why the crawl failed.
    public var errorMessage: String?
    /// `/aws-glue/crawlers`.
    public var logGroup: String?
    /// The crawler's name.
    public var logStream: String?
    /// The prefix of this crawl's log lines (the crawl's ID).
    public var messagePrefix: String?
    /// When the crawl started.
    public var startTime: Date?

    /// Creates a crawl summary.
    public init(
        status: String? = nil, errorMessage: String? = nil, logGroup: String? = nil, logStream: String? = nil,
        messagePrefix: String? = nil, startTime: Date? = nil
    ) {
        self.status = status
        self.errorMessage = errorMessage
        self.logGroup = logGroup
        self.logStream = logStream
        self.messagePrefix = messagePrefix
        self.startTime = startTime
    }

    enum CodingKeys: String, CodingKey {
        case status = "Status", errorMessage = "ErrorMessage", logGroup = "LogGroup", logStream = "LogStream"
        case messagePrefix = "MessagePrefix", startTime = "StartTime"
    }
}
