import GlueColumnar
import GlueCore

/// Kernels of `IN`, `LIKE`, `CASE WHEN` and `coalesce`.
enum ConditionalKernels {
    /// `x IN (list)`: true on a match; otherwise null when `x` or any list value is null; else false.
    static func isIn(_ operand: Column, _ list: [ScalarExpression], batch: RecordBatch) throws(GlueError) -> Column {
        let count = operand.count
        let literals = list.compactMap(\.literalValue)
        if literals.count == list.count, operand.dataType.isString {
            // Text against constants: one pass over the bytes.
            let needles = literals.compactMap { value -> [UInt8]? in if case .string(let text) = value { Array(text.utf8) } else { nil } }
            let listHasNull = literals.contains { $0.isNull }
            var flags = [Bool](repeating: false, count: count)
            var nulls = ExpressionKernels.Nulls(operand.validity, count: count)
            try ExpressionKernels.withRowBytes(operand) { row in
                for index in 0..<count where nulls.isValid(index) {
                    let bytes = row(index)
                    var found = false
                    for needle in needles where needle.count == bytes.count {
                        if needle.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                            found = true
                            break
                        }
                    }
                    if found { flags[index] = true } else if listHasNull { nulls.setNull(index) }
                }
            }
            return Column(.boolean, storage: .boolean(flags), validity: nulls.bitmap)
        }
        var result: Column?
        for element in list {
            let column = try compareElement(operand, element, batch: batch)
            result = try result.map { (current) throws(GlueError) -> Column in try current.or(column) } ?? column
        }
        return result ?? .nulls(.boolean, count: count)
    }

    private static func compareElement(_ operand: Column, _ element: ScalarExpression, batch: RecordBatch) throws(GlueError) -> Column {
        if let value = element.literalValue {
            return value.isNull ? .nulls(.boolean, count: operand.count) : try operand.compare(.equal, value)
        }
        return try operand.compare(.equal, try element.evaluate(batch))
    }

    /// `x LIKE pattern` (null stays null).
    static func like(_ operand: Column, _ pattern: LikePattern) throws(GlueError) -> Column {
        let count = operand.count
        if case .dictionary(let keys, let values) = operand.storage {
            let perEntry = try like(Column(.string, storage: .bytes(values)), pattern)
            guard case .boolean(let entryFlags) = perEntry.storage else { return perEntry }
            var flags = [Bool](repeating: false, count: count)
            for row in 0..<count {
                let key = Int(keys[row])
                if key >= 0 && key < entryFlags.count { flags[row] = entryFlags[key] }
            }
            return Column(.boolean, storage: .boolean(flags), validity: operand.validity)
        }
        var flags = [Bool](repeating: false, count: count)
        try ExpressionKernels.withRowBytes(operand) { row in
            for index in 0..<count { flags[index] = pattern.matches(row(index)) }
        }
        return Column(.boolean, storage: .boolean(flags), validity: operand.validity)
    }

    /// `CASE WHEN`: each row takes the value of its first true condition, else the `ELSE` value.
    static func caseWhen(
        _ branches: [(condition: ScalarExpression, value: ScalarExpression)], otherwise: ScalarExpression, type: DataType, batch: RecordBatch
    ) throws(GlueError) -> Column {
        let count = batch.rowCount
        let elseIndex = branches.count
        var choice = [Int](repeating: elseIndex, count: count)
        var undecided = count
        var values: [Column] = []
        for (position, branch) in branches.enumerated() {
            let condition = undecided == 0 ? Column.nulls(.boolean, count: count) : try branch.condition.evaluate(batch)
            if case .boolean(let flags) = condition.storage {
                for row in 0..<count where choice[row] == elseIndex && flags[row] && !condition.isNull(at: row) {
                    choice[row] = position
                    undecided -= 1
                }
            }
            values.append(try branch.value.evaluate(batch))
        }
        values.append(try otherwise.evaluate(batch))
        return try ExpressionKernels.choose(values, choice: choice, type: type)
    }

    /// Python's short-circuit `and`/`or` with null as "raised": the left side decides where it is
    /// null (null), false for `and` (false) or true for `or` (true); elsewhere the row takes the
    /// right side, which is evaluated only when some row needs it.
    static func shortCircuit(isAnd: Bool, _ left: Column, _ rhs: ScalarExpression, batch: RecordBatch) throws(GlueError) -> Column {
        guard case .boolean(var flags) = left.storage else {
            throw GlueError(.internalService, "A short-circuit \(isAnd ? "and" : "or") needs booleans, not \(left.dataType).")
        }
        let count = flags.count
        var nulls = ExpressionKernels.Nulls(left.validity, count: count)
        // Rows where the left side is valid and does not decide: true for `and`, false for `or`.
        let pending = (0..<count).contains { nulls.isValid($0) && flags[$0] == isAnd }
        guard pending else { return Column(.boolean, storage: .boolean(flags), validity: nulls.bitmap) }
        let right = try rhs.evaluate(batch)
        guard case .boolean(let rightFlags) = right.storage, rightFlags.count == count else {
            throw GlueError(.internalService, "A short-circuit \(isAnd ? "and" : "or") needs booleans, not \(right.dataType).")
        }
        for row in 0..<count where nulls.isValid(row) && flags[row] == isAnd {
            if right.isNull(at: row) { nulls.setNull(row) } else { flags[row] = rightFlags[row] }
        }
        return Column(.boolean, storage: .boolean(flags), validity: nulls.bitmap)
    }

    /// `coalesce`: each row takes its first non-null argument.
    static func coalesce(_ arguments: [ScalarExpression], type: DataType, batch: RecordBatch) throws(GlueError) -> Column {
        let count = batch.rowCount
        var columns: [Column] = []
        var choice = [Int](repeating: -1, count: count)
        for argument in arguments {
            let column = try argument.evaluate(batch)
            let position = columns.count
            columns.append(column)
            for row in 0..<count where choice[row] < 0 && !column.isNull(at: row) { choice[row] = position }
        }
        let last = max(columns.count - 1, 0)
        for row in 0..<count where choice[row] < 0 { choice[row] = last }
        return try ExpressionKernels.choose(columns, choice: choice, type: type)
    }
}
