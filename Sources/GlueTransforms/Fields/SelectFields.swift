import GlueColumnar
import GlueCore

/// Keeps only the listed fields, in the order listed. Mirrors Glue's `SelectFields` transform
/// (`select_fields(paths)`; Studio node `SelectFields` with `Paths`).
///
/// Paths may reach into structs (`address.city`): the output keeps the struct with only the
/// selected fields. Paths that match nothing are ignored, as a DynamicFrame ignores them.
public struct SelectFields: BatchOperator {
    /// The fields to keep.
    public let paths: [FieldPath]

    /// Creates the transform.
    public init(_ paths: [FieldPath]) { self.paths = paths }

    public var explainName: String { "SelectFields" }
    public var explainDetail: String { paths.map(\.description).joined(separator: ", ") }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        try select(RecordBatch.empty(inputs[0])).schema
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try select(batch)
    }

    func select(_ batch: RecordBatch) throws(GlueError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [Column] = []
        for path in paths {
            guard let first = path.components.first, let index = batch.schema.firstIndex(named: first),
                  let (field, column) = ColumnPaths.prune(field: batch.schema[index], column: batch.columns[index], rest: path.components.dropFirst())
            else { continue }
            if let existing = fields.firstIndex(where: { $0.name == field.name }) {
                columns[existing] = ColumnPaths.merge(column, into: columns[existing])
                fields[existing].dataType = columns[existing].dataType
            } else {
                fields.append(field)
                columns.append(column)
            }
        }
        return columns.isEmpty ? RecordBatch.empty(Schema([])) : try RecordBatch(schema: Schema(fields), columns: columns)
    }
}
