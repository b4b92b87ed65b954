/// The values that name one partition.
///
/// Mirrors Glue's `PartitionValueList`.
public struct PartitionValueList: Codable, Hashable, Sendable {
    /// One value per partition key, in key order.
    public var values: [String]

    /// Creates a value list.
    public init(values: [String]) { self.values = values }

    enum CodingKeys: String, CodingKey {
        case values = "Values"
    }
}
