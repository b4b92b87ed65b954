/// The request of Glue `GetDatabase`: returns one database.
public struct GetDatabaseRequest: Codable, Hashable, Sendable {
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

/// The response of Glue `GetDatabase`.
public struct GetDatabaseResponse: Codable, Hashable, Sendable {
    /// `Database`.
    public var database: Database

    /// Creates the value; members follow the AWS shape.
    public init(
        database: Database
    ) {
        self.database = database
    }

    enum CodingKeys: String, CodingKey {
        case database = "Database"
    }
}
