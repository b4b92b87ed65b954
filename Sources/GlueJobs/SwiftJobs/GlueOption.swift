/// A value of awsglue's `connection_options` and `format_options` dictionaries: text, a flag, a
/// number or a list, written as a Swift literal.
///
/// ```swift
/// ["paths": ["s3://bucket/orders/"], "recurse": true, "maxBand": 900000]
/// ```
public enum GlueOption: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
    case text(String)
    case list([String])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .text(String(value)) }
    public init(integerLiteral value: Int) { self = .text(String(value)) }
    public init(arrayLiteral elements: String...) { self = .list(elements) }

    /// The value as text (a list joins with commas).
    public var text: String {
        switch self {
        case .text(let text): text
        case .list(let items): items.joined(separator: ",")
        }
    }

    /// The value as a list (text is a list of one).
    public var list: [String] {
        switch self {
        case .text(let text): [text]
        case .list(let items): items
        }
    }
}
