import Foundation

/// The request of Glue `GetTable`: returns one table.
public struct GetTableRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `Name`.
    public var name: String
    /// `TransactionId`.
    public var transactionId: String?
    /// `QueryAsOfTime`.
    public var queryAsOfTime: Date?
    /// `AuditContext`.
    public var auditContext: JSONValue?
    /// `IncludeStatusDetails`.
    public var includeStatusDetails: Bool?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        name: String,
        transactionId: String? = nil,
        queryAsOfTime: Date? = nil,
        auditContext: JSONValue? = nil,
        includeStatusDetails: Bool? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.name = name
        self.transactionId = transactionId
        self.queryAsOfTime = queryAsOfTime
        self.auditContext = auditContext
        self.includeStatusDetails = includeStatusDetails
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case name = "Name"
        case transactionId = "TransactionId"
        case queryAsOfTime = "QueryAsOfTime"
        case auditContext = "AuditContext"
        case includeStatusDetails = "IncludeStatusDetails"
    }
}

/// The response of Glue `GetTable`.
public struct GetTableResponse: Codable, Hashable, Sendable {
    /// `Table`.
    public var table: Table?

    /// Creates the value; members follow the AWS shape.
    public init(
        table: Table? = nil
    ) {
        self.table = table
    }

    enum CodingKeys: String, CodingKey {
        case table = "Table"
    }
}
