/// The request of Glue `GetTableVersion`: returns one version of a table (the current one when `VersionId` is absent).
public struct GetTableVersionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `VersionId`.
    public var versionId: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        versionId: String? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.versionId = versionId
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case versionId = "VersionId"
    }
}

/// The response of Glue `GetTableVersion`.
public struct GetTableVersionResponse: Codable, Hashable, Sendable {
    /// `TableVersion`.
    public var tableVersion: TableVersion?

    /// Creates the value; members follow the AWS shape.
    public init(
        tableVersion: TableVersion? = nil
    ) {
        self.tableVersion = tableVersion
    }

    enum CodingKeys: String, CodingKey {
        case tableVersion = "TableVersion"
    }
}
