/// A column of a table or a partition key.
///
/// Mirrors Glue's `Column` shape: `Name` is required; `Type` is a Hive type string (`bigint`,
/// `decimal(10,2)`, `array<string>`), optional in Glue's model.
public struct Column: Codable, Hashable, Sendable {
    /// The column name.
    public var name: String
    /// The catalog type string, such as `bigint` or `struct<a:int>`.
    public var type: String?
    /// A free-form comment (up to 255 characters).
    public var comment: String?
    /// Key-value properties of the column.
    public var parameters: [String: String]?

    /// Creates a column.
    public init(name: String, type: String? = nil, comment: String? = nil, parameters: [String: String]? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", type = "Type", comment = "Comment", parameters = "Parameters"
    }
}
