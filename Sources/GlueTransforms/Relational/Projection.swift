import GlueColumnar
import GlueCore

/// Filters and projects in one pass per batch: the rows where `predicate` is true (null drops
/// the row, as SQL's `WHERE`), then one output column per expression. Streaming and stateless,
/// so it runs on every worker at once (the SQL planner's `SELECT ... WHERE ...`).
///
/// Only the columns the outputs read are carried through the filter.
public struct Projection: BatchOperator {
    /// The row filter, if any.
    public let predicate: ScalarExpression?
    /// The output columns: names and expressions over the input's columns.
    public let outputs: [(name: String, expression: ScalarExpression)]
    private let carried: [Int]
    private let remapped: [ScalarExpression]

    /// Creates the operator.
    ///
    /// - Throws: `InvalidInputException` when the predicate is not boolean.
    public init(predicate: ScalarExpression? = nil, outputs: [(name: String, expression: ScalarExpression)]) throws(GlueError) {
        if let predicate, predicate.dataType != .boolean {
            throw GlueError(.invalidInput, "A filter condition must be boolean, not \(predicate.dataType).")
        }
        self.predicate = predicate?.folded()
        let folded = outputs.map { (name: $0.name, expression: $0.expression.folded()) }
        self.outputs = folded
        let used = folded.reduce(into: Set<Int>()) { $0.formUnion($1.expression.referencedColumns) }.sorted()
        carried = used
        var mapping: [Int: Int] = [:]
        for (position, index) in used.enumerated() { mapping[index] = position }
        remapped = folded.map { $0.expression.remappingColumns(mapping) }
    }

    public var explainName: String { predicate == nil ? "Project" : "Filter+Project" }
    public var explainDetail: String {
        (predicate.map { "where \($0); " } ?? "") + outputs.map { "\($0.expression) AS \($0.name)" }.joined(separator: ", ")
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        let schema = inputs[0]
        for index in carried where index >= schema.count {
            throw GlueError(.invalidInput, "Projection reads column #\(index), but the input has \(schema.count) columns.")
        }
        return Schema(outputs.map { Field($0.name, $0.expression.dataType) })
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        var source = batch.project(carried)
        if let predicate {
            let mask = try predicate.evaluate(batch)
            source = carried.isEmpty ? try RecordBatch.rowsOnly(mask.selectedIndices().count) : source.filter(mask)
        } else if carried.isEmpty {
            source = try RecordBatch.rowsOnly(batch.rowCount)
        }
        var columns: [Column] = []
        columns.reserveCapacity(remapped.count)
        for expression in remapped { columns.append(try expression.evaluate(source)) }
        return try RecordBatch(schema: context.outputSchema, columns: columns)
    }
}

extension RecordBatch {
    /// A batch of `count` rows with one placeholder column (for expressions that read no column).
    static func rowsOnly(_ count: Int) throws(GlueError) -> RecordBatch {
        try RecordBatch(schema: Schema([Field("_rows", .boolean)]), columns: [Column(.boolean, storage: .boolean(Array(repeating: false, count: count)))])
    }
}
