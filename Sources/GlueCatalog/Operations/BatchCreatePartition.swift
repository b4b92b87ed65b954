/// The request of Glue `BatchCreatePartition`: creates up to 100 partitions, reporting each failure.
public struct BatchCreatePartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `PartitionInputList`.
    public var partitionInputList: [PartitionInput]

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        partitionInputList: [PartitionInput]
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.partitionInputList = partitionInputList
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case partitionInputList = "PartitionInputList"
    }
}

/// The response of Glue `BatchCreatePartition`.
public struct BatchCreatePartitionResponse: Codable, Hashable, Sendable {
    /// `Errors`.
    public var errors: [PartitionError]?

    /// Creates the value; members follow the AWS shape.
    public init(
        errors: [PartitionError]? = nil
    ) {
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case errors = "Errors"
    }
}
