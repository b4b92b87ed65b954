/// One entry of `BatchUpdatePartition`.
///
/// Mirrors Glue's `BatchUpdatePartitionRequestEntry`.
public struct BatchUpdatePartitionRequestEntry: Codable, Hashable, Sendable {
    /// `PartitionValueList`.
    public var partitionValueList: [String]
    /// `PartitionInput`.
    public var partitionInput: PartitionInput

    /// Creates the value; members follow the AWS shape.
    public init(
        partitionValueList: [String],
        partitionInput: PartitionInput
    ) {
        self.partitionValueList = partitionValueList
        self.partitionInput = partitionInput
    }

    enum CodingKeys: String, CodingKey {
        case partitionValueList = "PartitionValueList"
        case partitionInput = "PartitionInput"
    }
}
