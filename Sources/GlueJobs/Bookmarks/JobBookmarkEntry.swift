/// Mirrors Glue `JobBookmarkEntry`, as `get-job-bookmark` and `reset-job-bookmark` return it.
public struct JobBookmarkEntry: Codable, Sendable, Equatable {
    public var jobName: String
    /// Increments on every update of the bookmark.
    public var version: Int
    /// Increments on every successful run that committed the bookmark.
    public var run: Int
    public var attempt: Int
    public var previousRunId: String?
    public var runId: String?
    /// The state per transformation context, as a JSON string (Glue's `JobBookmark`).
    public var jobBookmark: String

    enum CodingKeys: String, CodingKey {
        case jobName = "JobName"
        case version = "Version"
        case run = "Run"
        case attempt = "Attempt"
        case previousRunId = "PreviousRunId"
        case runId = "RunId"
        case jobBookmark = "JobBookmark"
    }

    /// Creates an entry.
    public init(jobName: String, version: Int, run: Int, attempt: Int, previousRunId: String?, runId: String?, jobBookmark: String) {
        self.jobName = jobName
        self.version = version
        self.run = run
        self.attempt = attempt
        self.previousRunId = previousRunId
        self.runId = runId
        self.jobBookmark = jobBookmark
    }
}
