import GlueCore

extension ColumnBuilder {
    /// Whether ``append(_:)`` would accept `value` for a column of `dataType`, without building
    /// anything (row closures check a whole record before appending any of its fields).
    public static func conforms(_ value: Value, to dataType: DataType) -> Bool {
        (try? conform(value, to: dataType)) != nil
    }
}
