import GlueColumnar
import GlueCore

/// Keeps the records that satisfy a condition. Mirrors Glue's `Filter` (Studio node `Filter` with
/// `LogicalOperator` and `Filters`; `Filter.apply(frame, f)` with a predicate).
///
/// Three ways to state the condition:
/// - ``FilterSpec``, Studio's spec, evaluated column by column. Constants are typed like the
///   column they meet (`"15"` against an `int` column is the number 15; a constant that does not
///   fit is an error when the plan is built). Nulls behave as in the Python lambda Studio
///   generates, where a comparison with `None` raises `TypeError` and Glue then drops the record:
///   `LT`/`GT`/`LTE`/`GTE`/`REGEX` on a null drop the record even when negated; `EQ` with a null
///   is false (true when both sides are null), so a negated `EQ` keeps it; `ISNULL` tests for
///   null. `AND`/`OR` short-circuit left to right as Python's `and`/`or` do. `REGEX` is Python's
///   `re.match`: anchored at the start only.
/// - a predicate over a ``DynamicRecord`` (the slow path); a predicate that throws drops the
///   record and routes it to the error output with the error's text.
/// - a columnar predicate returning a boolean mask (null drops the row).
public struct Filter: BatchOperator {
    /// A record predicate.
    public typealias Predicate = @Sendable (DynamicRecord) throws -> Bool
    /// A columnar predicate: one boolean per row.
    public typealias MaskFunction = @Sendable (RecordBatch) throws(GlueError) -> Column

    enum Condition: Sendable {
        case spec(FilterSpec)
        case predicate(Predicate)
        case mask(MaskFunction)
    }

    let condition: Condition

    /// A filter from Studio's spec.
    public init(_ spec: FilterSpec) { condition = .spec(spec) }

    /// A filter with a record predicate.
    public init(predicate: @escaping Predicate) { condition = .predicate(predicate) }

    /// A filter with a columnar predicate.
    public init(mask: @escaping MaskFunction) { condition = .mask(mask) }

    public var explainName: String { "Filter" }
    public var explainDetail: String {
        switch condition {
        case .spec(let spec):
            let parts = spec.filters.map { expression -> String in
                let operands = expression.values.map { value -> String in
                    switch value {
                    case .column(let path): return path.description
                    case .constant(let text): return "'\(text)'"
                    }
                }
                let text = "\(expression.operation.rawValue)(\(operands.joined(separator: ", ")))"
                return expression.negated ? "NOT \(text)" : text
            }
            return parts.joined(separator: " \(spec.logicalOperator.rawValue) ")
        case .predicate: return "record predicate"
        case .mask: return "columnar predicate"
        }
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        if case .spec(let spec) = condition {
            // Evaluating on an empty batch checks the paths, the arity and the constants.
            _ = try SpecEvaluator(spec: spec).evaluate(RecordBatch.empty(inputs[0]))
        }
        return inputs[0]
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        switch condition {
        case .spec(let spec):
            let keep = try SpecEvaluator(spec: spec).evaluate(batch)
            return batch.filter(Column(.boolean, storage: .boolean(keep)))
        case .mask(let function):
            let mask = try function(batch)
            guard mask.dataType == .boolean, mask.count == batch.rowCount else {
                throw GlueError(.invalidInput, "A filter mask must be a boolean column of \(batch.rowCount) rows, not \(mask.dataType) of \(mask.count).")
            }
            return batch.filter(mask)
        case .predicate(let predicate):
            var keep = [Bool](repeating: false, count: batch.rowCount)
            for row in 0..<batch.rowCount {
                do {
                    keep[row] = try predicate(DynamicRecord(batch, row: row))
                } catch {
                    context.reportError(String(describing: error), record: ErrorRecord.renderRecord(batch, row: row))
                }
            }
            return batch.filter(Column(.boolean, storage: .boolean(keep)))
        }
    }
}
