import GlueColumnar
import GlueCore

/// Keeps the records that satisfy a condition. Mirrors Glue's `Filter` (Studio node `Filter` with
/// `LogicalOperator` and `Filters`; `Filter.apply(frame, f)` with a predicate).
///
/// Four ways to state the condition:
/// - ``FilterSpec``, Studio's spec, compiled by ``FilterSpec/expression(for:)`` into a
///   ``ScalarExpression`` with the outcome of the Python lambda Studio generates, and evaluated by
///   the expression engine. Constants are typed like the column they meet (`"15"` against an
///   `int` column is the number 15; a constant that does not fit is an error when the plan is
///   built). Nulls behave as in that lambda, where a comparison with `None` raises `TypeError`
///   and Glue then drops the record: `LT`/`GT`/`LTE`/`GTE`/`REGEX` on a null drop the record even
///   when negated; `EQ` with a null is false (true when both sides are null), so a negated `EQ`
///   keeps it; `ISNULL` tests for null. `AND`/`OR` short-circuit left to right as Python's
///   `and`/`or` do. `REGEX` is Python's `re.match`: anchored at the start only.
/// - a boolean ``ScalarExpression`` over the input's columns (a Spark SQL condition: null drops
///   the row, as `WHERE` does).
/// - a predicate over a ``DynamicRecord`` (the slow path, one record at a time, not vectorized);
///   a predicate that throws drops the record and routes it to the error output with the
///   error's text.
/// - a columnar predicate returning a boolean mask (null drops the row).
public struct Filter: BatchOperator {
    /// A record predicate.
    public typealias Predicate = @Sendable (DynamicRecord) throws -> Bool
    /// A columnar predicate: one boolean per row.
    public typealias MaskFunction = @Sendable (RecordBatch) throws(GlueError) -> Column

    enum Condition: Sendable {
        case spec(FilterSpec)
        case expression(ScalarExpression)
        case predicate(Predicate)
        case mask(MaskFunction)
    }

    /// A worker's compiled spec, kept for the schema it was compiled against.
    public struct LocalState {
        var schema: Schema?
        var expression: ScalarExpression?
    }

    let condition: Condition

    /// A filter from Studio's spec.
    public init(_ spec: FilterSpec) { condition = .spec(spec) }

    /// A filter with a boolean expression over the input's columns.
    ///
    /// - Throws: `InvalidInputException` when the expression is not boolean.
    public init(_ expression: ScalarExpression) throws(GlueError) {
        guard expression.dataType == .boolean else {
            throw GlueError(.invalidInput, "A filter condition must be boolean, not \(expression.dataType).")
        }
        condition = .expression(expression.folded())
    }

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
        case .expression(let expression): return expression.description
        case .predicate: return "record predicate"
        case .mask: return "columnar predicate"
        }
    }

    public func makeLocalState() -> LocalState { LocalState() }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        switch condition {
        case .spec(let spec):
            // Evaluating on an empty batch also checks that compared columns' types meet.
            _ = try spec.expression(for: inputs[0]).evaluate(RecordBatch.empty(inputs[0]))
        case .expression(let expression):
            _ = try expression.evaluate(RecordBatch.empty(inputs[0]))
        case .predicate, .mask:
            break
        }
        return inputs[0]
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout LocalState, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        switch condition {
        case .spec(let spec):
            let expression: ScalarExpression
            if let compiled = state.expression, state.schema == batch.schema {
                expression = compiled
            } else {
                expression = try spec.expression(for: batch.schema).folded()
                state = LocalState(schema: batch.schema, expression: expression)
            }
            return try Self.keep(batch, expression)
        case .expression(let expression):
            return try Self.keep(batch, expression)
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

    /// The rows where `expression` is true (null drops the row).
    private static func keep(_ batch: RecordBatch, _ expression: ScalarExpression) throws(GlueError) -> RecordBatch {
        if case .literal(let value, _) = expression {
            return value == .boolean(true) ? batch : batch.take([])
        }
        let mask = try expression.evaluate(batch)
        guard mask.dataType == .boolean, mask.count == batch.rowCount else {
            throw GlueError(.internalService, "A filter condition gave \(mask.dataType) of \(mask.count) rows for \(batch.rowCount).")
        }
        return batch.filter(mask)
    }
}
