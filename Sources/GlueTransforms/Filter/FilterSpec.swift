import GlueCore

/// Glue Studio's `Filter` node specification: filter expressions joined by one logical operator.
///
/// Studio compiles the spec into a Python predicate over each record (`row["age"] > 15 and
/// row["age"] < 100`); ``Filter`` evaluates it column by column with the same outcome, including
/// Python's behaviour with nulls (see ``Filter``).
public struct FilterSpec: Hashable, Sendable {
    /// How the expressions combine (`LogicalOperator`).
    public enum LogicalOperator: String, Hashable, Sendable {
        case and = "AND"
        case or = "OR"
    }

    /// `LogicalOperator`: AND or OR.
    public var logicalOperator: LogicalOperator
    /// `Filters`, evaluated left to right.
    public var filters: [FilterExpression]

    /// Creates a spec.
    public init(_ logicalOperator: LogicalOperator = .and, _ filters: [FilterExpression]) {
        self.logicalOperator = logicalOperator
        self.filters = filters
    }
}

/// One filter expression of a Studio `Filter` node.
public struct FilterExpression: Hashable, Sendable {
    /// `Operation`.
    public enum Operation: String, Hashable, Sendable, CaseIterable {
        case eq = "EQ", lt = "LT", gt = "GT", lte = "LTE", gte = "GTE", regex = "REGEX", isNull = "ISNULL"
    }

    /// `Operation`.
    public var operation: Operation
    /// `Negated`: wraps the test in `not`.
    public var negated: Bool
    /// `Values`: the operands (one for ISNULL, two otherwise).
    public var values: [FilterValue]

    /// Creates an expression.
    public init(_ operation: Operation, negated: Bool = false, _ values: [FilterValue]) {
        self.operation = operation
        self.negated = negated
        self.values = values
    }
}

/// An operand of a filter expression (`FilterValue`).
public enum FilterValue: Hashable, Sendable {
    /// `Type: COLUMNEXTRACTED`: the value of a field.
    case column(FieldPath)
    /// `Type: CONSTANT`: a literal, given as text and typed like the column it meets.
    case constant(String)
}
