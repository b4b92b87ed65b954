import GlueCore

/// An aggregate function of Glue Studio's `Aggregate` node (`AggFunc` enum), computed as
/// `pyspark.sql.functions.<name>` computes it.
public enum AggFunc: String, CaseIterable, Sendable {
    case avg, count, countDistinct, first, last, kurtosis, max, min, skewness
    case stddev_samp, stddev_pop, sum, sumDistinct, var_samp, var_pop

    /// Spark's name for the output column: `sum(quantity)`, `count(DISTINCT user)`.
    public func outputName(_ column: String) -> String {
        switch self {
        case .countDistinct: "count(DISTINCT \(column))"
        case .sumDistinct: "sum(DISTINCT \(column))"
        default: "\(rawValue)(\(column))"
        }
    }

    /// Spark's result type for an input type.
    ///
    /// - Throws: `InvalidInputException` when the function does not take the type (a sum of text).
    public func resultType(for input: DataType) throws(GlueError) -> DataType {
        switch self {
        case .count, .countDistinct:
            return .bigint
        case .first, .last:
            return input
        case .min, .max:
            guard input.isPrimitive else { throw unsupported(input) }
            return input
        case .sum, .sumDistinct:
            switch input {
            case .tinyint, .smallint, .int, .bigint: return .bigint
            case .float, .double: return .double
            case .decimal(let precision, let scale): return .decimal(precision: Swift.min(38, precision + 10), scale: scale)
            case .string, .char, .varchar: return .double
            default: throw unsupported(input)
            }
        case .avg, .kurtosis, .skewness, .stddev_samp, .stddev_pop, .var_samp, .var_pop:
            guard input.isNumeric || input.isString else { throw unsupported(input) }
            // Spark's Average: decimal(p,s) gives DecimalType.bounded(p + 4, s + 4).
            if self == .avg, case .decimal(let precision, let scale) = input {
                return .decimal(precision: Swift.min(38, precision + 4), scale: Swift.min(38, scale + 4))
            }
            return .double
        }
    }

    private func unsupported(_ type: DataType) -> GlueError {
        GlueError(.invalidInput, "Aggregate function \(rawValue) cannot take a column of type \(type).")
    }
}

/// One aggregation of an `Aggregate` node: a column and a function (Studio's `Aggs` entries).
public struct Aggregation: Hashable, Sendable {
    /// The column aggregated.
    public var column: FieldPath
    /// The function.
    public var function: AggFunc

    /// Creates an aggregation.
    public init(_ function: AggFunc, _ column: FieldPath) {
        self.function = function
        self.column = column
    }
}
