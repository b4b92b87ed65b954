/// The request of Glue `BatchDeletePartition`: deletes up to 25 partitions, reporting each failure.
public struct BatchDeletePartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `PartitionsToDelete`.
    public var partitionsToDelete: [PartitionValueList]

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        partitionsToDelete: [PartitionValueList]
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.partitionsToDelete = partitionsToDelete
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case partitionsToDelete = "PartitionsToDelete"
    }
}

/// The response of Glue `BatchDeletePartition`.
public struct BatchDeletePartitionResponse: Codable, Hashable, Sendable {
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
