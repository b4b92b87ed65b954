import Foundation
import GlueCatalog

/// A crawler as `GetCrawler` and `GetCrawlers` return it.
///
/// Mirrors Glue's `Crawler`: the definition plus `State` (`READY`, `RUNNING`, `STOPPING`),
/// `CrawlElapsedTime` (milliseconds, while running), `CreationTime`, `LastUpdated`, `LastCrawl`
/// and `Version`.
public struct Crawler: Codable, Hashable, Sendable {
    /// The crawler's name.
    public var name: String
    /// The IAM role the crawl runs as.
    public var role: String
    /// What it crawls.
    public var targets: CrawlerTargets
    /// The database its tables go to.
    public var databaseName: String?
    /// A description.
    public var description: String?
    /// Custom classifier names (kept, not used locally).
    public var classifiers: [String]
    /// Whether it crawls everything or only new folders.
    public var recrawlPolicy: RecrawlPolicy
    /// What it does with changed and deleted objects.
    public var schemaChangePolicy: SchemaChangePolicy
    /// Lineage settings (`CrawlerLineageSettings`, `DISABLE` by default).
    public var lineageConfiguration: GlueCatalog.JSONValue
    /// `READY`, `RUNNING` or `STOPPING`.
    public var state: String
    /// The prefix of the names of tables it creates.
    public var tablePrefix: String?
    /// Its schedule (never fires locally).
    public var schedule: CrawlerSchedule?
    /// Milliseconds since the running crawl started (0 when not running).
    public var crawlElapsedTime: Int64
    /// When it was created.
    public var creationTime: Date
    /// When its definition last changed.
    public var lastUpdated: Date
    /// How its last crawl ended.
    public var lastCrawl: LastCrawlInfo?
    /// Starts at 1; every `UpdateCrawler` adds one.
    public var version: Int64
    /// Its versioned JSON configuration.
    public var configuration: String?
    /// A security configuration name (kept).
    public var crawlerSecurityConfiguration: String?
    /// Lake Formation settings (kept).
    public var lakeFormationConfiguration: GlueCatalog.JSONValue?

    /// The output shape of a stored definition.
    public init(
        definition: CrawlerDefinition, state: String, crawlElapsedTime: Int64, creationTime: Date, lastUpdated: Date,
        lastCrawl: LastCrawlInfo?, version: Int64
    ) {
        name = definition.name
        role = definition.role
        targets = definition.targets
        databaseName = definition.databaseName
        description = definition.description
        classifiers = definition.classifiers ?? []
        recrawlPolicy = definition.recrawlPolicy ?? RecrawlPolicy(recrawlBehavior: "CRAWL_EVERYTHING")
        let policy = definition.schemaChangePolicy ?? SchemaChangePolicy()
        schemaChangePolicy = SchemaChangePolicy(updateBehavior: policy.effectiveUpdateBehavior, deleteBehavior: policy.effectiveDeleteBehavior)
        lineageConfiguration = definition.lineageConfiguration ?? .object(["CrawlerLineageSettings": .string("DISABLE")])
        self.state = state
        tablePrefix = definition.tablePrefix
        schedule = definition.schedule.map { CrawlerSchedule(scheduleExpression: $0, state: "NOT_SCHEDULED") }
        self.crawlElapsedTime = crawlElapsedTime
        self.creationTime = creationTime
        self.lastUpdated = lastUpdated
        self.lastCrawl = lastCrawl
        self.version = version
        configuration = definition.configuration
        crawlerSecurityConfiguration = definition.crawlerSecurityConfiguration
        lakeFormationConfiguration = definition.lakeFormationConfiguration
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", role = "Role", targets = "Targets", databaseName = "DatabaseName", description = "Description"
        case classifiers = "Classifiers", recrawlPolicy = "RecrawlPolicy", schemaChangePolicy = "SchemaChangePolicy"
        case lineageConfiguration = "LineageConfiguration", state = "State", tablePrefix = "TablePrefix", schedule = "Schedule"
        case crawlElapsedTime = "CrawlElapsedTime", creationTime = "CreationTime", lastUpdated = "LastUpdated"
        case lastCrawl = "LastCrawl", version = "Version", configuration = "Configuration"
        case crawlerSecurityConfiguration = "CrawlerSecurityConfiguration", lakeFormationConfiguration = "LakeFormationConfiguration"
    }
}
