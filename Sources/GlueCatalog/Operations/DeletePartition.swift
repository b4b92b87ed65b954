/// The request of Glue `DeletePartition`: deletes a partition.
public struct DeletePartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `PartitionValues`.
    public var partitionValues: [String]

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        partitionValues: [String]
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.partitionValues = partitionValues
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case partitionValues = "PartitionValues"
    }
}
