import GlueCore

/// How a LocalGlue type is stored in Parquet: physical type, annotations and width.
struct ParquetLayout: Sendable {
    enum Kind: Sendable {
        case boolean
        case int32
        case int64
        case float
        case double
        case byteArray
        /// A decimal too wide for INT64, as big-endian two's complement of `width` bytes.
        case decimalFixed(width: Int)
    }

    var kind: Kind
    var element: SchemaElement

    var physicalType: PhysicalType {
        switch kind {
        case .boolean: .boolean
        case .int32: .int32
        case .int64: .int64
        case .float: .float
        case .double: .double
        case .byteArray: .byteArray
        case .decimalFixed: .fixedLenByteArray
        }
    }

    /// The layout of a field, with both the LogicalType and the legacy ConvertedType (DuckDB,
    /// Polars and fastparquet need the legacy DECIMAL scale/precision).
    init(field: Field) throws(GlueError) {
        var element = SchemaElement(name: field.name)
        element.repetitionType = field.isNullable ? .optional : .required
        switch field.dataType {
        case .boolean:
            kind = .boolean
        case .tinyint:
            kind = .int32
            element.logicalType = .integer(bitWidth: 8, isSigned: true)
            element.convertedType = .int8
        case .smallint:
            kind = .int32
            element.logicalType = .integer(bitWidth: 16, isSigned: true)
            element.convertedType = .int16
        case .int:
            kind = .int32
        case .bigint:
            kind = .int64
        case .float:
            kind = .float
        case .double:
            kind = .double
        case .decimal(let precision, let scale):
            if precision <= 9 {
                kind = .int32
            } else if precision <= 18 {
                kind = .int64
            } else {
                kind = .decimalFixed(width: Self.decimalWidth(precision: precision))
            }
            element.logicalType = .decimal(scale: Int32(scale), precision: Int32(precision))
            element.convertedType = .decimal
            element.scale = Int32(scale)
            element.precision = Int32(precision)
        case .string, .char, .varchar:
            kind = .byteArray
            element.logicalType = .string
            element.convertedType = .utf8
        case .binary:
            kind = .byteArray
        case .date:
            kind = .int32
            element.logicalType = .date
            element.convertedType = .date
        case .timestamp, .timestampNTZ:
            kind = .int64
            element.logicalType = .timestamp(isAdjustedToUTC: field.dataType == .timestamp, unit: .micros)
            element.convertedType = .timestampMicros
        case .array, .map, .struct, .choice:
            throw GlueError(.unsupportedFeature, "Column \(field.name) has type \(field.dataType); writing nested Parquet columns is not supported yet")
        }
        if case .decimalFixed(let width) = kind { element.typeLength = Int32(width) }
        element.type = nil
        self.element = element
        self.element.type = physicalType
    }

    /// The fewest bytes whose two's complement holds every unscaled value of `precision` digits.
    static func decimalWidth(precision: Int) -> Int {
        var width = 1
        // 10^precision - 1 must fit in 8 * width - 1 bits.
        while width < 16, Double(precision) > (Double(8 * width - 1) * 0.30102999566398120).rounded(.down) { width += 1 }
        return width
    }
}
