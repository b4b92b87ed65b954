/// The request of Glue `BatchDeleteTable`: deletes up to 100 tables, reporting each failure.
public struct BatchDeleteTableRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `TablesToDelete`.
    public var tablesToDelete: [String]
    /// `TransactionId`.
    public var transactionId: String?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        tablesToDelete: [String],
        transactionId: String? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.tablesToDelete = tablesToDelete
        self.transactionId = transactionId
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case tablesToDelete = "TablesToDelete"
        case transactionId = "TransactionId"
    }
}

/// The response of Glue `BatchDeleteTable`.
public struct BatchDeleteTableResponse: Codable, Hashable, Sendable {
    /// `Errors`.
    public var errors: [TableError]?

    /// Creates the value; members follow the AWS shape.
    public init(
        errors: [TableError]? = nil
    ) {
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case errors = "Errors"
    }
}
