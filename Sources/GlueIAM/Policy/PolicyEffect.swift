import GlueCore

/// A statement's `Effect`: exactly `Allow` or `Deny` (case-sensitive).
public enum PolicyEffect: String, Sendable, Hashable, Codable {
    /// `"Allow"`.
    case allow = "Allow"
    /// `"Deny"`.
    case deny = "Deny"
}
