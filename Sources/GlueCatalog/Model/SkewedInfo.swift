/// Values that appear very often in a column (Hive skew information).
///
/// Mirrors Glue's `SkewedInfo`.
public struct SkewedInfo: Codable, Hashable, Sendable {
    /// The skewed columns.
    public var skewedColumnNames: [String]?
    /// The frequent values.
    public var skewedColumnValues: [String]?
    /// Where each skewed value is stored.
    public var skewedColumnValueLocationMaps: [String: String]?

    /// Creates skew information.
    public init(
        skewedColumnNames: [String]? = nil, skewedColumnValues: [String]? = nil,
        skewedColumnValueLocationMaps: [String: String]? = nil
    ) {
        self.skewedColumnNames = skewedColumnNames
        self.skewedColumnValues = skewedColumnValues
        self.skewedColumnValueLocationMaps = skewedColumnValueLocationMaps
    }

    enum CodingKeys: String, CodingKey {
        case skewedColumnNames = "SkewedColumnNames", skewedColumnValues = "SkewedColumnValues"
        case skewedColumnValueLocationMaps = "SkewedColumnValueLocationMaps"
    }
}
