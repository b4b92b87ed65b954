import GlueCore

/// A condition operator as written in a policy: an optional set qualifier, a base operator and an
/// optional `IfExists` suffix (`ForAnyValue:StringLikeIfExists`).
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    /// The set operators for multivalued keys.
    public enum SetQualifier: String, Sendable, Hashable {
        /// `ForAllValues:`: every request value must satisfy the base operator (vacuously true when absent).
        case forAllValues = "ForAllValues"
        /// `ForAnyValue:`: at least one request value must satisfy the base operator.
        case forAnyValue = "ForAnyValue"
    }

    /// The base operators, grouped by family as the IAM user guide lists them.
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators: true when the key is missing, and NOR over the policy values.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }

        /// The operator family.
        public var family: Family {
            switch self {
            case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike,
                .stringNotLike:
                return .string
            case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
                .numericGreaterThanEquals:
                return .numeric
            case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
                .dateGreaterThanEquals:
                return .date
            case .bool: return .boolean
            case .binaryEquals: return .binary
            case .ipAddress, .notIpAddress: return .ipAddress
            case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: return .arn
            case .null: return .null
            }
        }

        /// Whether policy variables are substituted in this operator's values.
        public var acceptsVariables: Bool { family == .string || family == .arn }
    }

    /// Operator families.
    public enum Family: String, Sendable, Hashable {
        case string = "String"
        case numeric = "Numeric"
        case date = "Date"
        case boolean = "Bool"
        case binary = "Binary"
        case ipAddress = "IPAddress"
        case arn = "ARN"
        case null = "Null"
    }

    /// `ForAllValues` / `ForAnyValue`, if written.
    public var qualifier: SetQualifier?
    /// The base operator.
    public var base: Base
    /// Whether `IfExists` was appended.
    public var ifExists: Bool

    /// Creates an operator.
    public init(qualifier: SetQualifier? = nil, base: Base, ifExists: Bool = false) {
        self.qualifier = qualifier
        self.base = base
        self.ifExists = ifExists
    }

    /// Parses an operator name; `nil` for an unknown name or `NullIfExists`.
    public init?(name: String) {
        var rest = Substring(name)
        var qualifier: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            guard let parsed = SetQualifier(rawValue: String(rest[..<colon])) else { return nil }
            qualifier = parsed
            rest = rest[rest.index(after: colon)...]
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = Base(rawValue: String(rest)) else { return nil }
        if base == .null && ifExists { return nil }
        self.init(qualifier: qualifier, base: base, ifExists: ifExists)
    }

    /// The name as written in a policy.
    public var description: String {
        (qualifier.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }
}
