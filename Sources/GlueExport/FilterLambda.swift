import Foundation
import GlueCore
import GlueJobs

/// A `Filter` node as the Python lambda Glue Studio generates for it (`row["amount"] > 100 and
/// not (row["status"] == "cancelled")`): constants typed like the column they meet (numbers
/// unquoted), `REGEX` as `re.match`, `Negated` as `not`. Python's own rules then give LocalGlue's
/// null behaviour: a comparison with `None` raises `TypeError` and Glue drops the record.
struct FilterLambda {
    let exporter: JobExporter
    let id: String
    let node: CodeGenConfigurationNode
    let filter: FilterNode

    struct Output {
        var text: String
        var usesRegex: Bool
    }

    func python() throws(GlueError) -> Output {
        var parts: [String] = []
        var usesRegex = false
        let inputID = node.inputs.first ?? ""
        for expression in filter.filters {
            let values = expression.values
            var text: String
            switch expression.operation {
            case "ISNULL":
                guard let first = values.first, first.type == "COLUMNEXTRACTED" else { throw refuse("ISNULL needs a column value") }
                text = "\(Self.row(first.value)) is None"
            case "REGEX":
                guard values.count == 2, values[0].type == "COLUMNEXTRACTED", values[1].type == "CONSTANT" else {
                    throw refuse("REGEX needs a column and a constant pattern")
                }
                usesRegex = true
                text = "bool(re.match(\(PythonLiteral.string(values[1].value.first ?? "")), \(Self.row(values[0].value))))"
            default:
                guard values.count == 2 else { throw refuse("\(expression.operation) takes two values") }
                let op: String = switch expression.operation {
                case "EQ": "=="
                case "LT": "<"
                case "GT": ">"
                case "LTE": "<="
                default: ">="
                }
                let left = try operand(values[0], other: values[1], input: inputID)
                let right = try operand(values[1], other: values[0], input: inputID)
                text = "\(left) \(op) \(right)"
            }
            if expression.negated == true { text = "not (\(text))" }
            parts.append(text)
        }
        let joiner = filter.logicalOperator == "OR" ? " or " : " and "
        return Output(text: parts.isEmpty ? "True" : parts.joined(separator: joiner), usesRegex: usesRegex)
    }

    private func refuse(_ reason: String) -> GlueError { ExportRefusal.node(id, node, .glue, reason) }

    static func row(_ path: [String]) -> String {
        "row" + path.map { "[\(PythonLiteral.string($0))]" }.joined()
    }

    private func operand(_ value: FilterValue, other: FilterValue, input: String) throws(GlueError) -> String {
        if value.type == "COLUMNEXTRACTED" { return Self.row(value.value) }
        let text = value.value.first ?? ""
        guard other.type == "COLUMNEXTRACTED" else { return PythonLiteral.string(text) }
        guard let type = exporter.schemas.type(of: other.value, in: input) else {
            if Double(text.trimmingCharacters(in: .whitespaces)) != nil {
                throw refuse(
                    "the type of column '\(other.value.joined(separator: "."))' is not known at export time, so the constant '\(text)' cannot be typed as Studio types it (declare the source's OutputSchemas)")
            }
            return PythonLiteral.string(text)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .string, .char, .varchar: return PythonLiteral.string(text)
        case .tinyint, .smallint, .int, .bigint:
            guard let number = Int64(trimmed) else { throw refuse("the constant '\(text)' is not an integer for column '\(other.value.joined(separator: "."))'") }
            return String(number)
        case .float, .double, .decimal:
            guard Double(trimmed) != nil, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else {
                throw refuse("the constant '\(text)' is not a number for column '\(other.value.joined(separator: "."))'")
            }
            return trimmed
        case .boolean:
            switch trimmed.lowercased() {
            case "true": return "True"
            case "false": return "False"
            default: throw refuse("the constant '\(text)' is not a boolean")
            }
        default:
            throw refuse("comparing a \(type) column with a constant has no Python literal in Studio's lambda")
        }
    }
}
