/// A named, typed column of a ``Schema`` or a field of a `struct` type.
public struct Field: Hashable, Sendable {
    /// The column name, as given (catalog columns are lower case; data files may differ).
    public var name: String
    /// The logical type.
    public var dataType: DataType
    /// Whether the column may hold nulls. Glue catalog columns always may.
    public var isNullable: Bool
    /// The column comment (`Column.Comment` in the catalog), if any.
    public var comment: String?

    /// Creates a field.
    public init(_ name: String, _ dataType: DataType, isNullable: Bool = true, comment: String? = nil) {
        self.name = name
        self.dataType = dataType
        self.isNullable = isNullable
        self.comment = comment
    }
}

extension Field: CustomStringConvertible {
    /// `name type`, as in a column list.
    public var description: String { "\(name) \(dataType)" }
}
