/// The request of Glue `CreateTable`: creates a table (version 1).
public struct CreateTableRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `Name`.
    public var name: String?
    /// `TableInput`.
    public var tableInput: TableInput?
    /// `PartitionIndexes`.
    public var partitionIndexes: [JSONValue]?
    /// `TransactionId`.
    public var transactionId: String?
    /// `OpenTableFormatInput`.
    public var openTableFormatInput: JSONValue?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        name: String? = nil,
        tableInput: TableInput? = nil,
        partitionIndexes: [JSONValue]? = nil,
        transactionId: String? = nil,
        openTableFormatInput: JSONValue? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.name = name
        self.tableInput = tableInput
        self.partitionIndexes = partitionIndexes
        self.transactionId = transactionId
        self.openTableFormatInput = openTableFormatInput
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case name = "Name"
        case tableInput = "TableInput"
        case partitionIndexes = "PartitionIndexes"
        case transactionId = "TransactionId"
        case openTableFormatInput = "OpenTableFormatInput"
    }
}
