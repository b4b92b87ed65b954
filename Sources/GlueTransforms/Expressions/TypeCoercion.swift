import GlueColumnar
import GlueCore

/// A binary arithmetic operator of Spark SQL.
public enum ArithmeticOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    /// `/`: fractional division (integers divide as `double`).
    case divide = "/"
    /// `%` and `mod`: the remainder, with the sign of the dividend.
    case remainder = "%"
    /// `div`: integral division, a `bigint`.
    case integralDivide = "div"
}

/// Spark's implicit type rules (`TypeCoercion` and `DecimalPrecision` with ANSI mode off and
/// `spark.sql.decimalOperations.allowPrecisionLoss` on, the defaults in Glue).
public enum TypeCoercion {
    /// The decimal type an integer type widens to (`int` is `decimal(10,0)`).
    public static func decimalForIntegral(_ type: DataType) -> DataType? {
        switch type {
        case .tinyint: .decimal(precision: 3, scale: 0)
        case .smallint: .decimal(precision: 5, scale: 0)
        case .int: .decimal(precision: 10, scale: 0)
        case .bigint: .decimal(precision: 20, scale: 0)
        default: nil
        }
    }

    /// Bounds a decimal's precision at 38 as Spark's `DecimalType.adjustPrecisionScale` does:
    /// integral digits are kept and the scale shrinks, but not below `min(scale, 6)`.
    public static func adjustedDecimal(precision: Int, scale: Int) -> DataType {
        if precision <= 38 { return .decimal(precision: precision, scale: scale) }
        let integralDigits = precision - scale
        let minimumScale = min(scale, 6)
        let adjustedScale = max(38 - integralDigits, minimumScale)
        return .decimal(precision: 38, scale: adjustedScale)
    }

    /// A decimal type bounded at 38 digits by truncation (Spark's `DecimalType.bounded`).
    static func boundedDecimal(precision: Int, scale: Int) -> DataType {
        .decimal(precision: min(precision, 38), scale: min(scale, 38))
    }

    private static func integralRank(_ type: DataType) -> Int? {
        switch type {
        case .tinyint: 1
        case .smallint: 2
        case .int: 3
        case .bigint: 4
        default: nil
        }
    }

    /// The tightest common type of two types for set operations, `CASE`, `coalesce`, `IN`
    /// (Spark's `findWiderTypeForTwo`, with text as the meeting point of text and other
    /// primitives), or `nil` when there is none.
    public static func widerType(_ lhs: DataType, _ rhs: DataType) -> DataType? {
        if lhs == rhs { return lhs }
        if let left = integralRank(lhs), let right = integralRank(rhs) { return left >= right ? lhs : rhs }
        switch (lhs, rhs) {
        case (.double, _) where rhs.isNumeric, (_, .double) where lhs.isNumeric: return .double
        case (.float, .decimal), (.decimal, .float): return .double
        case (.float, _) where rhs.isIntegral, (_, .float) where lhs.isIntegral: return .float
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            let scale = max(s1, s2)
            return boundedDecimal(precision: max(p1 - s1, p2 - s2) + scale, scale: scale)
        case (.decimal, _) where rhs.isIntegral:
            guard let widened = decimalForIntegral(rhs) else { return nil }
            return widerType(lhs, widened)
        case (_, .decimal) where lhs.isIntegral:
            guard let widened = decimalForIntegral(lhs) else { return nil }
            return widerType(widened, rhs)
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        case (.date, .timestampNTZ), (.timestampNTZ, .date): return .timestampNTZ
        case (.timestamp, .timestampNTZ), (.timestampNTZ, .timestamp): return .timestamp
        case _ where lhs.isString && rhs.isString: return .string
        case _ where lhs.isString && rhs.isPrimitive && rhs != .binary: return .string
        case _ where rhs.isString && lhs.isPrimitive && lhs != .binary: return .string
        case (.array(let left), .array(let right)):
            return widerType(left, right).map { .array($0) }
        default: return nil
        }
    }

    /// The common type of several expressions; untyped `NULL` literals take the others' type.
    public static func widerType(of expressions: [ScalarExpression]) -> DataType? {
        let typed = expressions.filter { !$0.isNullLiteral }
        guard var result = typed.first?.dataType else { return expressions.first?.dataType ?? .string }
        for expression in typed.dropFirst() {
            guard let wider = widerType(result, expression.dataType) else { return nil }
            result = wider
        }
        return result
    }

    /// The operand types and the result type of `lhs op rhs`.
    ///
    /// - Throws: `InvalidInputException` (an analysis error) when the types cannot meet.
    public static func arithmetic(
        _ op: ArithmeticOperator, _ lhs: DataType, _ rhs: DataType
    ) throws(GlueError) -> (left: DataType, right: DataType, result: DataType) {
        // Text in arithmetic is read as double (ANSI off).
        let left = lhs.isString ? DataType.double : lhs
        let right = rhs.isString ? DataType.double : rhs
        guard left.isNumeric, right.isNumeric else {
            throw GlueError(.invalidInput, "cannot resolve '(\(lhs) \(op.rawValue) \(rhs))' due to data type mismatch: the operator \(op.rawValue) needs numeric operands, not \(lhs) and \(rhs).")
        }
        if op == .integralDivide {
            if left.isIntegral && right.isIntegral { return (.bigint, .bigint, .bigint) }
            if case .decimal = left, right.isIntegral || isDecimal(right) {
                let (l, r) = (decimalView(left), decimalView(right))
                return (l, r, .bigint)
            }
            if case .decimal = right, left.isIntegral {
                return (decimalView(left), right, .bigint)
            }
            return (.double, .double, .bigint)
        }
        if left == .double || right == .double || (left == .float && isDecimal(right)) || (right == .float && isDecimal(left)) {
            return (.double, .double, .double)
        }
        if left == .float || right == .float {
            if op == .divide { return (.double, .double, .double) }
            return (.float, .float, .float)
        }
        if left.isIntegral && right.isIntegral {
            if op == .divide { return (.double, .double, .double) }
            guard let wider = widerType(left, right) else { return (.bigint, .bigint, .bigint) }
            return (wider, wider, wider)
        }
        // At least one decimal; integers widen to their decimal.
        let l = decimalView(left)
        let r = decimalView(right)
        guard case .decimal(let p1, let s1) = l, case .decimal(let p2, let s2) = r else {
            return (.double, .double, .double)
        }
        let result: DataType
        switch op {
        case .add, .subtract:
            let scale = max(s1, s2)
            result = adjustedDecimal(precision: max(p1 - s1, p2 - s2) + scale + 1, scale: scale)
        case .multiply:
            result = adjustedDecimal(precision: p1 + p2 + 1, scale: s1 + s2)
        case .divide:
            let scale = max(6, s1 + p2 + 1)
            result = adjustedDecimal(precision: p1 - s1 + s2 + scale, scale: scale)
        case .remainder:
            let scale = max(s1, s2)
            result = adjustedDecimal(precision: min(p1 - s1, p2 - s2) + scale, scale: scale)
        case .integralDivide:
            result = .bigint
        }
        return (l, r, result)
    }

    static func isDecimal(_ type: DataType) -> Bool {
        if case .decimal = type { return true }
        return false
    }

    static func decimalView(_ type: DataType) -> DataType { decimalForIntegral(type) ?? type }
}

extension ScalarExpression {
    /// `expr` cast to `type` (no node when it already has the type; a `NULL` literal just takes it).
    ///
    /// - Throws: `InvalidInputException` when Spark cannot cast between the types.
    public static func casting(_ expression: ScalarExpression, to type: DataType) throws(GlueError) -> ScalarExpression {
        if expression.dataType == type { return expression }
        if expression.isNullLiteral { return .literal(.null, type) }
        guard Cast.canCast(from: expression.dataType, to: type) else {
            throw GlueError(.invalidInput, "cannot resolve 'CAST(\(expression) AS \(type))' due to data type mismatch: cannot cast \(expression.dataType) to \(type).")
        }
        return .cast(expression, type)
    }

    /// `lhs op rhs` with Spark's promotion: integers keep the wider integer type (and wrap),
    /// `float`/`double` win over integers and decimals, `/` is fractional, decimals follow
    /// Spark's precision and scale rules, text is read as `double`, and `date ± n` adds days.
    ///
    /// - Throws: `InvalidInputException` when the types do not fit the operator.
    public static func arithmetic(_ op: ArithmeticOperator, _ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        if lhs.isNullLiteral && rhs.isNullLiteral { return .literal(.null, .double) }
        var left = lhs
        var right = rhs
        if left.isNullLiteral { left = .literal(.null, right.dataType.isNumeric ? right.dataType : .double) }
        if right.isNullLiteral { right = .literal(.null, left.dataType.isNumeric ? left.dataType : .double) }
        if left.dataType == .date && right.dataType.isIntegral && (op == .add || op == .subtract) {
            return try function(op == .add ? .date_add : .date_sub, [left, right])
        }
        if op == .add && left.dataType.isIntegral && right.dataType == .date {
            return try function(.date_add, [right, left])
        }
        if op == .subtract && left.dataType == .date && right.dataType == .date {
            return try function(.datediff, [left, right])
        }
        let types = try TypeCoercion.arithmetic(op, left.dataType, right.dataType)
        return .binary(op, try casting(left, to: types.left), try casting(right, to: types.right), types.result)
    }

    /// A comparison; Spark's implicit casts bring the operands together when the rows are compared.
    ///
    /// - Throws: `InvalidInputException` when the types cannot be compared.
    public static func compare(_ op: ComparisonOperator, _ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        if lhs.isNullLiteral || rhs.isNullLiteral { return .literal(.null, .boolean) }
        do {
            _ = try ComparisonOperator.commonType(lhs.dataType, rhs.dataType)
        } catch {
            throw GlueError(.invalidInput, "cannot resolve '(\(lhs) \(op.rawValue) \(rhs))' due to data type mismatch: \(lhs.dataType) and \(rhs.dataType) cannot be compared.")
        }
        return .comparison(op, lhs, rhs)
    }

    /// A boolean operand: text and numbers are cast to boolean as Spark's implicit casts do.
    ///
    /// - Throws: `InvalidInputException` for other types.
    public static func boolean(_ expression: ScalarExpression, for name: String) throws(GlueError) -> ScalarExpression {
        if expression.dataType == .boolean { return expression }
        if expression.isNullLiteral { return .literal(.null, .boolean) }
        guard expression.dataType.isString || expression.dataType.isNumeric else {
            throw GlueError(.invalidInput, "cannot resolve '\(name)' due to data type mismatch: \(expression) is \(expression.dataType), not boolean.")
        }
        return .cast(expression, .boolean)
    }

    /// Three-valued `AND`.
    public static func conjunction(_ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .and(try boolean(lhs, for: "AND"), try boolean(rhs, for: "AND"))
    }

    /// Three-valued `OR`.
    public static func disjunction(_ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .or(try boolean(lhs, for: "OR"), try boolean(rhs, for: "OR"))
    }

    /// `NOT`.
    public static func negation(_ operand: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .not(try boolean(operand, for: "NOT"))
    }

    /// `expr [NOT] BETWEEN low AND high`: `low <= expr AND expr <= high`.
    public static func between(_ operand: ScalarExpression, _ low: ScalarExpression, _ high: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .and(try compare(.greaterThanOrEqual, operand, low), try compare(.lessThanOrEqual, operand, high))
    }

    /// `expr IN (v1, v2, ...)`: all sides meet in their wider type.
    ///
    /// - Throws: `InvalidInputException` when the list is empty or the types cannot meet.
    public static func isIn(_ operand: ScalarExpression, _ list: [ScalarExpression]) throws(GlueError) -> ScalarExpression {
        guard !list.isEmpty else { throw GlueError(.invalidInput, "IN needs at least one value.") }
        guard let type = TypeCoercion.widerType(of: [operand] + list) else {
            throw GlueError(.invalidInput, "cannot resolve '\(operand) IN (...)' due to data type mismatch: the values have no common type with \(operand.dataType).")
        }
        var elements: [ScalarExpression] = []
        for element in list { elements.append(try casting(element, to: type)) }
        return .inList(try casting(operand, to: type), elements)
    }

    /// `CASE WHEN ... THEN ... [ELSE ...] END`: the values meet in their wider type; a missing
    /// `ELSE` is `NULL`.
    ///
    /// - Throws: `InvalidInputException` when the values have no common type.
    public static func caseWhen(_ branches: [(ScalarExpression, ScalarExpression)], otherwise: ScalarExpression?) throws(GlueError) -> ScalarExpression {
        let values = branches.map(\.1) + [otherwise ?? .literal(.null, .string)]
        guard let type = TypeCoercion.widerType(of: values) else {
            throw GlueError(.invalidInput, "cannot resolve 'CASE WHEN ...' due to data type mismatch: THEN and ELSE expressions should all be same type or coercible to a common type, got \(values.map { "\($0.dataType)" }.joined(separator: ", ")).")
        }
        var typed: [(condition: ScalarExpression, value: ScalarExpression)] = []
        for (condition, value) in branches {
            typed.append((try boolean(condition, for: "CASE WHEN"), try casting(value, to: type)))
        }
        let elseValue = try casting(otherwise ?? .literal(.null, type), to: type)
        return .conditional(typed, otherwise: elseValue, type)
    }

    /// `coalesce(a, b, ...)`.
    ///
    /// - Throws: `InvalidInputException` without arguments or when they have no common type.
    public static func coalescing(_ arguments: [ScalarExpression]) throws(GlueError) -> ScalarExpression {
        guard !arguments.isEmpty else { throw GlueError(.invalidInput, "coalesce needs at least one argument.") }
        guard let type = TypeCoercion.widerType(of: arguments) else {
            throw GlueError(.invalidInput, "cannot resolve 'coalesce(...)' due to data type mismatch: the arguments have no common type.")
        }
        var typed: [ScalarExpression] = []
        for argument in arguments { typed.append(try casting(argument, to: type)) }
        return typed.count == 1 ? typed[0] : .coalesce(typed, type)
    }

    /// `nullif(a, b)`: null when `a = b`, else `a`.
    public static func nullIf(_ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        try caseWhen([(try compare(.equal, lhs, rhs), .literal(.null, lhs.dataType))], otherwise: lhs)
    }

    /// `[NOT] LIKE pattern` with `\` as the escape character.
    ///
    /// - Throws: `InvalidInputException` when the pattern is not a constant or ends in an escape.
    public static func like(_ operand: ScalarExpression, pattern: ScalarExpression, caseInsensitive: Bool = false) throws(GlueError) -> ScalarExpression {
        if operand.isNullLiteral || pattern.isNullLiteral { return .literal(.null, .boolean) }
        guard case .literal(.string(let text), _) = pattern else {
            throw GlueError(.unsupportedFeature, "LIKE with a pattern that is not a constant string is not supported yet.")
        }
        let subject = operand.dataType.isString ? operand : try casting(operand, to: .string)
        return .likeMatch(subject, try LikePattern(text, caseInsensitive: caseInsensitive))
    }
}
