import GlueCore

/// One leaf column of a flat Parquet schema with the LocalGlue type it reads as.
public struct ParquetColumnDescriptor: Hashable, Sendable {
    /// The column name.
    public var name: String
    /// The schema element the column came from.
    public var element: SchemaElement
    /// The physical type.
    public var physicalType: PhysicalType
    /// Whether the column is OPTIONAL (max definition level 1) rather than REQUIRED.
    public var isOptional: Bool
    /// The LocalGlue type values read as.
    public var dataType: DataType
    /// How physical values turn into the column's storage.
    var conversion: Conversion

    /// The physical-to-logical conversions the reader applies.
    enum Conversion: Hashable, Sendable {
        case boolean
        case int32
        case int8
        case int16
        case uint8
        case uint16
        case uint32
        case int64
        case uint64
        /// INT64 timestamps: multiply (millis) or floor-divide (nanos) to microseconds.
        case timestamp(TimeUnit)
        case int96
        case float
        case double
        case float16
        case decimalInt32
        case decimalInt64
        case decimalBytes
        case bytes
    }

    /// The width of a FIXED_LEN_BYTE_ARRAY column, else 0.
    var typeLength: Int { Int(element.typeLength ?? 0) }

    /// Resolves a leaf's logical type: the LogicalType wins; a ConvertedType alone is read as the
    /// spec's compatibility table says; no annotation gives the physical type's natural type.
    init(leaf element: SchemaElement) throws(GlueError) {
        guard let physicalType = element.type else {
            throw GlueError(.unsupportedFeature, "Column \(element.name) is a group; nested columns are not supported yet")
        }
        self.name = element.name
        self.element = element
        self.physicalType = physicalType
        self.isOptional = element.repetitionType != .required
        var logical = element.logicalType
        if case .other = logical { logical = nil }
        let converted = element.convertedType
        func decimal(_ conversion: Conversion) throws(GlueError) -> (DataType, Conversion) {
            var scale = element.scale ?? 0
            var precision = element.precision ?? 0
            if case .decimal(let s, let p) = logical {
                scale = s
                precision = p
            }
            guard precision >= 1, precision <= Int32(DataType.maximumDecimalPrecision), scale >= 0, scale <= precision else {
                throw GlueError(
                    .unsupportedFeature,
                    "Column \(element.name) is DECIMAL(\(precision),\(scale)); LocalGlue supports precision 1...38 with 0 <= scale <= precision")
            }
            return (.decimal(precision: Int(precision), scale: Int(scale)), conversion)
        }
        let isDecimal = { if case .decimal = logical { return true }; return converted == .decimal }()
        let resolved: (DataType, Conversion)
        switch physicalType {
        case .boolean:
            resolved = (.boolean, .boolean)
        case .int32:
            if isDecimal {
                resolved = try decimal(.decimalInt32)
            } else if logical == .date || (logical == nil && converted == .date) {
                resolved = (.date, .int32)
            } else if case .integer(let width, let signed) = logical {
                switch (width, signed) {
                case (8, true): resolved = (.tinyint, .int8)
                case (16, true): resolved = (.smallint, .int16)
                case (8, false): resolved = (.smallint, .uint8)
                case (16, false): resolved = (.int, .uint16)
                case (32, false): resolved = (.bigint, .uint32)
                default: resolved = (.int, .int32)
                }
            } else if logical == nil {
                switch converted {
                case .int8: resolved = (.tinyint, .int8)
                case .int16: resolved = (.smallint, .int16)
                case .uint8: resolved = (.smallint, .uint8)
                case .uint16: resolved = (.int, .uint16)
                case .uint32: resolved = (.bigint, .uint32)
                default: resolved = (.int, .int32)
                }
            } else {
                resolved = (.int, .int32)
            }
        case .int64:
            if isDecimal {
                resolved = try decimal(.decimalInt64)
            } else if case .timestamp(let utc, let unit) = logical {
                resolved = (utc ? .timestamp : .timestampNTZ, .timestamp(unit))
            } else if logical == nil, converted == .timestampMillis {
                resolved = (.timestamp, .timestamp(.millis))
            } else if logical == nil, converted == .timestampMicros {
                resolved = (.timestamp, .timestamp(.micros))
            } else if case .integer(64, false) = logical {
                resolved = (.decimal(precision: 20, scale: 0), .uint64)
            } else if logical == nil, converted == .uint64 {
                resolved = (.decimal(precision: 20, scale: 0), .uint64)
            } else {
                resolved = (.bigint, .int64)
            }
        case .int96:
            resolved = (.timestamp, .int96)
        case .float:
            resolved = (.float, .float)
        case .double:
            resolved = (.double, .double)
        case .byteArray:
            if isDecimal {
                resolved = try decimal(.decimalBytes)
            } else {
                switch logical {
                case .string?, .enum?, .json?: resolved = (.string, .bytes)
                case nil where converted == .utf8 || converted == .enum || converted == .json: resolved = (.string, .bytes)
                default: resolved = (.binary, .bytes)
                }
            }
        case .fixedLenByteArray:
            guard let width = element.typeLength, width >= 0 else {
                throw invalidData("FIXED_LEN_BYTE_ARRAY column \(element.name) has no type_length")
            }
            if isDecimal {
                guard width <= 64 else { throw invalidData("decimal column \(element.name) is \(width) bytes wide") }
                resolved = try decimal(.decimalBytes)
            } else if logical == .float16 {
                guard width == 2 else { throw invalidData("FLOAT16 column \(element.name) is \(width) bytes wide, not 2") }
                resolved = (.float, .float16)
            } else {
                resolved = (.binary, .bytes)
            }
        default:
            throw invalidData("column \(element.name) has an unknown physical type \(physicalType.rawValue)")
        }
        self.dataType = resolved.0
        self.conversion = resolved.1
    }

    /// The leaves of a flat schema: the root's children, each a primitive REQUIRED or OPTIONAL
    /// column.
    ///
    /// - Throws: `UnsupportedFeatureException` naming the first nested (group or REPEATED) column;
    ///   `InvalidDataException` when the element list is malformed.
    static func flatColumns(of schema: [SchemaElement]) throws(GlueError) -> [ParquetColumnDescriptor] {
        guard let root = schema.first else { throw invalidData("the schema is empty") }
        let childCount = Int(root.numChildren ?? 0)
        guard childCount >= 0 else { throw invalidData("the root has \(childCount) children") }
        var columns: [ParquetColumnDescriptor] = []
        var index = 1
        for _ in 0..<childCount {
            guard index < schema.count else { throw invalidData("the root declares \(childCount) children but the schema has \(schema.count - 1) elements") }
            let element = schema[index]
            if element.type == nil || (element.numChildren ?? 0) > 0 || element.repetitionType == .repeated {
                throw GlueError(.unsupportedFeature, "Column \(element.name) is nested (a group, list, map or repeated field); nested columns are not supported yet")
            }
            columns.append(try ParquetColumnDescriptor(leaf: element))
            index += 1
        }
        guard index == schema.count else { throw invalidData("the schema has \(schema.count - index) elements outside the root") }
        return columns
    }
}
