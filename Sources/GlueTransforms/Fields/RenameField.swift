import GlueColumnar
import GlueCore

/// Renames a field, or moves it to another level. Mirrors Glue's `RenameField`
/// (`rename_field(oldName, newName)`; Studio node `RenameField` with `SourcePath`, `TargetPath`).
///
/// A rename within the same struct keeps the field's position; a move appends the field at its
/// new place. A missing source leaves the batch unchanged.
public struct RenameField: BatchOperator {
    /// The field to rename.
    public let source: FieldPath
    /// Its new path.
    public let target: FieldPath

    /// Creates the transform.
    public init(_ source: FieldPath, to target: FieldPath) {
        self.source = source
        self.target = target
    }

    public var explainName: String { "RenameField" }
    public var explainDetail: String { "\(source) -> \(target)" }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        try rename(RecordBatch.empty(inputs[0])).schema
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try rename(batch)
    }

    func rename(_ batch: RecordBatch) throws(GlueError) -> RecordBatch {
        guard batch.column(at: source) != nil else { return batch }
        if source.components.count == 1 && target.components.count == 1, let index = batch.schema.firstIndex(named: source.name) {
            var fields = batch.schema.fields
            if let clash = batch.schema.firstIndex(named: target.name), clash != index {
                throw GlueError(.invalidInput, "Cannot rename \(source) to \(target): a field named \(batch.schema[clash].name) exists.")
            }
            fields[index].name = target.name
            return try batch.withSchema(Schema(fields))
        }
        if source.components.count == target.components.count, source.components.dropLast() == target.components.dropLast() {
            // Same parent struct: rename in place.
            return try renameNested(batch)
        }
        guard let (_, column) = batch.column(at: source) else { return batch }
        return try batch.removing(source).inserting(column, at: target)
    }

    private func renameNested(_ batch: RecordBatch) throws(GlueError) -> RecordBatch {
        guard let topIndex = batch.schema.firstIndex(named: source.components[0]) else { return batch }
        func rename(_ type: DataType, _ column: Column, _ rest: ArraySlice<String>) -> (DataType, Column) {
            guard case .struct(var fields) = type, case .structure(var children) = column.storage,
                  let first = rest.first, let index = ColumnPaths.childIndex(fields, first) else { return (type, column) }
            if rest.count == 1 {
                fields[index].name = target.name
            } else {
                let (childType, child) = rename(fields[index].dataType, children[index], rest.dropFirst())
                fields[index].dataType = childType
                children[index] = child
            }
            let newType = DataType.struct(fields)
            return (newType, Column(newType, storage: .structure(children), validity: column.validity))
        }
        let (type, column) = rename(batch.schema[topIndex].dataType, batch.columns[topIndex], source.components.dropFirst())
        var fields = batch.schema.fields
        var columns = batch.columns
        fields[topIndex].dataType = type
        columns[topIndex] = column
        return try RecordBatch(schema: Schema(fields), columns: columns)
    }
}
