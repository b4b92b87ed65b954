import GlueColumnar
import GlueCore

/// A record a transform could not process, routed to the error output instead of stopping the
/// job. Mirrors a DynamicFrame error record (`errorsAsDynamicFrame`): the stage, the reason, and
/// the record itself.
public struct ErrorRecord: Hashable, Sendable {
    /// The stage (transformation context) that produced the error.
    public var stage: String
    /// Why the record failed, such as the text of the exception a `Map` closure threw.
    public var message: String
    /// The record, rendered as a JSON object.
    public var record: String

    /// Creates an error record.
    public init(stage: String, message: String, record: String) {
        self.stage = stage
        self.message = message
        self.record = record
    }

    /// The schema of error records as a batch: `stage, message, record`.
    public static let schema = Schema([Field("stage", .string), Field("message", .string), Field("record", .string)])

    /// Error records as a batch of ``schema``.
    public static func batch(_ records: [ErrorRecord]) -> RecordBatch {
        let columns = [
            Column(strings: records.map(\.stage)),
            Column(strings: records.map(\.message)),
            Column(strings: records.map(\.record)),
        ]
        // The three columns are built here with the schema's types and equal lengths.
        return (try? RecordBatch(schema: schema, columns: columns)) ?? RecordBatch.empty(schema)
    }
}

extension ErrorRecord {
    /// Renders row `index` of `batch` as a JSON object, for an error record.
    public static func renderRecord(_ batch: RecordBatch, row index: Int) -> String {
        let fields = zip(batch.schema.fields, batch.columns).map { field, column in
            "\(jsonString(field.name)): \(jsonText(column.value(at: index), field.dataType))"
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Renders named values as a JSON object.
    public static func renderRecord(names: [String], values: [Value], types: [DataType]) -> String {
        let fields = names.indices.map { index in
            let type = index < types.count ? types[index] : .string
            let value = index < values.count ? values[index] : .null
            return "\(jsonString(names[index])): \(jsonText(value, type))"
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func jsonText(_ value: Value, _ type: DataType) -> String {
        switch value {
        case .null: return "null"
        case .boolean, .integer, .float, .double, .decimal: return value.displayText(as: type)
        case .array(let elements):
            let elementType: DataType = if case .array(let element) = type { element } else { .string }
            return "[" + elements.map { jsonText($0, elementType) }.joined(separator: ", ") + "]"
        case .structure(let values):
            guard case .struct(let fields) = type, fields.count == values.count else { return jsonString(value.displayText(as: type)) }
            return "{" + zip(fields, values).map { "\(jsonString($0.name)): \(jsonText($1, $0.dataType))" }.joined(separator: ", ") + "}"
        default: return jsonString(value.displayText(as: type))
        }
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
