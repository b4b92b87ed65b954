/// The request of Glue `BatchGetPartition`: returns up to 1000 partitions by their values.
public struct BatchGetPartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `PartitionsToGet`.
    public var partitionsToGet: [PartitionValueList]
    /// `AuditContext`.
    public var auditContext: JSONValue?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        partitionsToGet: [PartitionValueList],
        auditContext: JSONValue? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.partitionsToGet = partitionsToGet
        self.auditContext = auditContext
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case partitionsToGet = "PartitionsToGet"
        case auditContext = "AuditContext"
    }
}

/// The response of Glue `BatchGetPartition`.
public struct BatchGetPartitionResponse: Codable, Hashable, Sendable {
    /// `Partitions`.
    public var partitions: [Partition]?
    /// `UnprocessedKeys`.
    public var unprocessedKeys: [PartitionValueList]?

    /// Creates the value; members follow the AWS shape.
    public init(
        partitions: [Partition]? = nil,
        unprocessedKeys: [PartitionValueList]? = nil
    ) {
        self.partitions = partitions
        self.unprocessedKeys = unprocessedKeys
    }

    enum CodingKeys: String, CodingKey {
        case partitions = "Partitions"
        case unprocessedKeys = "UnprocessedKeys"
    }
}
