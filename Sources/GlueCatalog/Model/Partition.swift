import Foundation

/// A partition of a table, as `GetPartition(s)` returns it.
///
/// Mirrors Glue's `Partition`: the fields of ``PartitionInput`` plus `DatabaseName`, `TableName`,
/// `CreationTime` and `CatalogId`.
public struct Partition: Codable, Hashable, Sendable {
    /// One value per partition key, in key order.
    public var values: [String]?
    /// The lower-cased database name.
    public var databaseName: String?
    /// The lower-cased table name.
    public var tableName: String?
    /// When the partition was created.
    public var creationTime: Date?
    /// When the partition was last read.
    public var lastAccessTime: Date?
    /// The partition's own storage.
    public var storageDescriptor: StorageDescriptor?
    /// Partition properties.
    public var parameters: [String: String]?
    /// When column statistics were last computed.
    public var lastAnalyzedTime: Date?
    /// The catalog's ID (the account).
    public var catalogId: String?

    /// Creates a partition from its stored input.
    public init(input: PartitionInput, databaseName: String, tableName: String, creationTime: Date?, catalogId: String?) {
        values = input.values
        self.databaseName = databaseName
        self.tableName = tableName
        self.creationTime = creationTime
        lastAccessTime = input.lastAccessTime
        storageDescriptor = input.storageDescriptor
        parameters = input.parameters
        lastAnalyzedTime = input.lastAnalyzedTime
        self.catalogId = catalogId
    }

    enum CodingKeys: String, CodingKey {
        case values = "Values", databaseName = "DatabaseName", tableName = "TableName"
        case creationTime = "CreationTime", lastAccessTime = "LastAccessTime"
        case storageDescriptor = "StorageDescriptor", parameters = "Parameters"
        case lastAnalyzedTime = "LastAnalyzedTime", catalogId = "CatalogId"
    }
}
