/// The request of Glue `GetTableVersions`: lists a table's versions, newest first, a page at a time.
public struct GetTableVersionsRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `NextToken`.
    public var nextToken: String?
    /// `MaxResults`.
    public var maxResults: Int?
    /// `AuditContext`.
    public var auditContext: JSONValue?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        nextToken: String? = nil,
        maxResults: Int? = nil,
        auditContext: JSONValue? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.auditContext = auditContext
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case auditContext = "AuditContext"
    }
}

/// The response of Glue `GetTableVersions`.
public struct GetTableVersionsResponse: Codable, Hashable, Sendable {
    /// `TableVersions`.
    public var tableVersions: [TableVersion]?
    /// `NextToken`.
    public var nextToken: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        tableVersions: [TableVersion]? = nil,
        nextToken: String? = nil
    ) {
        self.tableVersions = tableVersions
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case tableVersions = "TableVersions"
        case nextToken = "NextToken"
    }
}
