/// The request of Glue `UpdatePartition`: replaces a partition's definition (its values cannot change).
public struct UpdatePartitionRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TableName`.
    public var tableName: String
    /// `PartitionValueList`.
    public var partitionValueList: [String]
    /// `PartitionInput`.
    public var partitionInput: PartitionInput

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tableName: String,
        partitionValueList: [String],
        partitionInput: PartitionInput
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tableName = tableName
        self.partitionValueList = partitionValueList
        self.partitionInput = partitionInput
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tableName = "TableName"
        case partitionValueList = "PartitionValueList"
        case partitionInput = "PartitionInput"
    }
}
