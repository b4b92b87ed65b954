/// The request of Glue `CreateDatabase`: creates a database.
public struct CreateDatabaseRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseInput`.
    public var databaseInput: DatabaseInput
    /// `Tags`.
    public var tags: [String: String]?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseInput: DatabaseInput,
        tags: [String: String]? = nil
    ) {
        self.catalogId = catalogId
        self.databaseInput = databaseInput
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseInput = "DatabaseInput"
        case tags = "Tags"
    }
}
