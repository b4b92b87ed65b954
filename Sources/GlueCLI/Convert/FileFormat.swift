import Foundation
import GlueCore

/// The file formats `convert` reads and writes.
public enum FileFormat: String, CaseIterable, Sendable {
    case csv
    case json
    case parquet

    /// The format a file name implies: `.csv`, `.csv.gz`, `.tsv`, `.json`, `.jsonl`, `.json.gz`, `.parquet`.
    public static func inferred(from path: String) -> FileFormat? {
        var name = path.lowercased()
        for suffix in [".gz", ".gzip"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        if name.hasSuffix(".csv") || name.hasSuffix(".tsv") || name.hasSuffix(".txt") { return .csv }
        if name.hasSuffix(".json") || name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .json }
        if name.hasSuffix(".parquet") || name.hasSuffix(".parq") { return .parquet }
        return nil
    }

    /// Whether the file name says the file is gzip-compressed.
    public static func isGzipName(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".gz") || name.hasSuffix(".gzip")
    }
}

/// Glue's `format_options`, as given to `--format-options` (values kept as text; booleans as
/// `true`/`false`).
public struct FormatOptions: Sendable, Equatable {
    /// The options by Glue's name (`separator`, `quoteChar`, `withHeader`, ...).
    public var values: [String: String]

    /// Creates options from a dictionary.
    public init(_ values: [String: String] = [:]) { self.values = values }

    /// The option's text, if given.
    public subscript(name: String) -> String? { values[name] }

    /// A boolean option (`true`/`false`, any case), or `defaultValue` when absent.
    ///
    /// - Throws: ``ParameterError`` when the value is not a boolean.
    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let text = values[name] else { return defaultValue }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ParameterError(option: "--format-options", reason: "\(name) must be true or false, not \"\(text)\"")
        }
    }

    /// Parses `--format-options` JSON (an object of strings, booleans and numbers).
    ///
    /// - Throws: ``ParameterError`` naming the key when the JSON is not such an object.
    public static func parse(_ text: String) throws -> FormatOptions {
        guard let object = try? JSONDecoder().decode([String: ScalarValue].self, from: Data(text.utf8)) else {
            throw ParameterError(option: "--format-options", reason: "expected a JSON object of strings, booleans and numbers, got \(text)")
        }
        return FormatOptions(object.mapValues(\.text))
    }

    struct ScalarValue: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) {
                text = bool ? "true" : "false"
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let double = try? container.decode(Double.self) {
                text = String(double)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}
