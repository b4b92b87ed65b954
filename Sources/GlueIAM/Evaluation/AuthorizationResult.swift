import GlueCore

/// The outcome of one authorization: the decision, the statements behind it, and who is to blame.
public struct AuthorizationResult: Sendable {
    /// Allowed, implicit deny or explicit deny.
    public var decision: EvaluationDecision
    /// The statements that decided: the matching Deny statements of an explicit deny, the Allow
    /// statements of an allow; empty for an implicit deny.
    public var matchedStatements: [MatchedStatement]
    /// The kind of policy AWS names in its message (the first to deny or to lack an Allow).
    public var responsiblePolicyKind: PolicyKind?
    /// The request that was decided.
    public var request: AuthorizationRequest

    /// Creates a result.
    public init(
        decision: EvaluationDecision, matchedStatements: [MatchedStatement], responsiblePolicyKind: PolicyKind?,
        request: AuthorizationRequest
    ) {
        self.decision = decision
        self.matchedStatements = matchedStatements
        self.responsiblePolicyKind = responsiblePolicyKind
        self.request = request
    }

    /// AWS's access-denied sentence, empty when allowed:
    ///
    /// `User: P is not authorized to perform: A on resource: R because no identity-based policy allows the A action`
    /// `User: P is not authorized to perform: A on resource: R with an explicit deny in a resource-based policy`
    ///
    /// S3 quotes the resource ARN (`on resource: "arn:aws:s3:::b/k"`); Glue and IAM do not.
    public func denialMessage() -> String {
        guard decision != .allowed else { return "" }
        let principal = request.servicePrincipal ?? request.principal.description
        let action = request.action
        let isS3 = action.utf8.count > 3 && action.lowercased().hasPrefix("s3:")
        let resource = isS3 ? "\"\(request.resource)\"" : request.resource
        let kind = responsiblePolicyKind ?? .identityBased
        let head = "User: \(principal) is not authorized to perform: \(action) on resource: \(resource)"
        if decision == .explicitDeny {
            return "\(head) with an explicit deny in \(kind.explicitPhrase)"
        }
        return "\(head) because no \(kind.implicitPhrase) allows the \(action) action"
    }
}
