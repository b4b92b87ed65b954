import Foundation

/// The request of Glue `GetTables`: lists a database's tables whose names match `Expression`, a page at a time.
public struct GetTablesRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `Expression`.
    public var expression: String?
    /// `NextToken`.
    public var nextToken: String?
    /// `MaxResults`.
    public var maxResults: Int?
    /// `TransactionId`.
    public var transactionId: String?
    /// `QueryAsOfTime`.
    public var queryAsOfTime: Date?
    /// `AuditContext`.
    public var auditContext: JSONValue?
    /// `IncludeStatusDetails`.
    public var includeStatusDetails: Bool?
    /// `AttributesToGet`.
    public var attributesToGet: [String]?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        expression: String? = nil,
        nextToken: String? = nil,
        maxResults: Int? = nil,
        transactionId: String? = nil,
        queryAsOfTime: Date? = nil,
        auditContext: JSONValue? = nil,
        includeStatusDetails: Bool? = nil,
        attributesToGet: [String]? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.expression = expression
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.transactionId = transactionId
        self.queryAsOfTime = queryAsOfTime
        self.auditContext = auditContext
        self.includeStatusDetails = includeStatusDetails
        self.attributesToGet = attributesToGet
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case expression = "Expression"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case transactionId = "TransactionId"
        case queryAsOfTime = "QueryAsOfTime"
        case auditContext = "AuditContext"
        case includeStatusDetails = "IncludeStatusDetails"
        case attributesToGet = "AttributesToGet"
    }
}

/// The response of Glue `GetTables`.
public struct GetTablesResponse: Codable, Hashable, Sendable {
    /// `TableList`.
    public var tableList: [Table]?
    /// `NextToken`.
    public var nextToken: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        tableList: [Table]? = nil,
        nextToken: String? = nil
    ) {
        self.tableList = tableList
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case tableList = "TableList"
        case nextToken = "NextToken"
    }
}
