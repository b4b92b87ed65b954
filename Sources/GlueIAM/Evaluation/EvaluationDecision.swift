import GlueCore

/// The result of evaluating a request, spelled as IAM's simulator spells `EvalDecision`.
public enum EvaluationDecision: String, Sendable, Hashable, Codable {
    /// A statement allowed the request and nothing denied it.
    case allowed
    /// No statement allowed the request (the default).
    case implicitDeny
    /// A `Deny` statement matched.
    case explicitDeny

    /// Whether the request may proceed.
    public var isAllowed: Bool { self == .allowed }

    /// The `simulate-cases` spelling: `allow`, `implicit-deny`, `explicit-deny`.
    public var caseSpelling: String {
        switch self {
        case .allowed: return "allow"
        case .implicitDeny: return "implicit-deny"
        case .explicitDeny: return "explicit-deny"
        }
    }
}
