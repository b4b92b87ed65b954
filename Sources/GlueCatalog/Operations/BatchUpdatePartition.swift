/// The request of Glue `BatchUpdatePartition`: replaces up to 100 partitions' definitions, reporting each failure.
public struct BatchUpdatePartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `Entries`.
    public var entries: [BatchUpdatePartitionRequestEntry]

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        entries: [BatchUpdatePartitionRequestEntry]
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case entries = "Entries"
    }
}

/// The response of Glue `BatchUpdatePartition`.
public struct BatchUpdatePartitionResponse: Codable, Hashable, Sendable {
    /// `Errors`.
    public var errors: [BatchUpdatePartitionFailureEntry]?

    /// Creates the value; members follow the AWS shape.
    public init(
        errors: [BatchUpdatePartitionFailureEntry]? = nil
    ) {
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case errors = "Errors"
    }
}
