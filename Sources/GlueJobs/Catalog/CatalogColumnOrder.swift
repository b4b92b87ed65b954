import GlueColumnar
import GlueCore
import GlueTransforms

/// Brings a frame to a catalog table's column order before a catalog target writes it: the
/// table's data columns in their order (cast to the declared type when the frame's differs;
/// nulls for a column the frame lacks), then the columns the run adds to the table
/// (`UPDATE_IN_DATABASE`), then the partition keys. Text tables are read by position, so files
/// must follow the table's order. Other frame columns are left out.
struct CatalogColumnOrder: BatchOperator {
    /// The columns of the written files, in order, with their types.
    let dataFields: [Field]
    /// The partition key names (kept as the frame has them, for the target's folders).
    let partitionKeys: [String]

    var explainName: String { "CatalogColumnOrder" }
    var explainDetail: String { dataFields.map(\.name).joined(separator: ", ") }

    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        guard let input = inputs.first else { return Schema(dataFields) }
        var fields = dataFields
        for key in partitionKeys {
            guard let index = input.firstIndex(named: key) else {
                throw GlueError(.invalidInput, "Partition key \(key) is not a column of the data (\(input.names.joined(separator: ", "))).")
            }
            fields.append(input[index])
        }
        for field in dataFields {
            if let index = input.firstIndex(named: field.name), input[index].dataType != field.dataType,
                !Cast.canCast(from: input[index].dataType, to: field.dataType)
            {
                throw GlueError(
                    .invalidInput,
                    "Column \(field.name) is \(input[index].dataType) in the data but \(field.dataType) in the table; it cannot be cast.")
            }
        }
        return Schema(fields)
    }

    func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        var columns: [Column] = []
        for field in dataFields {
            if let index = batch.schema.firstIndex(named: field.name) {
                columns.append(try batch.columns[index].cast(to: field.dataType))
            } else {
                columns.append(Column.nulls(field.dataType, count: batch.rowCount))
            }
        }
        var fields = dataFields
        for key in partitionKeys {
            guard let index = batch.schema.firstIndex(named: key) else {
                throw GlueError(.invalidInput, "Partition key \(key) is not a column of the data.")
            }
            fields.append(batch.schema[index])
            columns.append(batch.columns[index])
        }
        return try RecordBatch(schema: Schema(fields), columns: columns)
    }
}
