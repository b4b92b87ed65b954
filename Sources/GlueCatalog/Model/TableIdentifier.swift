/// The target of a resource link to a table, possibly in another catalog.
///
/// Mirrors Glue's `TableIdentifier`.
public struct TableIdentifier: Codable, Hashable, Sendable {
    /// The catalog (account) of the target.
    public var catalogId: String?
    /// The target's database.
    public var databaseName: String?
    /// The target table's name.
    public var name: String?
    /// The target's region.
    public var region: String?

    /// Creates a table identifier.
    public init(catalogId: String? = nil, databaseName: String? = nil, name: String? = nil, region: String? = nil) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.name = name
        self.region = region
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId", databaseName = "DatabaseName", name = "Name", region = "Region"
    }
}
