import Foundation

/// Structure parameters as the AWS CLI takes them: inline text, or `file://PATH`.
public enum ParameterInput {
    /// The text of a parameter: the value itself, or the contents of the file it names with `file://`.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read.
    public static func text(_ value: String, option: String) throws -> String {
        guard value.hasPrefix("file://") else { return value }
        let path = String(value.dropFirst("file://".count))
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("Error parsing parameter '\(option)': Unable to load paramfile \(value): No such file or directory")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a JSON structure parameter (inline or `file://`).
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read; `InvalidInputException`-style
    ///   usage errors when the JSON does not decode, naming the option.
    public static func decode<T: Decodable>(_ type: T.Type, from value: String, option: String) throws -> T {
        let text = try text(value, option: option)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            throw ParameterError(option: option, reason: "Invalid JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ParameterError(option: option, reason: "Missing required parameter \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ParameterError(option: option, reason: "Invalid type for parameter \(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ParameterError(option: option, reason: "Invalid null for parameter \(path(context.codingPath))")
        } catch {
            throw ParameterError(option: option, reason: "\(error)")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// A structure parameter that does not parse: a usage error (exit 252), as the AWS CLI's
/// "Error parsing parameter" and "Parameter validation failed".
public struct ParameterError: Error, Sendable, CustomStringConvertible {
    /// The option, such as `--table-input`.
    public var option: String
    /// What is wrong, with the JSON path.
    public var reason: String

    /// Creates an error.
    public init(option: String, reason: String) {
        self.option = option
        self.reason = reason
    }

    public var description: String { "Error parsing parameter '\(option)': \(reason)" }
}
