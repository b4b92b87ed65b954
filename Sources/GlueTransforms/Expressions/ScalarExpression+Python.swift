import GlueColumnar
import GlueCore

// Python's boolean semantics, for the predicates Glue Studio generates as Python lambdas (the
// Filter node): null stands for "the expression raised", which drops the record.

extension ScalarExpression {
    /// Python's `re.match(pattern, text)`: true when the regular expression matches at the start of
    /// the text (``regexMatch(_:_:)``). The operand is read as text, as `rlike` reads it.
    ///
    /// - Throws: `InvalidInputException` naming the pattern when it is not a valid regular expression.
    public static func regexMatch(_ operand: ScalarExpression, pattern: String) throws(GlueError) -> ScalarExpression {
        try RegexKernels.validate(pattern)
        return .regexMatch(operand.dataType.isString ? operand : try casting(operand, to: .string), pattern)
    }

    /// Python's `lhs and rhs` (``shortCircuitAnd(_:_:)``) over boolean operands.
    ///
    /// - Throws: `InvalidInputException` when an operand is not boolean.
    public static func pythonAnd(_ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .shortCircuitAnd(try boolean(lhs, for: "and"), try boolean(rhs, for: "and"))
    }

    /// Python's `lhs or rhs` (``shortCircuitOr(_:_:)``) over boolean operands.
    ///
    /// - Throws: `InvalidInputException` when an operand is not boolean.
    public static func pythonOr(_ lhs: ScalarExpression, _ rhs: ScalarExpression) throws(GlueError) -> ScalarExpression {
        .shortCircuitOr(try boolean(lhs, for: "or"), try boolean(rhs, for: "or"))
    }
}
