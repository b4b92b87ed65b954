import GlueCatalog

/// What a crawler crawls.
///
/// Mirrors Glue's `CrawlerTargets`. LocalGlue crawls `S3Targets`; the other kinds are kept as given
/// so a definition round-trips, and a crawl with them fails with a clear message.
public struct CrawlerTargets: Codable, Hashable, Sendable {
    /// Amazon S3 include paths.
    public var s3Targets: [S3Target]?
    /// JDBC targets (kept, not crawled).
    public var jdbcTargets: [GlueCatalog.JSONValue]?
    /// MongoDB targets (kept, not crawled).
    public var mongoDBTargets: [GlueCatalog.JSONValue]?
    /// DynamoDB targets (kept, not crawled).
    public var dynamoDBTargets: [GlueCatalog.JSONValue]?
    /// Data Catalog targets (kept, not crawled).
    public var catalogTargets: [GlueCatalog.JSONValue]?
    /// Delta Lake targets (kept, not crawled).
    public var deltaTargets: [GlueCatalog.JSONValue]?
    /// Iceberg targets (kept, not crawled).
    public var icebergTargets: [GlueCatalog.JSONValue]?
    /// Hudi targets (kept, not crawled).
    public var hudiTargets: [GlueCatalog.JSONValue]?

    /// Creates a target list.
    public init(s3Targets: [S3Target]? = nil) {
        self.s3Targets = s3Targets
    }

    /// Whether any target is of a kind LocalGlue does not crawl.
    public var hasUnsupportedTargets: Bool {
        [jdbcTargets, mongoDBTargets, dynamoDBTargets, catalogTargets, deltaTargets, icebergTargets, hudiTargets]
            .contains { !($0 ?? []).isEmpty }
    }

    enum CodingKeys: String, CodingKey {
        case s3Targets = "S3Targets", jdbcTargets = "JdbcTargets", mongoDBTargets = "MongoDBTargets"
        case dynamoDBTargets = "DynamoDBTargets", catalogTargets = "CatalogTargets", deltaTargets = "DeltaTargets"
        case icebergTargets = "IcebergTargets", hudiTargets = "HudiTargets"
    }
}
