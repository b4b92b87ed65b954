/// A sort column of a bucketed table.
///
/// Mirrors Glue's `Order`: `SortOrder` is 1 for ascending and 0 for descending.
public struct Order: Codable, Hashable, Sendable {
    /// The column name.
    public var column: String
    /// 1 ascending, 0 descending.
    public var sortOrder: Int

    /// Creates a sort column.
    public init(column: String, sortOrder: Int) {
        self.column = column
        self.sortOrder = sortOrder
    }

    enum CodingKeys: String, CodingKey {
        case column = "Column", sortOrder = "SortOrder"
    }
}
