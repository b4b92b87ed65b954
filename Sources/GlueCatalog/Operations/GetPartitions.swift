import Foundation

/// The request of Glue `GetPartitions`: lists the partitions that match `Expression`, a page at a time.
public struct GetPartitionsRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `Expression`.
    public var expression: String?
    /// `NextToken`.
    public var nextToken: String?
    /// `Segment`.
    public var segment: Segment?
    /// `MaxResults`.
    public var maxResults: Int?
    /// `ExcludeColumnSchema`.
    public var excludeColumnSchema: Bool?
    /// `TransactionId`.
    public var transactionId: String?
    /// `QueryAsOfTime`.
    public var queryAsOfTime: Date?
    /// `AuditContext`.
    public var auditContext: JSONValue?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        expression: String? = nil,
        nextToken: String? = nil,
        segment: Segment? = nil,
        maxResults: Int? = nil,
        excludeColumnSchema: Bool? = nil,
        transactionId: String? = nil,
        queryAsOfTime: Date? = nil,
        auditContext: JSONValue? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.expression = expression
        self.nextToken = nextToken
        self.segment = segment
        self.maxResults = maxResults
        self.excludeColumnSchema = excludeColumnSchema
        self.transactionId = transactionId
        self.queryAsOfTime = queryAsOfTime
        self.auditContext = auditContext
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case expression = "Expression"
        case nextToken = "NextToken"
        case segment = "Segment"
        case maxResults = "MaxResults"
        case excludeColumnSchema = "ExcludeColumnSchema"
        case transactionId = "TransactionId"
        case queryAsOfTime = "QueryAsOfTime"
        case auditContext = "AuditContext"
    }
}

/// The response of Glue `GetPartitions`.
public struct GetPartitionsResponse: Codable, Hashable, Sendable {
    /// `Partitions`.
    public var partitions: [Partition]?
    /// `NextToken`.
    public var nextToken: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        partitions: [Partition]? = nil,
        nextToken: String? = nil
    ) {
        self.partitions = partitions
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case partitions = "Partitions"
        case nextToken = "NextToken"
    }
}
