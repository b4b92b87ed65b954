import GlueCore

/// Builds a column of any type, nested ones included, from boxed ``Value``s.
///
/// This is the convenient, slow path for literals, tests and row closures. Readers use the typed
/// ``FixedWidthColumnBuilder`` and ``VariableWidthColumnBuilder`` instead.
public struct ColumnBuilder: Sendable {
    /// The logical type of the column being built.
    public let dataType: DataType
    private var pending: [Value] = []

    /// Creates a builder for `dataType`.
    public init(_ dataType: DataType) { self.dataType = dataType }

    /// The number of rows appended so far.
    public var count: Int { pending.count }

    /// Appends a value after checking that it fits the type.
    ///
    /// Integers widen into floating point and decimals; decimals rescale when no digit is lost.
    ///
    /// - Throws: `InvalidInputException` naming the value and the type.
    public mutating func append(_ value: Value) throws(GlueError) {
        pending.append(try ColumnBuilder.conform(value, to: dataType))
    }

    /// Returns the column built so far and empties the builder.
    public mutating func finish() -> Column {
        let column = ColumnBuilder.build(dataType, pending)
        pending = []
        return column
    }

    private static func mismatch(_ value: Value, _ type: DataType) -> GlueError {
        GlueError(.invalidInput, "Value \(value) does not fit type \(type).")
    }

    /// Checks a value against a type and brings it to the type's canonical form.
    static func conform(_ value: Value, to type: DataType) throws(GlueError) -> Value {
        if case .null = value { return .null }
        switch (type, value) {
        case (.boolean, .boolean): return value
        case (.tinyint, .integer(let v)) where Int8(exactly: v) != nil: return value
        case (.smallint, .integer(let v)) where Int16(exactly: v) != nil: return value
        case (.int, .integer(let v)) where Int32(exactly: v) != nil: return value
        case (.bigint, .integer): return value
        case (.float, .float): return value
        case (.float, .double(let v)): return .float(Float(v))
        case (.float, .integer(let v)): return .float(Float(v))
        case (.double, .double): return value
        case (.double, .float(let v)): return .double(Double(v))
        case (.double, .integer(let v)): return .double(Double(v))
        case (.decimal(let precision, let scale), .integer(let v)):
            if let unscaled = Decimal128.rescale(Int128(v), from: 0, to: scale), Decimal128.fits(unscaled, precision: precision) {
                return .decimal(unscaled: unscaled, scale: scale)
            }
        case (.decimal(let precision, let scale), .decimal(let unscaled, let valueScale)):
            if let rescaled = Decimal128.rescale(unscaled, from: valueScale, to: scale), Decimal128.fits(rescaled, precision: precision) {
                return .decimal(unscaled: rescaled, scale: scale)
            }
        case (.string, .string), (.char, .string), (.varchar, .string), (.binary, .binary): return value
        case (.binary, .string(let text)): return .binary(Array(text.utf8))
        case (.date, .date): return value
        case (.timestamp, .timestamp), (.timestampNTZ, .timestamp): return value
        case (.array(let element), .array(let elements)):
            var conformed: [Value] = []
            conformed.reserveCapacity(elements.count)
            for element_ in elements { conformed.append(try conform(element_, to: element)) }
            return .array(conformed)
        case (.map(let keyType, let valueType), .map(let keys, let values)) where keys.count == values.count:
            var conformedKeys: [Value] = []
            var conformedValues: [Value] = []
            for (key, entry) in zip(keys, values) {
                if key.isNull { throw GlueError(.invalidInput, "Map keys cannot be null.") }
                conformedKeys.append(try conform(key, to: keyType))
                conformedValues.append(try conform(entry, to: valueType))
            }
            return .map(keys: conformedKeys, values: conformedValues)
        case (.struct(let fields), .structure(let values)) where fields.count == values.count:
            var conformed: [Value] = []
            for (field, fieldValue) in zip(fields, values) { conformed.append(try conform(fieldValue, to: field.dataType)) }
            return .structure(conformed)
        case (.choice(let types), _):
            for candidate in types {
                if let conformed = try? conform(value, to: candidate), branchMatches(candidate, value) { return conformed }
            }
        default:
            break
        }
        throw mismatch(value, type)
    }

    /// Whether a value naturally belongs to a choice branch (an integer goes to an integer branch
    /// before a floating-point one).
    private static func branchMatches(_ type: DataType, _ value: Value) -> Bool {
        switch (type, value) {
        case (.boolean, .boolean), (.float, .float), (.double, .double), (.decimal, .decimal), (.binary, .binary),
            (.date, .date), (.timestamp, .timestamp), (.timestampNTZ, .timestamp), (.array, .array), (.map, .map),
            (.struct, .structure):
            return true
        case (_, .integer): return type.isIntegral
        case (_, .string): return type.isString
        default: return false
        }
    }

    /// Lays out conformed values as a column.
    static func build(_ type: DataType, _ values: [Value]) -> Column {
        let validity = ValidityBitmap(values.map { !$0.isNull })
        switch type {
        case .boolean:
            return Column(type, storage: .boolean(values.map { if case .boolean(let v) = $0 { v } else { false } }), validity: validity)
        case .tinyint:
            return Column(type, storage: .int8(values.map { if case .integer(let v) = $0 { Int8(truncatingIfNeeded: v) } else { 0 } }), validity: validity)
        case .smallint:
            return Column(type, storage: .int16(values.map { if case .integer(let v) = $0 { Int16(truncatingIfNeeded: v) } else { 0 } }), validity: validity)
        case .int:
            return Column(type, storage: .int32(values.map { if case .integer(let v) = $0 { Int32(truncatingIfNeeded: v) } else { 0 } }), validity: validity)
        case .bigint:
            return Column(type, storage: .int64(values.map { if case .integer(let v) = $0 { v } else { 0 } }), validity: validity)
        case .float:
            return Column(type, storage: .float32(values.map { if case .float(let v) = $0 { v } else { 0 } }), validity: validity)
        case .double:
            return Column(type, storage: .float64(values.map { if case .double(let v) = $0 { v } else { 0 } }), validity: validity)
        case .decimal:
            return Column(type, storage: .int128(values.map { if case .decimal(let v, _) = $0 { v } else { 0 } }), validity: validity)
        case .string, .char, .varchar, .binary:
            var buffer = VariableWidthBuffer()
            for value in values {
                switch value {
                case .string(let text): buffer.append(text.utf8)
                case .binary(let bytes): buffer.append(bytes)
                default: buffer.appendEmpty()
                }
            }
            return Column(type, storage: .bytes(buffer), validity: validity)
        case .date:
            return Column(type, storage: .int32(values.map { if case .date(let v) = $0 { v } else { 0 } }), validity: validity)
        case .timestamp, .timestampNTZ:
            return Column(type, storage: .int64(values.map { if case .timestamp(let v) = $0 { v } else { 0 } }), validity: validity)
        case .array(let element):
            var offsets = [0]
            var children: [Value] = []
            for value in values {
                if case .array(let elements) = value { children.append(contentsOf: elements) }
                offsets.append(children.count)
            }
            return Column(type, storage: .list(offsets: offsets, values: build(element, children)), validity: validity)
        case .map(let keyType, let valueType):
            var offsets = [0]
            var keys: [Value] = []
            var entries: [Value] = []
            for value in values {
                if case .map(let mapKeys, let mapValues) = value {
                    keys.append(contentsOf: mapKeys)
                    entries.append(contentsOf: mapValues)
                }
                offsets.append(keys.count)
            }
            let entryType = DataType.struct([Field("key", keyType, isNullable: false), Field("value", valueType)])
            let entryColumn = Column(entryType, storage: .structure([build(keyType, keys), build(valueType, entries)]))
            return Column(type, storage: .list(offsets: offsets, values: entryColumn), validity: validity)
        case .struct(let fields):
            let children = fields.indices.map { fieldIndex in
                build(fields[fieldIndex].dataType, values.map { if case .structure(let parts) = $0 { parts[fieldIndex] } else { .null } })
            }
            return Column(type, storage: .structure(children), validity: validity)
        case .choice(let types):
            var branchIndices: [Int8] = []
            var perBranch = Array(repeating: [Value](), count: types.count)
            for value in values {
                let branch = value.isNull ? 0 : (types.firstIndex { branchMatches($0, value) } ?? 0)
                branchIndices.append(Int8(branch))
                for index in types.indices { perBranch[index].append(index == branch ? value : .null) }
            }
            let branches = types.indices.map { build(types[$0], perBranch[$0]) }
            return Column(type, storage: .union(branchIndices: branchIndices, branches: branches), validity: validity)
        }
    }
}
