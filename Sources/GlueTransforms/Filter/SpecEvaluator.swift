import GlueColumnar
import GlueCore

/// Evaluates a ``FilterSpec`` over a batch with the outcome of Studio's Python lambda.
///
/// Each expression yields, per row, true, false or "raised" (a `TypeError` on `None`); `and`/`or`
/// combine left to right with short-circuit, and a raised row is dropped.
struct SpecEvaluator {
    let spec: FilterSpec

    /// Per-row outcome of one expression.
    struct Outcome {
        var value: [Bool]
        var raised: [Bool]
    }

    func evaluate(_ batch: RecordBatch) throws(GlueError) -> [Bool] {
        guard !spec.filters.isEmpty else { return [Bool](repeating: true, count: batch.rowCount) }
        var result: Outcome? = nil
        for expression in spec.filters {
            let outcome = try evaluate(expression, batch)
            guard var combined = result else {
                result = outcome
                continue
            }
            for row in 0..<batch.rowCount where !combined.raised[row] {
                // Python: `a and b` evaluates b only when a is true; `a or b` only when a is false.
                let evaluatesRight = spec.logicalOperator == .and ? combined.value[row] : !combined.value[row]
                if evaluatesRight {
                    combined.value[row] = outcome.value[row]
                    combined.raised[row] = outcome.raised[row]
                }
            }
            result = combined
        }
        guard let result else { return [] }
        return zip(result.value, result.raised).map { $0 && !$1 }
    }

    private func column(_ path: FieldPath, _ batch: RecordBatch) throws(GlueError) -> Column {
        guard let (_, column) = batch.column(at: path) else {
            throw GlueError(.invalidInput, "Filter column \(path) is not in the input (\(batch.schema)).")
        }
        return column
    }

    /// A constant typed like `type`, as Studio writes it into the generated code.
    private func constant(_ text: String, as type: DataType) throws(GlueError) -> Value {
        if type.isString || type == .binary { return .string(text) }
        let parsed = try Column(strings: [text]).cast(to: type)
        let value = parsed.value(at: 0)
        if value.isNull {
            throw GlueError(.invalidInput, "Filter constant '\(text)' is not a valid \(type) value.")
        }
        return value
    }

    private func evaluate(_ expression: FilterExpression, _ batch: RecordBatch) throws(GlueError) -> Outcome {
        let count = batch.rowCount
        let operands = expression.values
        let expected = expression.operation == .isNull ? 1 : 2
        guard operands.count == expected else {
            throw GlueError(.invalidInput, "Filter operation \(expression.operation.rawValue) takes \(expected) values, not \(operands.count).")
        }
        var outcome: Outcome
        switch expression.operation {
        case .isNull:
            guard case .column(let path) = operands[0] else {
                throw GlueError(.invalidInput, "ISNULL needs a column (COLUMNEXTRACTED) value.")
            }
            let target = try column(path, batch)
            outcome = Outcome(value: (0..<count).map { target.isNull(at: $0) }, raised: [Bool](repeating: false, count: count))
        case .regex:
            guard case .column(let path) = operands[0], case .constant(let pattern) = operands[1] else {
                throw GlueError(.invalidInput, "REGEX needs a column and a constant pattern.")
            }
            outcome = try regex(try column(path, batch), pattern)
        case .eq, .lt, .gt, .lte, .gte:
            outcome = try comparison(expression.operation, operands, batch)
        }
        if expression.negated {
            for row in 0..<count { outcome.value[row].toggle() }
        }
        return outcome
    }

    private func comparison(_ operation: FilterExpression.Operation, _ operands: [FilterValue], _ batch: RecordBatch) throws(GlueError) -> Outcome {
        let count = batch.rowCount
        let op: ComparisonOperator = switch operation {
        case .eq: .equal
        case .lt: .lessThan
        case .gt: .greaterThan
        case .lte: .lessThanOrEqual
        default: .greaterThanOrEqual
        }
        let mask: Column
        var leftNull = [Bool](repeating: false, count: count)
        var rightNull = [Bool](repeating: false, count: count)
        switch (operands[0], operands[1]) {
        case (.column(let leftPath), .column(let rightPath)):
            let left = try column(leftPath, batch)
            let right = try column(rightPath, batch)
            mask = try left.compare(op, right)
            leftNull = (0..<count).map { left.isNull(at: $0) }
            rightNull = (0..<count).map { right.isNull(at: $0) }
        case (.column(let path), .constant(let text)):
            let target = try column(path, batch)
            mask = try target.compare(op, try constant(text, as: target.dataType))
            leftNull = (0..<count).map { target.isNull(at: $0) }
        case (.constant(let text), .column(let path)):
            let target = try column(path, batch)
            mask = try target.compare(Self.mirrored(op), try constant(text, as: target.dataType))
            rightNull = (0..<count).map { target.isNull(at: $0) }
        case (.constant(let left), .constant(let right)):
            let holds = try Column(strings: [left]).compare(op, .string(right)).value(at: 0) == .boolean(true)
            return Outcome(value: [Bool](repeating: holds, count: count), raised: [Bool](repeating: false, count: count))
        }
        guard case .boolean(let flags) = mask.storage else {
            throw GlueError(.internalService, "A comparison did not yield booleans.")
        }
        var value = flags
        var raised = [Bool](repeating: false, count: count)
        for row in 0..<count where leftNull[row] || rightNull[row] {
            if operation == .eq {
                value[row] = leftNull[row] && rightNull[row]
            } else {
                value[row] = false
                raised[row] = true
            }
        }
        return Outcome(value: value, raised: raised)
    }

    private static func mirrored(_ op: ComparisonOperator) -> ComparisonOperator {
        switch op {
        case .lessThan: .greaterThan
        case .greaterThan: .lessThan
        case .lessThanOrEqual: .greaterThanOrEqual
        case .greaterThanOrEqual: .lessThanOrEqual
        default: op
        }
    }

    private func regex(_ target: Column, _ pattern: String) throws(GlueError) -> Outcome {
        let count = target.count
        let expression: Regex<AnyRegexOutput>
        do {
            expression = try Regex(pattern)
        } catch {
            throw GlueError(.invalidInput, "Filter REGEX pattern '\(pattern)' is not valid: \(error).")
        }
        guard target.dataType.isString else {
            // re.match on a number raises TypeError: every record is dropped.
            return Outcome(value: [Bool](repeating: false, count: count), raised: [Bool](repeating: true, count: count))
        }
        var outcome = Outcome(value: [Bool](repeating: false, count: count), raised: [Bool](repeating: false, count: count))
        for row in 0..<count {
            guard case .string(let text) = target.value(at: row) else {
                outcome.raised[row] = true
                continue
            }
            outcome.value[row] = (try? expression.prefixMatch(in: text)) != nil
        }
        return outcome
    }
}
