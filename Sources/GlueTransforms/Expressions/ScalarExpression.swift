import GlueColumnar
import GlueCore

/// A typed, bound scalar expression over the columns of a batch, evaluated a whole column at a
/// time with Spark's semantics (ANSI mode off, as AWS Glue runs it).
///
/// Expressions are built through the static constructors (``arithmetic(_:_:_:)``,
/// ``compare(_:_:_:)``, ``function(_:_:)`` ...), which apply Spark's implicit casts and type
/// rules and reject what Spark's analyzer rejects; the SQL analyzer, the Filter node and the
/// Swift API all build expressions this way. ``evaluate(_:)`` then never fails on data: a value
/// that cannot be computed (division by zero, an invalid cast, a decimal overflow) is null.
///
/// ```swift
/// let amount = try ScalarExpression.arithmetic(.multiply, .column(6, .int), .column(7, .double))
/// let column = try amount.evaluate(batch)       // a `double` column
/// ```
public indirect enum ScalarExpression: Sendable {
    /// The batch's column at `index`, of type `dataType`.
    case column(Int, DataType)
    /// A constant; `.null` of any type is the SQL `NULL`.
    case literal(Value, DataType)
    /// Spark's `CAST` (ANSI off): values that cannot be converted become null.
    case cast(ScalarExpression, DataType)
    /// Binary arithmetic whose operands already have the operator's input types.
    case binary(ArithmeticOperator, ScalarExpression, ScalarExpression, DataType)
    /// Unary minus.
    case negate(ScalarExpression)
    /// A comparison (operands meet in their common type).
    case comparison(ComparisonOperator, ScalarExpression, ScalarExpression)
    /// `<=>`: equality where two nulls are equal and the result is never null.
    case nullSafeEqual(ScalarExpression, ScalarExpression)
    /// Three-valued `AND`.
    case and(ScalarExpression, ScalarExpression)
    /// Three-valued `OR`.
    case or(ScalarExpression, ScalarExpression)
    /// Python's `and` with short-circuit, over booleans in which null stands for an exception
    /// (Glue Studio's Filter lambdas): a null left side stays null (the exception propagates, even
    /// where the right side is false), a false left side is false, a true one gives the right side.
    case shortCircuitAnd(ScalarExpression, ScalarExpression)
    /// Python's `or` with short-circuit, null standing for an exception: a null left side stays
    /// null (even where the right side is true), a true left side is true, a false one gives the
    /// right side. Unlike SQL's `OR`, `NULL OR TRUE` is null here.
    case shortCircuitOr(ScalarExpression, ScalarExpression)
    /// `NOT`.
    case not(ScalarExpression)
    /// `IS NULL`.
    case isNull(ScalarExpression)
    /// `IS NOT NULL`.
    case isNotNull(ScalarExpression)
    /// `expr IN (list)`, every element already cast to the operand's type.
    case inList(ScalarExpression, [ScalarExpression])
    /// `LIKE` with a compiled pattern.
    case likeMatch(ScalarExpression, LikePattern)
    /// Python's `re.match(pattern, text)` (Java's `Matcher.lookingAt`): true when the regular
    /// expression matches at the *start* of the text, unlike `rlike`, which matches anywhere.
    /// Null stays null. Built by ``regexMatch(_:pattern:)``; Glue Studio's `REGEX` filter uses it.
    case regexMatch(ScalarExpression, String)
    /// The field at `index` of a struct value (Spark's `GetStructField`, `address.city`): null
    /// where the struct is null. Built by ``field(_:named:)`` and ``column(at:in:)``.
    case field(ScalarExpression, Int, DataType)
    /// `CASE WHEN c THEN v ... ELSE e END` with branches of the result type.
    case conditional([(condition: ScalarExpression, value: ScalarExpression)], otherwise: ScalarExpression, DataType)
    /// `coalesce(a, b, ...)`: the first non-null argument.
    case coalesce([ScalarExpression], DataType)
    /// A scalar function from ``ScalarFunction``.
    case call(ScalarFunction, [ScalarExpression], DataType)

    /// The type of the values the expression produces.
    public var dataType: DataType {
        switch self {
        case .column(_, let type), .literal(_, let type), .cast(_, let type), .binary(_, _, _, let type),
            .conditional(_, _, let type), .coalesce(_, let type), .call(_, _, let type), .field(_, _, let type):
            type
        case .negate(let operand): operand.dataType
        case .comparison, .nullSafeEqual, .and, .or, .shortCircuitAnd, .shortCircuitOr, .not, .isNull, .isNotNull, .inList, .likeMatch, .regexMatch: .boolean
        }
    }

    /// Whether the expression is the untyped SQL `NULL` literal (it takes the type its context asks for).
    public var isNullLiteral: Bool {
        if case .literal(.null, _) = self { return true }
        return false
    }

    /// The constant value when the expression is a literal.
    public var literalValue: Value? {
        if case .literal(let value, _) = self { return value }
        return nil
    }

    /// Whether the expression reads no column (it has the same value on every row).
    public var isConstant: Bool {
        switch self {
        case .column: false
        case .literal: true
        case .cast(let operand, _), .negate(let operand), .not(let operand), .isNull(let operand), .isNotNull(let operand),
            .likeMatch(let operand, _), .regexMatch(let operand, _), .field(let operand, _, _):
            operand.isConstant
        case .binary(_, let lhs, let rhs, _), .comparison(_, let lhs, let rhs), .nullSafeEqual(let lhs, let rhs),
            .and(let lhs, let rhs), .or(let lhs, let rhs), .shortCircuitAnd(let lhs, let rhs), .shortCircuitOr(let lhs, let rhs):
            lhs.isConstant && rhs.isConstant
        case .inList(let operand, let list): operand.isConstant && list.allSatisfy(\.isConstant)
        case .conditional(let branches, let otherwise, _):
            branches.allSatisfy { $0.condition.isConstant && $0.value.isConstant } && otherwise.isConstant
        case .coalesce(let arguments, _): arguments.allSatisfy(\.isConstant)
        case .call(let function, let arguments, _): function.isDeterministic && arguments.allSatisfy(\.isConstant)
        }
    }

    /// The column indices the expression reads.
    public var referencedColumns: Set<Int> {
        var result = Set<Int>()
        collectColumns(into: &result)
        return result
    }

    private func collectColumns(into result: inout Set<Int>) {
        switch self {
        case .column(let index, _): result.insert(index)
        case .literal: break
        case .cast(let operand, _), .negate(let operand), .not(let operand), .isNull(let operand), .isNotNull(let operand),
            .likeMatch(let operand, _), .regexMatch(let operand, _), .field(let operand, _, _):
            operand.collectColumns(into: &result)
        case .binary(_, let lhs, let rhs, _), .comparison(_, let lhs, let rhs), .nullSafeEqual(let lhs, let rhs),
            .and(let lhs, let rhs), .or(let lhs, let rhs), .shortCircuitAnd(let lhs, let rhs), .shortCircuitOr(let lhs, let rhs):
            lhs.collectColumns(into: &result)
            rhs.collectColumns(into: &result)
        case .inList(let operand, let list):
            operand.collectColumns(into: &result)
            for element in list { element.collectColumns(into: &result) }
        case .conditional(let branches, let otherwise, _):
            for branch in branches {
                branch.condition.collectColumns(into: &result)
                branch.value.collectColumns(into: &result)
            }
            otherwise.collectColumns(into: &result)
        case .coalesce(let arguments, _), .call(_, let arguments, _):
            for argument in arguments { argument.collectColumns(into: &result) }
        }
    }
}

extension ScalarExpression: CustomStringConvertible {
    /// The expression in Spark SQL's notation (column references as `#index`).
    public var description: String {
        switch self {
        case .column(let index, _): return "#\(index)"
        case .literal(let value, let type): return value.isNull ? "NULL" : value.displayText(as: type)
        case .cast(let operand, let type): return "CAST(\(operand) AS \(type))"
        case .binary(let op, let lhs, let rhs, _): return "(\(lhs) \(op.rawValue) \(rhs))"
        case .negate(let operand): return "(- \(operand))"
        case .comparison(let op, let lhs, let rhs): return "(\(lhs) \(op.rawValue) \(rhs))"
        case .nullSafeEqual(let lhs, let rhs): return "(\(lhs) <=> \(rhs))"
        case .and(let lhs, let rhs): return "(\(lhs) AND \(rhs))"
        case .or(let lhs, let rhs): return "(\(lhs) OR \(rhs))"
        case .shortCircuitAnd(let lhs, let rhs): return "(\(lhs) and \(rhs))"
        case .shortCircuitOr(let lhs, let rhs): return "(\(lhs) or \(rhs))"
        case .not(let operand): return "(NOT \(operand))"
        case .isNull(let operand): return "(\(operand) IS NULL)"
        case .isNotNull(let operand): return "(\(operand) IS NOT NULL)"
        case .inList(let operand, let list): return "(\(operand) IN (\(list.map(\.description).joined(separator: ", "))))"
        case .likeMatch(let operand, let pattern): return "(\(operand) LIKE \(pattern))"
        case .regexMatch(let operand, let pattern): return "re_match(\(operand), '\(pattern)')"
        case .field(let operand, let index, _):
            guard case .struct(let fields) = operand.dataType, fields.indices.contains(index) else { return "\(operand).#\(index)" }
            return "\(operand).\(fields[index].name)"
        case .conditional(let branches, let otherwise, _):
            return "CASE " + branches.map { "WHEN \($0.condition) THEN \($0.value) " }.joined() + "ELSE \(otherwise) END"
        case .coalesce(let arguments, _): return "coalesce(\(arguments.map(\.description).joined(separator: ", ")))"
        case .call(let function, let arguments, _): return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}
