import Foundation

/// The definition of a partition in `CreatePartition`, `BatchCreatePartition` and `UpdatePartition`.
///
/// Mirrors Glue's `PartitionInput`. `Values` are in the order of the table's `PartitionKeys`.
public struct PartitionInput: Codable, Hashable, Sendable {
    /// One value per partition key, in key order.
    public var values: [String]?
    /// When the partition was last read.
    public var lastAccessTime: Date?
    /// The partition's own storage (its folder, formats, columns).
    public var storageDescriptor: StorageDescriptor?
    /// Partition properties.
    public var parameters: [String: String]?
    /// When column statistics were last computed.
    public var lastAnalyzedTime: Date?

    /// Creates a partition input.
    public init(
        values: [String]? = nil, lastAccessTime: Date? = nil, storageDescriptor: StorageDescriptor? = nil,
        parameters: [String: String]? = nil, lastAnalyzedTime: Date? = nil
    ) {
        self.values = values
        self.lastAccessTime = lastAccessTime
        self.storageDescriptor = storageDescriptor
        self.parameters = parameters
        self.lastAnalyzedTime = lastAnalyzedTime
    }

    enum CodingKeys: String, CodingKey {
        case values = "Values", lastAccessTime = "LastAccessTime", storageDescriptor = "StorageDescriptor"
        case parameters = "Parameters", lastAnalyzedTime = "LastAnalyzedTime"
    }
}
