/// The request of Glue `GetDatabases`: lists databases, a page at a time.
public struct GetDatabasesRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `NextToken`.
    public var nextToken: String?
    /// `MaxResults`.
    public var maxResults: Int?
    /// `ResourceShareType`.
    public var resourceShareType: String?
    /// `AttributesToGet`.
    public var attributesToGet: [String]?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        nextToken: String? = nil,
        maxResults: Int? = nil,
        resourceShareType: String? = nil,
        attributesToGet: [String]? = nil
    ) {
        self.catalogId = catalogId
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.resourceShareType = resourceShareType
        self.attributesToGet = attributesToGet
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case resourceShareType = "ResourceShareType"
        case attributesToGet = "AttributesToGet"
    }
}

/// The response of Glue `GetDatabases`.
public struct GetDatabasesResponse: Codable, Hashable, Sendable {
    /// `DatabaseList`.
    public var databaseList: [Database]
    /// `NextToken`.
    public var nextToken: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        databaseList: [Database],
        nextToken: String? = nil
    ) {
        self.databaseList = databaseList
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case databaseList = "DatabaseList"
        case nextToken = "NextToken"
    }
}
