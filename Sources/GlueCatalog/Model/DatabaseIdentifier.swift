/// The target of a resource link to a database, possibly in another catalog.
///
/// Mirrors Glue's `DatabaseIdentifier`.
public struct DatabaseIdentifier: Codable, Hashable, Sendable {
    /// The catalog (account) of the target.
    public var catalogId: String?
    /// The target database's name.
    public var databaseName: String?
    /// The target's region.
    public var region: String?

    /// Creates a database identifier.
    public init(catalogId: String? = nil, databaseName: String? = nil, region: String? = nil) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.region = region
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId", databaseName = "DatabaseName", region = "Region"
    }
}
