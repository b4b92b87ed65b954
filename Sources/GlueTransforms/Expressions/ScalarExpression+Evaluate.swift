import GlueColumnar
import GlueCore

extension ScalarExpression {
    /// Evaluates the expression over every row of `batch`, one column at a time.
    ///
    /// - Returns: a column of ``dataType`` with `batch.rowCount` rows.
    /// - Throws: `InternalServiceException` only when the expression does not fit the batch
    ///   (a column index out of range or of another type): data never makes evaluation fail.
    /// - Complexity: O(rows × nodes).
    public func evaluate(_ batch: RecordBatch) throws(GlueError) -> Column {
        let count = batch.rowCount
        switch self {
        case .column(let index, let type):
            guard index >= 0, index < batch.columns.count, batch.columns[index].dataType == type else {
                throw GlueError(.internalService, "ScalarExpression column #\(index) (\(type)) does not fit the batch (\(batch.schema)).")
            }
            return batch.columns[index]
        case .literal(let value, let type):
            return try ExpressionKernels.constant(value, type, count: count)
        case .cast(let operand, let type):
            return try operand.evaluate(batch).cast(to: type)
        case .binary(let op, let lhs, let rhs, let type):
            return try ArithmeticKernels.evaluate(op, try lhs.evaluate(batch), try rhs.evaluate(batch), result: type)
        case .negate(let operand):
            return try ArithmeticKernels.negate(try operand.evaluate(batch))
        case .comparison(let op, let lhs, let rhs):
            if let value = rhs.literalValue, !value.isNull {
                return try lhs.evaluate(batch).compare(op, value)
            }
            if let value = lhs.literalValue, !value.isNull {
                return try rhs.evaluate(batch).compare(op.flipped, value)
            }
            return try lhs.evaluate(batch).compare(op, try rhs.evaluate(batch))
        case .nullSafeEqual(let lhs, let rhs):
            if let value = rhs.literalValue ?? lhs.literalValue, !value.isNull {
                // Against a constant: the scalar comparison, with null rows false.
                let other = rhs.literalValue == nil ? rhs : lhs
                return try ExpressionKernels.nullAsFalse(try other.evaluate(batch).compare(.equal, value))
            }
            let left = try lhs.evaluate(batch)
            let right = try rhs.evaluate(batch)
            let equal = try left.compare(.equal, right)
            guard case .boolean(var flags) = equal.storage else { return equal }
            for row in 0..<count {
                let leftNull = left.isNull(at: row)
                let rightNull = right.isNull(at: row)
                if leftNull || rightNull { flags[row] = leftNull && rightNull }
            }
            return Column(.boolean, storage: .boolean(flags))
        case .and(let lhs, let rhs):
            return try lhs.evaluate(batch).and(try rhs.evaluate(batch))
        case .or(let lhs, let rhs):
            return try lhs.evaluate(batch).or(try rhs.evaluate(batch))
        case .shortCircuitAnd(let lhs, let rhs):
            return try ConditionalKernels.shortCircuit(isAnd: true, try lhs.evaluate(batch), rhs, batch: batch)
        case .shortCircuitOr(let lhs, let rhs):
            return try ConditionalKernels.shortCircuit(isAnd: false, try lhs.evaluate(batch), rhs, batch: batch)
        case .not(let operand):
            return try operand.evaluate(batch).not()
        case .isNull(let operand):
            return try operand.evaluate(batch).isNull()
        case .isNotNull(let operand):
            return try operand.evaluate(batch).isNotNull()
        case .inList(let operand, let list):
            return try ConditionalKernels.isIn(try operand.evaluate(batch), list, batch: batch)
        case .likeMatch(let operand, let pattern):
            return try ConditionalKernels.like(try operand.evaluate(batch), pattern)
        case .regexMatch(let operand, let pattern):
            return try RegexKernels.matchAtStart(try operand.evaluate(batch), pattern: pattern)
        case .field(let operand, let index, let type):
            let parent = try operand.evaluate(batch)
            guard case .structure(let children) = parent.storage, children.indices.contains(index), children[index].dataType == type else {
                throw GlueError(.internalService, "ScalarExpression field #\(index) (\(type)) does not fit \(parent.dataType).")
            }
            let child = children[index]
            return Column(type, storage: child.storage, validity: ValidityBitmap.intersection(child.validity, parent.validity))
        case .conditional(let branches, let otherwise, let type):
            return try ConditionalKernels.caseWhen(branches, otherwise: otherwise, type: type, batch: batch)
        case .coalesce(let arguments, let type):
            return try ConditionalKernels.coalesce(arguments, type: type, batch: batch)
        case .call(let function, let arguments, let type):
            var columns: [Column] = []
            for argument in arguments { columns.append(try argument.evaluate(batch)) }
            return try function.evaluate(arguments: arguments, columns: columns, rowCount: count, resultType: type)
        }
    }

    /// The expression with constant sub-expressions computed once and replaced by literals
    /// (so that comparisons with them take the scalar paths).
    public func folded() -> ScalarExpression {
        switch self {
        case .column, .literal: return self
        default: break
        }
        if isConstant, let one = try? RecordBatch(schema: Schema([Field("_", .boolean)]), columns: [Column(.boolean, storage: .boolean([false]))]),
            let column = try? evaluate(one), column.count == 1 {
            return .literal(column.value(at: 0), dataType)
        }
        switch self {
        case .cast(let operand, let type): return .cast(operand.folded(), type)
        case .binary(let op, let lhs, let rhs, let type): return .binary(op, lhs.folded(), rhs.folded(), type)
        case .negate(let operand): return .negate(operand.folded())
        case .comparison(let op, let lhs, let rhs): return .comparison(op, lhs.folded(), rhs.folded())
        case .nullSafeEqual(let lhs, let rhs): return .nullSafeEqual(lhs.folded(), rhs.folded())
        case .and(let lhs, let rhs): return .and(lhs.folded(), rhs.folded())
        case .or(let lhs, let rhs): return .or(lhs.folded(), rhs.folded())
        case .shortCircuitAnd(let lhs, let rhs): return .shortCircuitAnd(lhs.folded(), rhs.folded())
        case .shortCircuitOr(let lhs, let rhs): return .shortCircuitOr(lhs.folded(), rhs.folded())
        case .not(let operand): return .not(operand.folded())
        case .isNull(let operand): return .isNull(operand.folded())
        case .isNotNull(let operand): return .isNotNull(operand.folded())
        case .inList(let operand, let list): return .inList(operand.folded(), list.map { $0.folded() })
        case .likeMatch(let operand, let pattern): return .likeMatch(operand.folded(), pattern)
        case .regexMatch(let operand, let pattern): return .regexMatch(operand.folded(), pattern)
        case .field(let operand, let index, let type): return .field(operand.folded(), index, type)
        case .conditional(let branches, let otherwise, let type):
            return .conditional(branches.map { ($0.condition.folded(), $0.value.folded()) }, otherwise: otherwise.folded(), type)
        case .coalesce(let arguments, let type): return .coalesce(arguments.map { $0.folded() }, type)
        case .call(let function, let arguments, let type): return .call(function, arguments.map { $0.folded() }, type)
        case .column, .literal: return self
        }
    }

    /// The expression with every column index `i` replaced by `mapping[i]`.
    public func remappingColumns(_ mapping: [Int: Int]) -> ScalarExpression {
        switch self {
        case .column(let index, let type): return .column(mapping[index] ?? index, type)
        case .literal: return self
        case .cast(let operand, let type): return .cast(operand.remappingColumns(mapping), type)
        case .binary(let op, let lhs, let rhs, let type): return .binary(op, lhs.remappingColumns(mapping), rhs.remappingColumns(mapping), type)
        case .negate(let operand): return .negate(operand.remappingColumns(mapping))
        case .comparison(let op, let lhs, let rhs): return .comparison(op, lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .nullSafeEqual(let lhs, let rhs): return .nullSafeEqual(lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .and(let lhs, let rhs): return .and(lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .or(let lhs, let rhs): return .or(lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .shortCircuitAnd(let lhs, let rhs): return .shortCircuitAnd(lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .shortCircuitOr(let lhs, let rhs): return .shortCircuitOr(lhs.remappingColumns(mapping), rhs.remappingColumns(mapping))
        case .not(let operand): return .not(operand.remappingColumns(mapping))
        case .isNull(let operand): return .isNull(operand.remappingColumns(mapping))
        case .isNotNull(let operand): return .isNotNull(operand.remappingColumns(mapping))
        case .inList(let operand, let list): return .inList(operand.remappingColumns(mapping), list.map { $0.remappingColumns(mapping) })
        case .likeMatch(let operand, let pattern): return .likeMatch(operand.remappingColumns(mapping), pattern)
        case .regexMatch(let operand, let pattern): return .regexMatch(operand.remappingColumns(mapping), pattern)
        case .field(let operand, let index, let type): return .field(operand.remappingColumns(mapping), index, type)
        case .conditional(let branches, let otherwise, let type):
            return .conditional(branches.map { ($0.condition.remappingColumns(mapping), $0.value.remappingColumns(mapping)) }, otherwise: otherwise.remappingColumns(mapping), type)
        case .coalesce(let arguments, let type): return .coalesce(arguments.map { $0.remappingColumns(mapping) }, type)
        case .call(let function, let arguments, let type): return .call(function, arguments.map { $0.remappingColumns(mapping) }, type)
        }
    }
}

extension ComparisonOperator {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    public var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .lessThan: .greaterThan
        case .lessThanOrEqual: .greaterThanOrEqual
        case .greaterThan: .lessThan
        case .greaterThanOrEqual: .lessThanOrEqual
        }
    }
}
