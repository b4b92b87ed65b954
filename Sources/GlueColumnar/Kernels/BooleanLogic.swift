import GlueCore

extension Column {
    /// SQL `AND` with three-valued logic: false if either side is false, else null if either is
    /// null, else true.
    ///
    /// - Throws: `InvalidInputException` when a side is not `boolean` or the lengths differ.
    /// - Complexity: O(*n*).
    public func and(_ other: Column) throws(GlueError) -> Column {
        try BooleanLogic.combine(self, other, isAnd: true)
    }

    /// SQL `OR` with three-valued logic: true if either side is true, else null if either is
    /// null, else false.
    ///
    /// - Throws: `InvalidInputException` when a side is not `boolean` or the lengths differ.
    /// - Complexity: O(*n*).
    public func or(_ other: Column) throws(GlueError) -> Column {
        try BooleanLogic.combine(self, other, isAnd: false)
    }

    /// SQL `NOT`: null stays null.
    ///
    /// - Throws: `InvalidInputException` when the column is not `boolean`.
    /// - Complexity: O(*n*).
    public func not() throws(GlueError) -> Column {
        guard case .boolean(let values) = storage else {
            throw GlueError(.invalidInput, "NOT needs a boolean column, not \(dataType).")
        }
        return Column(.boolean, storage: .boolean(values.map { !$0 }), validity: validity)
    }

    /// A non-null `boolean` column: true where this column is null (`IS NULL`).
    ///
    /// - Complexity: O(*n*).
    public func isNull() -> Column {
        Column(.boolean, storage: .boolean(validity.map { bitmap in (0..<count).map { !bitmap.isValid(at: $0) } } ?? Array(repeating: false, count: count)))
    }

    /// A non-null `boolean` column: true where this column holds a value (`IS NOT NULL`).
    ///
    /// - Complexity: O(*n*).
    public func isNotNull() -> Column {
        Column(.boolean, storage: .boolean(validity.map { bitmap in (0..<count).map { bitmap.isValid(at: $0) } } ?? Array(repeating: true, count: count)))
    }
}

/// The Kleene logic behind ``Column/and(_:)`` and ``Column/or(_:)``.
enum BooleanLogic {
    static func combine(_ lhs: Column, _ rhs: Column, isAnd: Bool) throws(GlueError) -> Column {
        guard case .boolean(let left) = lhs.storage, case .boolean(let right) = rhs.storage else {
            throw GlueError(.invalidInput, "\(isAnd ? "AND" : "OR") needs boolean columns, not \(lhs.dataType) and \(rhs.dataType).")
        }
        guard left.count == right.count else {
            throw GlueError(.invalidInput, "Cannot combine columns of \(left.count) and \(right.count) rows.")
        }
        let count = left.count
        if lhs.validity == nil && rhs.validity == nil {
            let values = [Bool](unsafeUninitializedCapacity: count) { output, initialized in
                for index in 0..<count { output[index] = isAnd ? (left[index] && right[index]) : (left[index] || right[index]) }
                initialized = count
            }
            return Column(.boolean, storage: .boolean(values))
        }
        var nulls = NullMask(nil, count: count)
        var values = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let leftKnown = lhs.validity?.isValid(at: index) ?? true
            let rightKnown = rhs.validity?.isValid(at: index) ?? true
            // The value that decides the result on its own: false for AND, true for OR.
            let dominant = !isAnd
            if (leftKnown && left[index] == dominant) || (rightKnown && right[index] == dominant) {
                values[index] = dominant
            } else if leftKnown && rightKnown {
                values[index] = !dominant
            } else {
                nulls.setNull(index)
            }
        }
        return Column(.boolean, storage: .boolean(values), validity: nulls.finish())
    }
}
