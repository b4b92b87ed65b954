import GlueColumnar
import GlueCore
import GlueTransforms

/// Turns parsed expressions into typed ``ScalarExpression``s over a scope: names resolve to column
/// positions, functions to the engine's, Spark's implicit casts are applied, and anything
/// unknown is an `AnalysisException` that names it and suggests the closest name.
struct ExpressionBinder {
    /// Microseconds since the epoch at which the query runs (`current_timestamp()`).
    let now: Int64

    /// Replaces whole sub-expressions before they are bound (aggregates and grouped expressions
    /// above an aggregation); `nil` binds the expression normally.
    typealias Hook = (SQLExpression) throws(GlueError) -> ScalarExpression?

    static let aggregateNames: [String: AggFunc] = [
        "sum": .sum, "count": .count, "avg": .avg, "mean": .avg, "min": .min, "max": .max, "first": .first, "last": .last,
        "first_value": .first, "last_value": .last, "stddev": .stddev_samp, "stddev_samp": .stddev_samp, "std": .stddev_samp,
        "stddev_pop": .stddev_pop, "variance": .var_samp, "var_samp": .var_samp, "var_pop": .var_pop, "kurtosis": .kurtosis,
        "skewness": .skewness, "approx_count_distinct": .countDistinct,
    ]

    static let unsupportedAggregates: Set<String> = [
        "collect_list", "collect_set", "percentile", "percentile_approx", "approx_percentile", "median", "mode", "corr",
        "covar_pop", "covar_samp", "count_if", "bool_and", "bool_or", "every", "any", "some", "max_by", "min_by", "array_agg",
    ]

    static let windowFunctions: Set<String> = [
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "nth_value",
    ]

    static let conditionalNames = ["coalesce", "nvl", "ifnull", "nullif", "if", "iff", "nvl2", "isnull", "isnotnull", "current_date",
                                   "current_timestamp", "now", "mod", "greatest", "least", "cast"]

    /// Every function name the engine knows, for suggestions.
    static var knownFunctionNames: [String] {
        ScalarFunction.allNames + Array(aggregateNames.keys) + conditionalNames
    }

    static func isAggregateCall(_ expression: SQLExpression) -> Bool {
        if case .function(let name, _, _, _) = expression { return aggregateNames[name.lowercased()] != nil }
        return false
    }

    func bind(_ expression: SQLExpression, _ scope: SQLScope, hook: Hook? = nil) throws(GlueError) -> ScalarExpression {
        if let hook, let replaced = try hook(expression) { return replaced }
        func sub(_ child: SQLExpression) throws(GlueError) -> ScalarExpression { try bind(child, scope, hook: hook) }
        switch expression {
        case .identifier(let parts):
            if parts.count == 1, try scope.find(parts) == nil {
                switch parts[0].lowercased() {
                case "current_date": return .literal(.date(days: Int32(truncatingIfNeeded: TemporalFormat.splitDays(now).days)), .date)
                case "current_timestamp": return .literal(.timestamp(microseconds: now), .timestamp)
                default: break
                }
            }
            let position = try scope.resolve(parts)
            return .column(position, scope.entries[position].dataType)
        case .star:
            throw SQLError.analysis("Invalid usage of '*' in an expression.")
        case .literal(let value, let type):
            return .literal(value, type)
        case .typedLiteral(let type, let text):
            let target: DataType = type == "DATE" ? .date : (type == "TIMESTAMP_NTZ" ? .timestampNTZ : .timestamp)
            let value = try ScalarExpression.casting(.literal(.string(text), .string), to: target).folded()
            guard let literal = value.literalValue, !literal.isNull else {
                throw SQLError.analysis("[INVALID_TYPED_LITERAL] The value of the typed literal \(type) is invalid: '\(text)'.")
            }
            return .literal(literal, target)
        case .negate(let operand):
            var bound = try sub(operand)
            if bound.dataType.isString { bound = try ScalarExpression.casting(bound, to: .double) }
            guard bound.dataType.isNumeric || bound.isNullLiteral else {
                throw SQLError.analysis("cannot resolve '(- \(operand.generatedName))' due to data type mismatch: \(bound.dataType) is not numeric.")
            }
            return .negate(bound)
        case .not(let operand):
            return try ScalarExpression.negation(try sub(operand))
        case .binary(let op, let lhs, let rhs):
            let left = try sub(lhs)
            let right = try sub(rhs)
            switch op {
            case "+": return try ScalarExpression.arithmetic(.add, left, right)
            case "-": return try ScalarExpression.arithmetic(.subtract, left, right)
            case "*": return try ScalarExpression.arithmetic(.multiply, left, right)
            case "/": return try ScalarExpression.arithmetic(.divide, left, right)
            case "%": return try ScalarExpression.arithmetic(.remainder, left, right)
            case "div": return try ScalarExpression.arithmetic(.integralDivide, left, right)
            case "AND": return try ScalarExpression.conjunction(left, right)
            case "OR": return try ScalarExpression.disjunction(left, right)
            case "<=>":
                if left.isNullLiteral || right.isNullLiteral {
                    let other = left.isNullLiteral ? right : left
                    return other.isNullLiteral ? .literal(.boolean(true), .boolean) : .isNull(other)
                }
                _ = try ScalarExpression.compare(.equal, left, right)
                return .nullSafeEqual(left, right)
            default:
                guard let comparison = ComparisonOperator(rawValue: op) else { throw SQLError.unsupported("the operator \(op) is") }
                return try ScalarExpression.compare(comparison, left, right)
            }
        case .isNull(let operand, let negated):
            let bound = try sub(operand)
            return negated ? .isNotNull(bound) : .isNull(bound)
        case .inList(let operand, let list, let negated):
            var elements: [ScalarExpression] = []
            for element in list { elements.append(try sub(element)) }
            let test = try ScalarExpression.isIn(try sub(operand), elements)
            return negated ? .not(test) : test
        case .between(let operand, let low, let high, let negated):
            let test = try ScalarExpression.between(try sub(operand), try sub(low), try sub(high))
            return negated ? .not(test) : test
        case .like(let kind, let operand, let pattern, let negated):
            let subject = try sub(operand)
            let boundPattern = try sub(pattern).folded()
            let test: ScalarExpression
            if kind == "RLIKE" {
                test = try ScalarExpression.function(.rlike, [subject, boundPattern])
            } else {
                test = try ScalarExpression.like(subject, pattern: boundPattern, caseInsensitive: kind == "ILIKE")
            }
            return negated ? try ScalarExpression.negation(test) : test
        case .caseWhen(let operand, let conditions, let values, let otherwise):
            var branches: [(ScalarExpression, ScalarExpression)] = []
            let subject = try operand.map { (operand) throws(GlueError) -> ScalarExpression in try sub(operand) }
            for (condition, value) in zip(conditions, values) {
                var test = try sub(condition)
                if let subject { test = try ScalarExpression.compare(.equal, subject, test) }
                branches.append((test, try sub(value)))
            }
            return try ScalarExpression.caseWhen(branches, otherwise: try otherwise.map { (otherwise) throws(GlueError) -> ScalarExpression in try sub(otherwise) })
        case .cast(let operand, let type):
            return try ScalarExpression.casting(try sub(operand), to: type)
        case .subscriptOf(let base, let index):
            // Spark's arr[i] is 0-based; element_at is 1-based.
            let array = try sub(base)
            guard case .array = array.dataType else { throw SQLError.unsupported("subscripts of \(array.dataType) values are") }
            let zeroBased = try ScalarExpression.casting(try sub(index), to: .int)
            let position = try ScalarExpression.arithmetic(.add, zeroBased, .literal(.integer(1), .int))
            let element = try ScalarExpression.function(.element_at, [array, position])
            // A negative subscript is null (element_at would count from the end).
            return try ScalarExpression.caseWhen([(try ScalarExpression.compare(.lessThan, zeroBased, .literal(.integer(0), .int)), .literal(.null, element.dataType))], otherwise: element)
        case .function(let name, let arguments, let distinct, let star):
            return try bindFunction(name, arguments, distinct: distinct, star: star, scope, hook: hook)
        }
    }

    private func bindFunction(
        _ name: String, _ arguments: [SQLExpression], distinct: Bool, star: Bool, _ scope: SQLScope, hook: Hook?
    ) throws(GlueError) -> ScalarExpression {
        let lowered = name.lowercased()
        if Self.aggregateNames[lowered] != nil {
            throw SQLError.analysis("[UNSUPPORTED_EXPR_FOR_OPERATOR] The aggregate function \(lowered)(...) is not allowed here: aggregates belong in the SELECT list, HAVING or ORDER BY of a grouped query, not in WHERE, GROUP BY, a join condition or another aggregate.")
        }
        if Self.windowFunctions.contains(lowered) { throw SQLError.unsupported("window functions (\(lowered)) are") }
        if Self.unsupportedAggregates.contains(lowered) { throw SQLError.unsupported("the aggregate function \(lowered) is") }
        if star { throw SQLError.analysis("Invalid usage of '*' in \(lowered)(*).") }
        if distinct { throw SQLError.analysis("DISTINCT is only allowed in aggregate functions, not in \(lowered).") }
        var bound: [ScalarExpression] = []
        for argument in arguments { bound.append(try bind(argument, scope, hook: hook)) }
        func arity(_ range: ClosedRange<Int>) throws(GlueError) {
            guard range.contains(bound.count) else {
                throw SQLError.analysis("[WRONG_NUM_ARGS] The `\(lowered)` requires \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") parameters but the actual number is \(bound.count).")
            }
        }
        switch lowered {
        case "coalesce":
            try arity(1...Int.max)
            return try ScalarExpression.coalescing(bound)
        case "nvl", "ifnull":
            try arity(2...2)
            return try ScalarExpression.coalescing(bound)
        case "nullif":
            try arity(2...2)
            return try ScalarExpression.nullIf(bound[0], bound[1])
        case "if", "iff":
            try arity(3...3)
            return try ScalarExpression.caseWhen([(bound[0], bound[1])], otherwise: bound[2])
        case "nvl2":
            try arity(3...3)
            return try ScalarExpression.caseWhen([(.isNotNull(bound[0]), bound[1])], otherwise: bound[2])
        case "isnull":
            try arity(1...1)
            return .isNull(bound[0])
        case "isnotnull":
            try arity(1...1)
            return .isNotNull(bound[0])
        case "current_date":
            try arity(0...0)
            return .literal(.date(days: Int32(truncatingIfNeeded: TemporalFormat.splitDays(now).days)), .date)
        case "current_timestamp", "now":
            try arity(0...0)
            return .literal(.timestamp(microseconds: now), .timestamp)
        case "unix_timestamp" where bound.isEmpty:
            return .literal(.integer(now >= 0 ? now / 1_000_000 : (now - 999_999) / 1_000_000), .bigint)
        case "mod":
            try arity(2...2)
            return try ScalarExpression.arithmetic(.remainder, bound[0], bound[1])
        case "greatest", "least":
            try arity(2...Int.max)
            // greatest(a, b, ...) skips nulls: fold pairwise with CASE.
            guard let type = TypeCoercion.widerType(of: bound) else {
                throw SQLError.analysis("cannot resolve '\(lowered)(...)' due to data type mismatch: the arguments have no common type.")
            }
            var result = try ScalarExpression.casting(bound[0], to: type)
            for next in bound.dropFirst() {
                let candidate = try ScalarExpression.casting(next, to: type)
                let better = try ScalarExpression.compare(lowered == "greatest" ? .greaterThan : .lessThan, candidate, result)
                result = try ScalarExpression.caseWhen([(.isNull(result), candidate), (better, candidate)], otherwise: result)
            }
            return result
        default:
            break
        }
        guard let function = ScalarFunction.named(lowered) else {
            let suggestions = SQLError.suggestions(for: lowered, among: Self.knownFunctionNames, limit: 3)
            throw SQLError.analysis("[UNRESOLVED_ROUTINE] Cannot resolve function `\(name)` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]. Did you mean one of the following? [\(suggestions.map { "`\($0)`" }.joined(separator: ", "))].")
        }
        do {
            return try ScalarExpression.function(function, bound)
        } catch {
            throw error.code == .unsupportedFeature ? error : SQLError.analysis(error.message)
        }
    }
}
