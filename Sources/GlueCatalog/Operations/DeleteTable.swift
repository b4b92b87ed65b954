/// The request of Glue `DeleteTable`: deletes a table with its versions and partitions.
public struct DeleteTableRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `Name`.
    public var name: String
    /// `TransactionId`.
    public var transactionId: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        name: String,
        transactionId: String? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.name = name
        self.transactionId = transactionId
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case name = "Name"
        case transactionId = "TransactionId"
    }
}
