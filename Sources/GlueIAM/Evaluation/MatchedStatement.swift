import GlueCore

/// A statement that took part in a decision (IAM simulator's `MatchedStatements`).
public struct MatchedStatement: Sendable, Hashable {
    /// The kind of policy holding the statement.
    public var policyKind: PolicyKind
    /// The policy's position within its kind (0-based: the n-th identity policy, ...).
    public var policyIndex: Int
    /// The policy's name, when it has one (`SourcePolicyId`).
    public var policyName: String?
    /// The statement's position in its policy (0-based).
    public var statementIndex: Int
    /// The statement's `Sid`.
    public var sid: String?
    /// `Allow` or `Deny`.
    public var effect: PolicyEffect
    /// Where the statement is in the policy text.
    public var span: JSONSpan?
}
