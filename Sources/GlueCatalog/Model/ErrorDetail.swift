import GlueCore

/// The error of one item of a batch call.
///
/// Mirrors Glue's `ErrorDetail`.
public struct ErrorDetail: Codable, Hashable, Sendable {
    /// The AWS error code, such as `AlreadyExistsException`.
    public var errorCode: String?
    /// The message.
    public var errorMessage: String?

    /// Creates an error detail.
    public init(errorCode: String?, errorMessage: String?) {
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// The detail of a thrown error.
    public init(_ error: GlueError) {
        self.init(errorCode: error.code.rawValue, errorMessage: error.message)
    }

    enum CodingKeys: String, CodingKey {
        case errorCode = "ErrorCode", errorMessage = "ErrorMessage"
    }
}

/// The failure of one partition in a batch call.
///
/// Mirrors Glue's `PartitionError`.
public struct PartitionError: Codable, Hashable, Sendable {
    /// The partition's values.
    public var partitionValues: [String]?
    /// What went wrong.
    public var errorDetail: ErrorDetail?

    /// Creates a partition error.
    public init(partitionValues: [String]?, errorDetail: ErrorDetail?) {
        self.partitionValues = partitionValues
        self.errorDetail = errorDetail
    }

    enum CodingKeys: String, CodingKey {
        case partitionValues = "PartitionValues", errorDetail = "ErrorDetail"
    }
}

/// The failure of one table in `BatchDeleteTable`.
///
/// Mirrors Glue's `TableError`.
public struct TableError: Codable, Hashable, Sendable {
    /// The table's name.
    public var tableName: String?
    /// What went wrong.
    public var errorDetail: ErrorDetail?

    /// Creates a table error.
    public init(tableName: String?, errorDetail: ErrorDetail?) {
        self.tableName = tableName
        self.errorDetail = errorDetail
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName", errorDetail = "ErrorDetail"
    }
}

/// The failure of one entry in `BatchUpdatePartition`.
///
/// Mirrors Glue's `BatchUpdatePartitionFailureEntry`.
public struct BatchUpdatePartitionFailureEntry: Codable, Hashable, Sendable {
    /// The partition's values.
    public var partitionValueList: [String]?
    /// What went wrong.
    public var errorDetail: ErrorDetail?

    /// Creates a failure entry.
    public init(partitionValueList: [String]?, errorDetail: ErrorDetail?) {
        self.partitionValueList = partitionValueList
        self.errorDetail = errorDetail
    }

    enum CodingKeys: String, CodingKey {
        case partitionValueList = "PartitionValueList", errorDetail = "ErrorDetail"
    }
}
