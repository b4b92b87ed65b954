import Foundation
import GlueColumnar

/// Prints command results in the AWS CLI's `--output` formats.
///
/// - `json`: the API response, 4-space indented as the AWS CLI prints it, keys sorted (stable output).
/// - `text`: tab-separated values; each list of objects prints one line per item, prefixed by the
///   list's name in upper case, with the item's scalar fields in key order (as the AWS CLI does).
/// - `table`: each list of objects as a boxed table, other scalars as a key/value table.
public struct OutputPrinter {
    /// The format to print in.
    public var format: OutputFormat

    /// Creates a printer.
    public init(format: OutputFormat) { self.format = format }

    /// The encoder used for every response: AWS key spelling comes from the types' coding keys;
    /// timestamps print as the AWS CLI prints them (`2026-11-22T12:00:00.123000+00:00`).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(awsTimestamp(date))
        }
        return encoder
    }

    /// A date as the AWS CLI prints timestamps: ISO 8601 with microseconds and `+00:00`.
    public static func awsTimestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let text = TemporalFormat.timestamp(microseconds: micros - micros % 1_000_000, separator: "T")
        let fraction = String(format: "%06lld", ((micros % 1_000_000) + 1_000_000) % 1_000_000)
        return text + "." + fraction + "+00:00"
    }

    /// Prints a response.
    ///
    /// - Throws: An `EncodingError` when the value cannot be encoded (a bug).
    public func print(_ value: some Encodable, to console: Console = .current) throws {
        let data = try OutputPrinter.makeEncoder().encode(value)
        switch format {
        case .json:
            console.print(OutputPrinter.reindent(String(decoding: data, as: UTF8.self)))
        case .text:
            let tree = try JSONDecoder().decode(JSONTree.self, from: data)
            for line in OutputPrinter.textLines(tree, label: nil) { console.print(line) }
        case .table:
            let tree = try JSONDecoder().decode(JSONTree.self, from: data)
            console.print(OutputPrinter.tables(tree, title: nil).joined(separator: "\n"))
        }
    }

    /// Turns 2-space indentation into the AWS CLI's 4 spaces.
    static func reindent(_ json: String) -> String {
        var lines: [String] = []
        for line in json.split(separator: "\n" as Character, omittingEmptySubsequences: false) {
            let spaces = line.prefix { $0 == " " }.count
            lines.append(String(repeating: " ", count: spaces * 2) + tightenKeySeparator(line.dropFirst(spaces)))
        }
        // Foundation prints empty containers over two lines; the AWS CLI prints `{}` and `[]`.
        var collapsed: [String] = []
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            if (trimmed == "}" || trimmed == "]" || trimmed == "}," || trimmed == "],"), let last = collapsed.last, last.isEmpty,
                collapsed.count >= 2, collapsed[collapsed.count - 2].hasSuffix(trimmed.hasPrefix("}") ? "{" : "[")
            {
                collapsed.removeLast()
                collapsed[collapsed.count - 1] += String(trimmed)
            } else {
                collapsed.append(line)
            }
        }
        return collapsed.joined(separator: "\n")
    }

    /// `"key" : value` becomes `"key": value`; string values are left alone.
    static func tightenKeySeparator(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        guard bytes.first == UInt8(ascii: "\"") else { return String(line) }
        var index = 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        let separator = Array(" : ".utf8)
        guard index + 1 + separator.count <= bytes.count, Array(bytes[(index + 1)..<(index + 1 + separator.count)]) == separator else {
            return String(line)
        }
        return String(decoding: bytes[...index] + Array(": ".utf8) + bytes[(index + 1 + separator.count)...], as: UTF8.self)
    }

    static func textLines(_ value: JSONTree, label: String?) -> [String] {
        switch value {
        case .object(let dictionary):
            let keys = dictionary.keys.sorted()
            let scalars = keys.compactMap { dictionary[$0]?.scalarText }
            var lines: [String] = []
            if !scalars.isEmpty {
                lines.append(((label.map { [$0.uppercased()] } ?? []) + scalars).joined(separator: "\t"))
            }
            for key in keys {
                guard let nested = dictionary[key], nested.scalarText == nil else { continue }
                lines.append(contentsOf: textLines(nested, label: key))
            }
            return lines
        case .array(let array):
            let scalars = array.compactMap(\.scalarText)
            if scalars.count == array.count {
                return array.isEmpty ? [] : [((label.map { [$0.uppercased()] } ?? []) + scalars).joined(separator: "\t")]
            }
            return array.flatMap { textLines($0, label: label) }
        default:
            return value.scalarText.map { [$0] } ?? []
        }
    }

    static func tables(_ value: JSONTree, title: String?) -> [String] {
        switch value {
        case .array(let array):
            let objects: [[String: JSONTree]] = array.compactMap { if case .object(let object) = $0 { object } else { nil } }
            if objects.count == array.count, !objects.isEmpty {
                let columns = Set(objects.flatMap { object in object.keys.filter { object[$0]?.scalarText != nil } }).sorted()
                let rows = objects.map { object in columns.map { object[$0]?.scalarText ?? "" } }
                return [title ?? "", RecordBatch.formatTable(header: columns, rows: rows)]
            }
            let scalars = array.compactMap(\.scalarText)
            return [title ?? "", RecordBatch.formatTable(header: [title ?? "Value"], rows: scalars.map { [$0] })]
        case .object(let dictionary):
            let keys = dictionary.keys.sorted()
            var output: [String] = []
            let scalarRows = keys.compactMap { key in dictionary[key]?.scalarText.map { [key, $0] } }
            if !scalarRows.isEmpty {
                if let title { output.append(title) }
                output.append(RecordBatch.formatTable(header: ["Key", "Value"], rows: scalarRows))
            }
            for key in keys {
                guard let nested = dictionary[key], nested.scalarText == nil else { continue }
                output.append(contentsOf: tables(nested, title: key))
            }
            return output
        default:
            return [value.scalarText ?? ""]
        }
    }
}

/// A decoded JSON response, for the text and table formats.
enum JSONTree: Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            var object: [String: JSONTree] = [:]
            for key in container.allKeys { object[key.stringValue] = try container.decode(JSONTree.self, forKey: key) }
            self = .object(object)
        } else if var container = try? decoder.unkeyedContainer() {
            var array: [JSONTree] = []
            while !container.isAtEnd { array.append(try container.decode(JSONTree.self)) }
            self = .array(array)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let integer = try? container.decode(Int64.self) {
                self = .number(String(integer))
            } else if let double = try? container.decode(Double.self) {
                self = .number(NumberFormat.javaString(double))
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// The text of a scalar, as the AWS CLI prints it (`True`, `None`), or `nil` for containers.
    var scalarText: String? {
        switch self {
        case .null: "None"
        case .bool(let value): value ? "True" : "False"
        case .number(let text), .string(let text): text
        case .array, .object: nil
        }
    }
}
