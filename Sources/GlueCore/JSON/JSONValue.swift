/// A JSON value as written in a document: object members keep their order, numbers keep their text.
///
/// LocalGlue parses JSON itself (policy documents, CLI structure arguments, Glue JSON shapes) so that
/// every error can name the line, column and JSON path of the problem. Parse with
/// ``JSONValue/init(parsing:)-(String)`` or ``JSONParser``.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept exactly as written (`10`, `-0.5`, `1e3`).
    case number(String)
    /// A string, with escapes decoded.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in document order.
    case object([JSONMember])

    /// Parses a complete JSON text.
    ///
    /// - Throws: `InvalidDataException` naming the line, column, byte offset and JSON path; the
    ///   error's `cause` is a ``JSONSyntaxError``.
    public init(parsing text: String) throws(GlueError) {
        self = try JSONParser.parse(Array(text.utf8)).value
    }

    /// Parses a complete JSON text from UTF-8 bytes.
    ///
    /// - Throws: `InvalidDataException` as ``init(parsing:)-(String)``.
    public init(parsing bytes: [UInt8]) throws(GlueError) {
        self = try JSONParser.parse(bytes).value
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The member's key, with escapes decoded.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// The value of the first member named `key` when this is an object, else `nil`.
    ///
    /// - Complexity: O(*n*) in the number of members.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The members when this is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The Boolean when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number as written when this is a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// The number as an `Int64` when it is an integer in range.
    public var int64Value: Int64? {
        if case .number(let text) = self { return Int64(text) }
        return nil
    }

    /// The number as a `Double`.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The scalar as text: strings as they are, numbers as written, Booleans as `true`/`false`;
    /// `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The JSON type's name as error messages say it (`object`, `array`, `string`, ...).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
