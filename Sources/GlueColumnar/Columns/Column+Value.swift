import GlueCore

extension Column {
    /// The value at row `index`, boxed as a ``Value`` (a slow path for printing and closures).
    ///
    /// - Precondition: `index` is in `0..<count`.
    public func value(at index: Int) -> Value {
        precondition(index >= 0 && index < count, "row index out of range")
        if isNull(at: index) { return .null }
        switch storage {
        case .boolean(let values): return .boolean(values[index])
        case .int8(let values): return .integer(Int64(values[index]))
        case .int16(let values): return .integer(Int64(values[index]))
        case .int32(let values):
            if dataType == .date { return .date(days: values[index]) }
            return .integer(Int64(values[index]))
        case .int64(let values):
            if dataType == .timestamp || dataType == .timestampNTZ { return .timestamp(microseconds: values[index]) }
            return .integer(values[index])
        case .float32(let values): return .float(values[index])
        case .float64(let values): return .double(values[index])
        case .int128(let values):
            guard case .decimal(_, let scale) = dataType else { return .null }
            return .decimal(unscaled: values[index], scale: scale)
        case .bytes(let buffer):
            return dataType == .binary ? .binary(Array(buffer[index])) : .string(buffer.string(at: index))
        case .dictionary(let indices, let values):
            let key = Int(indices[index])
            guard key >= 0, key < values.count else { return .null }
            return dataType == .binary ? .binary(Array(values[key])) : .string(values.string(at: key))
        case .list(let offsets, let child):
            let elements = (offsets[index]..<offsets[index + 1]).map { child.value(at: $0) }
            if case .map = dataType, case .structure(let entryColumns) = child.storage, entryColumns.count == 2 {
                let range = offsets[index]..<offsets[index + 1]
                return .map(keys: range.map { entryColumns[0].value(at: $0) }, values: range.map { entryColumns[1].value(at: $0) })
            }
            return .array(elements)
        case .structure(let children):
            return .structure(children.map { $0.value(at: index) })
        case .union(let branchIndices, let branches):
            let branch = Int(branchIndices[index])
            guard branch >= 0, branch < branches.count else { return .null }
            return branches[branch].value(at: index)
        }
    }

    /// All values, boxed (a slow path for tests and printing).
    public var values: [Value] { (0..<count).map(value(at:)) }

    /// Builds a column of `dataType` from boxed values.
    ///
    /// - Throws: `InvalidInputException` when a value does not fit the type (a string in an `int`
    ///   column, an integer out of the type's range, a decimal of another scale).
    public init(_ dataType: DataType, values: some Sequence<Value>) throws(GlueError) {
        var builder = ColumnBuilder(dataType)
        for value in values { try builder.append(value) }
        self = builder.finish()
    }
}

extension Column {
    /// A `bigint` column from optional integers.
    public init(int64 values: [Int64?]) {
        self.init(.bigint, storage: .int64(values.map { $0 ?? 0 }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    /// An `int` column from optional integers.
    public init(int32 values: [Int32?]) {
        self.init(.int, storage: .int32(values.map { $0 ?? 0 }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    /// A `double` column from optional numbers.
    public init(float64 values: [Double?]) {
        self.init(.double, storage: .float64(values.map { $0 ?? 0 }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    /// A `boolean` column from optional flags.
    public init(boolean values: [Bool?]) {
        self.init(.boolean, storage: .boolean(values.map { $0 ?? false }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    /// A `string` column from optional strings.
    public init(strings values: [String?]) {
        var buffer = VariableWidthBuffer()
        for value in values {
            if let value { buffer.append(value.utf8) } else { buffer.appendEmpty() }
        }
        self.init(.string, storage: .bytes(buffer), validity: ValidityBitmap(values.map { $0 != nil }))
    }
}
