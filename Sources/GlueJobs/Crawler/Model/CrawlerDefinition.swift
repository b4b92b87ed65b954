import GlueCatalog
import GlueCore

/// A crawler as `CreateCrawler` defines it and `UpdateCrawler` changes it.
///
/// Mirrors the members of Glue's `CreateCrawlerRequest`. `Schedule` is the cron string of the
/// request; `GetCrawler` reports it as a ``CrawlerSchedule``.
public struct CrawlerDefinition: Codable, Hashable, Sendable {
    /// The crawler's name (1...255 characters, single line).
    public var name: String
    /// The IAM role (name or ARN) the crawl runs as.
    public var role: String
    /// The database the tables go to (`default` when absent).
    public var databaseName: String?
    /// A description (up to 2048 characters).
    public var description: String?
    /// What to crawl.
    public var targets: CrawlerTargets
    /// A cron expression (kept; LocalGlue does not schedule).
    public var schedule: String?
    /// Custom classifier names (kept; only built-in classifiers run locally).
    public var classifiers: [String]?
    /// A prefix for the names of the tables created (up to 128 characters).
    public var tablePrefix: String?
    /// What to do with changed and deleted objects.
    public var schemaChangePolicy: SchemaChangePolicy?
    /// Whether to crawl everything or only new folders.
    public var recrawlPolicy: RecrawlPolicy?
    /// Lineage settings (kept).
    public var lineageConfiguration: GlueCatalog.JSONValue?
    /// Lake Formation settings (kept).
    public var lakeFormationConfiguration: GlueCatalog.JSONValue?
    /// The versioned JSON configuration string (`{"Version":1.0,"Grouping":{...},"CrawlerOutput":{...}}`).
    public var configuration: String?
    /// A security configuration name (kept).
    public var crawlerSecurityConfiguration: String?
    /// Tags (kept).
    public var tags: [String: String]?

    /// Creates a definition.
    public init(
        name: String, role: String, databaseName: String? = nil, description: String? = nil, targets: CrawlerTargets,
        schedule: String? = nil, classifiers: [String]? = nil, tablePrefix: String? = nil,
        schemaChangePolicy: SchemaChangePolicy? = nil, recrawlPolicy: RecrawlPolicy? = nil, configuration: String? = nil
    ) {
        self.name = name
        self.role = role
        self.databaseName = databaseName
        self.description = description
        self.targets = targets
        self.schedule = schedule
        self.classifiers = classifiers
        self.tablePrefix = tablePrefix
        self.schemaChangePolicy = schemaChangePolicy
        self.recrawlPolicy = recrawlPolicy
        self.configuration = configuration
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", role = "Role", databaseName = "DatabaseName", description = "Description", targets = "Targets"
        case schedule = "Schedule", classifiers = "Classifiers", tablePrefix = "TablePrefix"
        case schemaChangePolicy = "SchemaChangePolicy", recrawlPolicy = "RecrawlPolicy"
        case lineageConfiguration = "LineageConfiguration", lakeFormationConfiguration = "LakeFormationConfiguration"
        case configuration = "Configuration", crawlerSecurityConfiguration = "CrawlerSecurityConfiguration", tags = "Tags"
    }

    /// The database the crawl writes to.
    public var effectiveDatabaseName: String { databaseName ?? "default" }

    /// The parsed `Configuration` string.
    ///
    /// - Throws: `InvalidInputException` when it is not a JSON object with a `Version`.
    public func parsedConfiguration() throws(GlueError) -> CrawlerConfiguration {
        try CrawlerConfiguration(parsing: configuration)
    }

    /// Checks the definition as `CreateCrawler` and `UpdateCrawler` do.
    ///
    /// - Throws: `InvalidInputException` naming the first problem.
    public func validate() throws(GlueError) {
        func invalid(_ message: String) -> GlueError { GlueError(.invalidInput, message) }
        guard !name.isEmpty, name.count <= 255, !name.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            throw invalid("1 validation error detected: Value '\(name)' at 'name' failed to satisfy constraint: Member must have length between 1 and 255 and be a single line")
        }
        guard !role.isEmpty else { throw invalid("Role should not be empty") }
        if let description, description.count > 2048 {
            throw invalid("1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048")
        }
        if let tablePrefix, tablePrefix.count > 128 {
            throw invalid("1 validation error detected: Value '\(tablePrefix)' at 'tablePrefix' failed to satisfy constraint: Member must have length less than or equal to 128")
        }
        let s3 = targets.s3Targets ?? []
        guard !s3.isEmpty || targets.hasUnsupportedTargets else { throw invalid("Crawler must have at least one target") }
        for target in s3 {
            guard let path = target.path, path.hasPrefix("s3://"), path.count > 5 else {
                throw invalid("S3 target path must be an Amazon S3 location such as s3://bucket/prefix/, not '\(target.path ?? "")'")
            }
            if let size = target.sampleSize, !(1...249).contains(size) {
                throw invalid("SampleSize must be between 1 and 249, not \(size)")
            }
        }
        if let update = schemaChangePolicy?.updateBehavior, !SchemaChangePolicy.updateBehaviors.contains(update) {
            throw invalid("1 validation error detected: Value '\(update)' at 'schemaChangePolicy.updateBehavior' failed to satisfy constraint: Member must satisfy enum value set: [LOG, UPDATE_IN_DATABASE]")
        }
        if let delete = schemaChangePolicy?.deleteBehavior, !SchemaChangePolicy.deleteBehaviors.contains(delete) {
            throw invalid("1 validation error detected: Value '\(delete)' at 'schemaChangePolicy.deleteBehavior' failed to satisfy constraint: Member must satisfy enum value set: [LOG, DELETE_FROM_DATABASE, DEPRECATE_IN_DATABASE]")
        }
        if let behavior = recrawlPolicy?.recrawlBehavior, !RecrawlPolicy.behaviors.contains(behavior) {
            throw invalid("1 validation error detected: Value '\(behavior)' at 'recrawlPolicy.recrawlBehavior' failed to satisfy constraint: Member must satisfy enum value set: [CRAWL_EVERYTHING, CRAWL_NEW_FOLDERS_ONLY, CRAWL_EVENT_MODE]")
        }
        if recrawlPolicy?.crawlsNewFoldersOnly == true {
            let policy = schemaChangePolicy ?? SchemaChangePolicy()
            guard policy.updateBehavior == "LOG", policy.deleteBehavior == "LOG" else {
                throw invalid("The SchemaChangePolicy for \"Crawl new folders only\" Amazon S3 target can have only LOG DeleteBehavior value and LOG UpdateBehavior value.")
            }
        }
        _ = try parsedConfiguration()
    }
}
