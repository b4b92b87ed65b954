import GlueCore

/// Reads the type names ApplyMapping and ResolveChoice accept: DynamicFrame names (`string`,
/// `int`, `integer`, `long`, `short`, `byte`, `double`, `float`, `boolean`, `date`, `timestamp`,
/// `decimal`, ...), their Hive aliases (`bigint`, `smallint`, `tinyint`), any case, and full
/// catalog type strings (`decimal(12,2)`, `array<string>`).
public enum GlueTypeName {
    /// The type a name denotes. A bare `decimal` is `decimal(10,2)`, awsglue's `DecimalType`
    /// default.
    ///
    /// - Throws: `InvalidInputException` for an unknown name.
    public static func parse(_ name: String) throws(GlueError) -> DataType {
        let lowered = name.trimmingSpaces().lowercased()
        switch lowered {
        case "long": return .bigint
        case "integer": return .int
        case "short": return .smallint
        case "byte": return .tinyint
        case "decimal": return .decimal(precision: 10, scale: 2)
        case "timestampntz": return .timestampNTZ
        default: return try DataType(parsing: lowered)
        }
    }

    /// awsglue's name for a type (`long` for `bigint`), as `make_cols` suffixes and `make_struct`
    /// fields use it.
    public static func name(of type: DataType) -> String {
        switch type {
        case .bigint: "long"
        case .smallint: "short"
        case .tinyint: "byte"
        case .decimal: "decimal"
        case .array: "array"
        case .map: "map"
        case .struct: "struct"
        case .choice: "choice"
        case .char, .varchar: "string"
        default: type.description
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
