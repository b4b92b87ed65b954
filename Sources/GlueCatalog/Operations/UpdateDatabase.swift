/// The request of Glue `UpdateDatabase`: replaces a database's definition.
public struct UpdateDatabaseRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `Name`.
    public var name: String
    /// `DatabaseInput`.
    public var databaseInput: DatabaseInput

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        name: String,
        databaseInput: DatabaseInput
    ) {
        self.catalogId = catalogId
        self.name = name
        self.databaseInput = databaseInput
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case name = "Name"
        case databaseInput = "DatabaseInput"
    }
}
