import GlueColumnar
import GlueCore

/// Appends the rows of two frames (Studio `Union` with `UnionType: ALL`, Spark `UNION ALL`).
///
/// Columns match by position, as in Studio's generated `UNION ALL`; names come from the first
/// input. Both inputs must have the same number of columns and the same types. The output
/// interleaves batches of both inputs in arrival order: Glue gives no order here.
public struct UnionAll: BatchOperator {
    /// Creates the transform.
    public init() {}

    public var explainName: String { "Union" }
    public var explainDetail: String { "ALL" }
    public var inputCount: Int { 2 }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        try Self.checkCompatible(inputs)
        return inputs[0]
    }

    static func checkCompatible(_ inputs: [Schema]) throws(GlueError) {
        guard inputs.count == 2 else { throw GlueError(.invalidInput, "Union takes 2 inputs, not \(inputs.count).") }
        let (left, right) = (inputs[0], inputs[1])
        guard left.count == right.count else {
            throw GlueError(.invalidInput, "Union can only be performed on inputs with the same number of columns, but the first has \(left.count) and the second has \(right.count).")
        }
        for (index, (a, b)) in zip(left.fields, right.fields).enumerated() where a.dataType != b.dataType {
            throw GlueError(.invalidInput, "Union column \(index + 1) is \(a.name) \(a.dataType) in the first input but \(b.name) \(b.dataType) in the second.")
        }
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        guard input == 1 else { return batch }
        // The second input keeps its values under the first input's names.
        return try batch.withSchema(context.outputSchema)
    }
}
