import GlueColumnar
import GlueCore

extension ScalarExpression {
    /// The field `name` of a struct-valued expression (Spark's `GetStructField`). Names match as
    /// ``Schema/firstIndex(named:)`` matches them: exactly first, then one case-insensitive match.
    ///
    /// - Throws: `InvalidInputException` when `operand` is not a struct or has no such field.
    public static func field(_ operand: ScalarExpression, named name: String) throws(GlueError) -> ScalarExpression {
        guard case .struct(let fields) = operand.dataType else {
            throw GlueError(.invalidInput, "Cannot take field \(name) of \(operand), which is \(operand.dataType), not a struct.")
        }
        guard let index = Schema(fields).firstIndex(named: name) else {
            throw GlueError(.invalidInput, "No field \(name) in \(operand.dataType); the fields are \(fields.map(\.name).joined(separator: ", ")).")
        }
        return .field(operand, index, fields[index].dataType)
    }

    /// The value at `path` in batches of `schema` (a top-level column, or a field inside struct
    /// columns for a dotted path), resolved as ``RecordBatch/column(at:)`` resolves it; `nil` when
    /// some component is missing or not a struct.
    public static func column(at path: FieldPath, in schema: Schema) -> ScalarExpression? {
        guard let first = path.components.first, let index = schema.firstIndex(named: first) else { return nil }
        var expression = ScalarExpression.column(index, schema[index].dataType)
        for name in path.components.dropFirst() {
            guard let next = try? field(expression, named: name) else { return nil }
            expression = next
        }
        return expression
    }
}
