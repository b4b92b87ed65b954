/// The request of Glue `DeleteDatabase`: deletes a database with its tables, versions and partitions.
public struct DeleteDatabaseRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `Name`.
    public var name: String

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        name: String
    ) {
        self.catalogId = catalogId
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case name = "Name"
    }
}
