import Foundation
import GlueCatalog

/// A crawler as `GetCrawler` and `GetCrawlers` return it.
///
/// Mirrors Glue's `Crawler`: the definition plus `State` (`READY`, `RUNNING`, `STOPPING`),
/// `CrawlElapsedTime` (milliseconds, while running), `CreationTime`, `LastUpdated`, `LastCrawl`
/// and `Version`.
public struct Crawler: Codable, Hashable, Sendable {
    public var name: String
    public var role: String
    public var targets: CrawlerTargets
    public var databaseName: String?
    public var description: String?
    public var classifiers: [String]
    public var recrawlPolicy: RecrawlPolicy
    public var schemaChangePolicy: SchemaChangePolicy
    public var lineageConfiguration: GlueCatalog.JSONValue
    /// `READY`, `RUNNING` or `STOPPING`.
    public var state: String
    public var tablePrefix: String?
    public var schedule: CrawlerSchedule?
    /// Milliseconds since the running crawl started (0 when not running).
    public var crawlElapsedTime: Int64
    public var creationTime: Date
    public var lastUpdated: Date
    public var lastCrawl: LastCrawlInfo?
    /// Starts at 1; every `UpdateCrawler` adds one.
    public var version: Int64
    public var configuration: String?
    public var crawlerSecurityConfiguration: String?
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
