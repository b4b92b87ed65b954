import GlueColumnar
import GlueCore

extension FilterSpec {
    /// The spec as one boolean ``ScalarExpression`` over batches of `schema`, with the outcome of
    /// the Python lambda Glue Studio generates for it: per row true, false, or null where the
    /// lambda raises (`TypeError` on `None`), and ``Filter`` keeps only the true rows.
    ///
    /// | Studio | expression | null operand |
    /// | --- | --- | --- |
    /// | `EQ` | `a <=> b` (Python's `==`) | false (true when both are null) |
    /// | `LT`, `GT`, `LTE`, `GTE` | `a < b` ... | null (raises), also when negated |
    /// | `REGEX` | ``ScalarExpression/regexMatch(_:_:)`` (`re.match`) | null; a non-text column raises on every row |
    /// | `ISNULL` | `a IS NULL` | never null |
    /// | `Negated` | `NOT` (null stays null) | |
    /// | `AND` / `OR` | ``ScalarExpression/shortCircuitAnd(_:_:)`` / ``ScalarExpression/shortCircuitOr(_:_:)``, left to right | a raised left side drops the row |
    ///
    /// A `CONSTANT` is typed like the column it meets (`"15"` against an `int` column is 15), as
    /// Studio writes it into the generated code; two constants compare as text.
    ///
    /// - Throws: `InvalidInputException` for a path that is not in `schema`, a wrong number of
    ///   values, a constant that is not a valid value of its column's type, an invalid `REGEX`
    ///   pattern, or two columns that cannot be compared.
    public func expression(for schema: Schema) throws(GlueError) -> ScalarExpression {
        var result: ScalarExpression?
        for filter in filters {
            let next = try filter.expression(for: schema)
            guard let left = result else {
                result = next
                continue
            }
            result = logicalOperator == .and ? .shortCircuitAnd(left, next) : .shortCircuitOr(left, next)
        }
        return result ?? .literal(.boolean(true), .boolean)
    }
}

extension FilterExpression {
    /// One expression of a ``FilterSpec`` (see ``FilterSpec/expression(for:)``).
    ///
    /// - Throws: `InvalidInputException` as ``FilterSpec/expression(for:)`` does.
    public func expression(for schema: Schema) throws(GlueError) -> ScalarExpression {
        let expected = operation == .isNull ? 1 : 2
        guard values.count == expected else {
            throw GlueError(.invalidInput, "Filter operation \(operation.rawValue) takes \(expected) values, not \(values.count).")
        }
        let test: ScalarExpression
        switch operation {
        case .isNull:
            guard case .column(let path) = values[0] else {
                throw GlueError(.invalidInput, "ISNULL needs a column (COLUMNEXTRACTED) value.")
            }
            test = .isNull(try Self.column(path, schema))
        case .regex:
            guard case .column(let path) = values[0], case .constant(let pattern) = values[1] else {
                throw GlueError(.invalidInput, "REGEX needs a column and a constant pattern.")
            }
            let target = try Self.column(path, schema)
            do {
                try RegexKernels.validate(pattern)
            } catch {
                throw GlueError(.invalidInput, "Filter REGEX: \(error.message)")
            }
            // re.match on anything but a str raises TypeError: every record is dropped.
            test = target.dataType.isString ? try ScalarExpression.regexMatch(target, pattern: pattern) : .literal(.null, .boolean)
        case .eq, .lt, .gt, .lte, .gte:
            test = try comparison(schema)
        }
        return negated ? .not(test) : test
    }

    private var comparisonOperator: ComparisonOperator {
        switch operation {
        case .lt: .lessThan
        case .gt: .greaterThan
        case .lte: .lessThanOrEqual
        case .gte: .greaterThanOrEqual
        default: .equal
        }
    }

    /// A comparison; the operand types already meet (a constant takes its column's type, two
    /// columns meet in the comparison kernel's common type), so no cast is added.
    private func comparison(_ schema: Schema) throws(GlueError) -> ScalarExpression {
        let op = comparisonOperator
        let left: ScalarExpression
        let right: ScalarExpression
        switch (values[0], values[1]) {
        case (.column(let leftPath), .column(let rightPath)):
            left = try Self.column(leftPath, schema)
            right = try Self.column(rightPath, schema)
        case (.column(let path), .constant(let text)):
            left = try Self.column(path, schema)
            right = try Self.constant(text, as: left.dataType)
        case (.constant(let text), .column(let path)):
            right = try Self.column(path, schema)
            left = try Self.constant(text, as: right.dataType)
        case (.constant(let leftText), .constant(let rightText)):
            let holds = try Column(strings: [leftText]).compare(op, .string(rightText)).value(at: 0) == .boolean(true)
            return .literal(.boolean(holds), .boolean)
        }
        // Python's `==` is false against None (true for two Nones); ordering comparisons raise.
        return operation == .eq ? .nullSafeEqual(left, right) : .comparison(op, left, right)
    }

    private static func column(_ path: FieldPath, _ schema: Schema) throws(GlueError) -> ScalarExpression {
        guard let expression = ScalarExpression.column(at: path, in: schema) else {
            throw GlueError(.invalidInput, "Filter column \(path) is not in the input (\(schema)).")
        }
        return expression
    }

    /// A constant typed like `type`, as Studio writes it into the generated code.
    private static func constant(_ text: String, as type: DataType) throws(GlueError) -> ScalarExpression {
        if type.isString || type == .binary { return .literal(.string(text), .string) }
        let value = try Column(strings: [text]).cast(to: type).value(at: 0)
        if value.isNull {
            throw GlueError(.invalidInput, "Filter constant '\(text)' is not a valid \(type) value.")
        }
        return .literal(value, type)
    }
}
