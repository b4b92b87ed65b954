import GlueCore

/// A SQL comparison between two values.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="

    /// Whether a three-way comparison result (-1, 0, 1) satisfies the operator.
    @inlinable
    public func holds(for ordering: Int) -> Bool {
        switch self {
        case .equal: ordering == 0
        case .notEqual: ordering != 0
        case .lessThan: ordering < 0
        case .lessThanOrEqual: ordering <= 0
        case .greaterThan: ordering > 0
        case .greaterThanOrEqual: ordering >= 0
        }
    }
}

extension Column {
    /// Compares this column with another row by row, giving a `boolean` column: null where either
    /// side is null (SQL's three-valued logic).
    ///
    /// Types are brought together first as Spark's implicit casts do: integers widen to `bigint`,
    /// any `float`/`double` makes both `double`, decimals meet at the larger scale, a `date` meets
    /// a `timestamp` as a timestamp, text against a decimal makes both `double`, and text compared
    /// with another primitive type is cast to that type. Text and binary compare as unsigned bytes. Floating point follows Spark: `NaN = NaN`
    /// is true and NaN is greater than every other value; `-0.0 = 0.0`.
    ///
    /// - Throws: `InvalidInputException` when the lengths differ or the types cannot be compared.
    /// - Complexity: O(*n*).
    public func compare(_ comparison: ComparisonOperator, _ other: Column) throws(GlueError) -> Column {
        guard count == other.count else {
            throw GlueError(.invalidInput, "Cannot compare columns of \(count) and \(other.count) rows.")
        }
        let type = try Comparison.commonType(dataType, other.dataType)
        let left = try cast(to: type)
        let right = try other.cast(to: type)
        let values = try Comparison.compareStorage(comparison, left.storage, right.storage, rightIsScalar: false, count: count)
        return Column(.boolean, storage: .boolean(values), validity: ValidityBitmap.intersection(left.validity, right.validity))
    }

    /// Compares every row with one value, giving a `boolean` column (null where the row is null,
    /// and all null when `scalar` is null). Types meet as in ``compare(_:_:)-(_,Column)``.
    ///
    /// - Throws: `InvalidInputException` when the types cannot be compared.
    /// - Complexity: O(*n*).
    public func compare(_ comparison: ComparisonOperator, _ scalar: Value) throws(GlueError) -> Column {
        guard let scalarType = Comparison.naturalType(of: scalar, near: dataType) else {
            return .nulls(.boolean, count: count)
        }
        let scalarColumn = try Column(scalarType, values: [scalar])
        let type = try Comparison.commonType(dataType, scalarType)
        let left = try cast(to: type)
        let right = try scalarColumn.cast(to: type)
        if right.isNull(at: 0) { return .nulls(.boolean, count: count) }
        // A dictionary column compares each distinct value once.
        if case .dictionary(let keys, let dictionary) = left.storage {
            let perEntry = try Column(type, storage: .bytes(dictionary)).compare(comparison, scalar)
            return perEntry.gatherDictionary(keys, validity: left.validity)
        }
        let values = try Comparison.compareStorage(comparison, left.storage, right.storage, rightIsScalar: true, count: count)
        return Column(.boolean, storage: .boolean(values), validity: left.validity)
    }
}

/// The type rules and loops behind ``Column/compare(_:_:)-(_,Column)``.
enum Comparison {
    /// The type both sides are cast to before comparing.
    static func commonType(_ lhs: DataType, _ rhs: DataType) throws(GlueError) -> DataType {
        if lhs == rhs { return lhs }
        switch (lhs, rhs) {
        case _ where lhs.isString && rhs.isString: return .string
        case _ where lhs.isIntegral && rhs.isIntegral: return .bigint
        case (.float, _) where rhs.isNumeric, (.double, _) where rhs.isNumeric,
            (_, .float) where lhs.isNumeric, (_, .double) where lhs.isNumeric:
            return .double
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            let scale = max(s1, s2)
            return .decimal(precision: min(38, max(p1 - s1, p2 - s2) + scale), scale: scale)
        case (.decimal(let precision, let scale), _) where rhs.isIntegral, (_, .decimal(let precision, let scale)) where lhs.isIntegral:
            return .decimal(precision: min(38, max(precision - scale, 20) + scale), scale: scale)
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        case (.date, .timestampNTZ), (.timestampNTZ, .date): return .timestampNTZ
        case (.timestamp, .timestampNTZ), (.timestampNTZ, .timestamp): return .timestamp
        // Spark has no good decimal for text, so both become double (SPARK-22469).
        case (.decimal, _) where rhs.isString, (_, .decimal) where lhs.isString: return .double
        case _ where lhs.isString && rhs.isPrimitive: return rhs
        case _ where rhs.isString && lhs.isPrimitive: return lhs
        default:
            throw GlueError(.invalidInput, "Cannot compare \(lhs) with \(rhs).")
        }
    }

    /// The column type a literal naturally has (`nil` for null). A timestamp literal takes the
    /// column's timestamp flavour.
    static func naturalType(of value: Value, near columnType: DataType) -> DataType? {
        switch value {
        case .null: nil
        case .boolean: .boolean
        case .integer: .bigint
        case .float: .float
        case .double: .double
        case .decimal(let unscaled, let scale):
            .decimal(precision: max(scale, min(38, max(1, String(unscaled.magnitude).count))), scale: scale)
        case .string: .string
        case .binary: .binary
        case .date: .date
        case .timestamp: columnType == .timestampNTZ ? .timestampNTZ : .timestamp
        default: nil
        }
    }

    /// Compares two storages of the same layout; when `rightIsScalar`, row 0 of the right side is
    /// compared with every row of the left.
    static func compareStorage(
        _ comparison: ComparisonOperator, _ lhs: ColumnStorage, _ rhs: ColumnStorage, rightIsScalar: Bool, count: Int
    ) throws(GlueError) -> [Bool] {
        switch (lhs, rhs) {
        case (.boolean(let l), .boolean(let r)): return ordered(comparison, l, r, rightIsScalar, count) { ($0 ? 1 : 0) - ($1 ? 1 : 0) }
        case (.int8(let l), .int8(let r)): return ordered(comparison, l, r, rightIsScalar, count, threeWay)
        case (.int16(let l), .int16(let r)): return ordered(comparison, l, r, rightIsScalar, count, threeWay)
        case (.int32(let l), .int32(let r)): return ordered(comparison, l, r, rightIsScalar, count, threeWay)
        case (.int64(let l), .int64(let r)): return ordered(comparison, l, r, rightIsScalar, count, threeWay)
        case (.int128(let l), .int128(let r)): return ordered(comparison, l, r, rightIsScalar, count, threeWay)
        case (.float32(let l), .float32(let r)): return ordered(comparison, l, r, rightIsScalar, count, sparkThreeWay)
        case (.float64(let l), .float64(let r)): return ordered(comparison, l, r, rightIsScalar, count, sparkThreeWay)
        default:
            guard let left = ByteRows(lhs), let right = ByteRows(rhs) else {
                throw GlueError(.invalidInput, "Cannot compare \(lhs.kindName) with \(rhs.kindName) values.")
            }
            return left.withRows { leftRow in
                right.withRows { rightRow in
                    var result = [Bool](repeating: false, count: count)
                    if rightIsScalar {
                        let constant = rightRow(0)
                        for index in 0..<count { result[index] = comparison.holds(for: ByteRows.compare(leftRow(index), constant)) }
                    } else {
                        for index in 0..<count { result[index] = comparison.holds(for: ByteRows.compare(leftRow(index), rightRow(index))) }
                    }
                    return result
                }
            }
        }
    }

    @inline(__always)
    static func threeWay<T: Comparable>(_ lhs: T, _ rhs: T) -> Int { lhs < rhs ? -1 : (lhs == rhs ? 0 : 1) }

    /// Spark's floating-point order: NaN equals NaN and is above everything; -0.0 equals 0.0.
    @inline(__always)
    static func sparkThreeWay<T: BinaryFloatingPoint>(_ lhs: T, _ rhs: T) -> Int {
        if lhs.isNaN { return rhs.isNaN ? 0 : 1 }
        if rhs.isNaN { return -1 }
        return lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
    }

    @inline(__always)
    static func ordered<T>(
        _ comparison: ComparisonOperator, _ lhs: [T], _ rhs: [T], _ rightIsScalar: Bool, _ count: Int,
        _ order: (T, T) -> Int
    ) -> [Bool] {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                [Bool](unsafeUninitializedCapacity: count) { output, initialized in
                    if rightIsScalar {
                        let constant = right[0]
                        switch comparison {
                        case .equal: for index in 0..<count { output[index] = order(left[index], constant) == 0 }
                        case .notEqual: for index in 0..<count { output[index] = order(left[index], constant) != 0 }
                        case .lessThan: for index in 0..<count { output[index] = order(left[index], constant) < 0 }
                        case .lessThanOrEqual: for index in 0..<count { output[index] = order(left[index], constant) <= 0 }
                        case .greaterThan: for index in 0..<count { output[index] = order(left[index], constant) > 0 }
                        case .greaterThanOrEqual: for index in 0..<count { output[index] = order(left[index], constant) >= 0 }
                        }
                    } else {
                        for index in 0..<count { output[index] = comparison.holds(for: order(left[index], right[index])) }
                    }
                    initialized = count
                }
            }
        }
    }
}
