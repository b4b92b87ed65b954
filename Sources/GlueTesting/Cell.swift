/// One value of a test frame written as a literal: `1`, `2.5`, `"text"`, `true`, `nil`. Values of
/// other types (`date`, `timestamp`, `decimal`) are written as text and converted to the column's
/// type.
public enum Cell: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    case null
    case text(String)

    public init(integerLiteral value: Int) { self = .text(String(value)) }
    public init(floatLiteral value: Double) { self = .text(String(value)) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .text(String(value)) }
    public init(nilLiteral: ()) { self = .null }
}
