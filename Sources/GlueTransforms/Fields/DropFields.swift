import GlueColumnar
import GlueCore

/// Removes the listed fields; paths may reach into structs. Mirrors Glue's `DropFields`
/// (`drop_fields(paths)`; Studio node `DropFields` with `Paths`). Missing paths are ignored.
public struct DropFields: BatchOperator {
    /// The fields to remove.
    public let paths: [FieldPath]

    /// Creates the transform.
    public init(_ paths: [FieldPath]) { self.paths = paths }

    public var explainName: String { "DropFields" }
    public var explainDetail: String { paths.map(\.description).joined(separator: ", ") }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        drop(RecordBatch.empty(inputs[0])).schema
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        drop(batch)
    }

    func drop(_ batch: RecordBatch) -> RecordBatch {
        paths.reduce(batch) { $0.removing($1) }
    }
}
