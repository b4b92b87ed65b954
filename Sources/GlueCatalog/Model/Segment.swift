/// A slice of a table's partitions for parallel `GetPartitions` calls.
///
/// Mirrors Glue's `Segment`.
public struct Segment: Codable, Hashable, Sendable {
    /// `SegmentNumber`.
    public var segmentNumber: Int
    /// `TotalSegments`.
    public var totalSegments: Int

    /// Creates the value; members follow the AWS shape.
    public init(
        segmentNumber: Int,
        totalSegments: Int
    ) {
        self.segmentNumber = segmentNumber
        self.totalSegments = totalSegments
    }

    enum CodingKeys: String, CodingKey {
        case segmentNumber = "SegmentNumber"
        case totalSegments = "TotalSegments"
    }
}
