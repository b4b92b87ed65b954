/// A 12-digit AWS account ID.
public struct AccountID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The twelve digits.
    public let rawValue: String

    /// The account LocalGlue's lakes use unless told otherwise (AWS documentation's example account).
    public static let `default` = AccountID(unchecked: "123456789012")

    /// Validates a 12-digit account ID.
    ///
    /// - Throws: `InvalidInputException` unless the text is exactly twelve ASCII digits.
    public init(_ text: String) throws(GlueError) {
        guard text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw GlueError(.invalidInput, "Invalid account ID \"\(text)\": an AWS account ID is 12 digits.")
        }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }
    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try AccountID(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
