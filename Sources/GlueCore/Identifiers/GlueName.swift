/// A validated Glue entity name (database, table, job, crawler, connection).
///
/// Glue's `NameString`: 1 to 255 characters of a single line (no CR or LF). Database and table
/// names are folded to lower case when stored and looked up, as the Glue model says they are for
/// Hive compatibility; job and crawler names keep their case.
public struct GlueName: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The kinds of entity a name can belong to; they decide case folding and the error text.
    public enum Kind: String, Sendable {
        case database = "Database"
        case table = "Table"
        case column = "Column"
        case job = "Job"
        case crawler = "Crawler"
        case partitionValue = "Partition value"

        var foldsCase: Bool { self == .database || self == .table || self == .column }
    }

    /// The name as stored (lower-cased for databases, tables and columns).
    public let rawValue: String

    /// Validates a name of the given kind.
    ///
    /// - Throws: `InvalidInputException` naming the rule that was broken.
    public init(_ text: String, kind: Kind) throws(GlueError) {
        let count = text.count
        guard count >= 1 else {
            throw GlueError(.invalidInput, "\(kind.rawValue) name must not be empty.")
        }
        guard count <= 255 else {
            throw GlueError(
                .invalidInput,
                "1 validation error detected: Value '\(text.prefix(40))...' at 'name' failed to satisfy constraint: Member must have length less than or equal to 255")
        }
        for scalar in text.unicodeScalars where !GlueName.isAllowed(scalar) {
            throw GlueError(
                .invalidInput,
                "1 validation error detected: Value '\(text)' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*")
        }
        rawValue = kind.foldsCase ? text.lowercased() : text
    }

    /// Glue's single-line pattern: tab, and every scalar from U+0020 except the surrogates and U+FFFE/U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x09 || (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD)
            || value >= 0x10000
    }

    public var description: String { rawValue }
    public static func < (lhs: GlueName, rhs: GlueName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
