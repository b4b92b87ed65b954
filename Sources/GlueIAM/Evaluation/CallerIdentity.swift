import GlueCore

/// Who is making calls: an assumed-role session (or the account's administrator) with its policies.
public struct CallerIdentity: Sendable {
    /// The caller's ARN: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, or the root for the admin.
    public var arn: ARN
    /// The caller's account.
    public var accountID: String
    /// The caller's identity policies, permissions boundary, session policies and SCPs (the
    /// resource policy is added per request).
    public var policies: PolicySet
    /// The account's administrator: every identity permission (resource-policy denies still apply).
    public var isAccountAdministrator: Bool

    /// Creates a caller.
    public init(arn: ARN, accountID: String, policies: PolicySet, isAccountAdministrator: Bool = false) {
        self.arn = arn
        self.accountID = accountID
        self.policies = policies
        self.isAccountAdministrator = isAccountAdministrator
    }

    /// The account's administrator (`arn:aws:iam::ACCOUNT:root`), the CLI's caller without `--as-role`.
    public static func administrator(accountID: String) -> CallerIdentity {
        CallerIdentity(
            arn: ARN.accountRoot(accountID), accountID: accountID, policies: PolicySet(), isAccountAdministrator: true)
    }

    /// Decides one request by this caller against a resource's policy.
    public func authorize(
        action: String, resource: String, context: [String: [String]] = [:], resourceAccount: String? = nil,
        resourcePolicy: PolicyDocument? = nil
    ) -> AuthorizationResult {
        let request = AuthorizationRequest(
            principal: arn, action: action, resource: resource, context: context, resourceAccount: resourceAccount)
        return PolicyEvaluator.evaluate(request, caller: self, resourcePolicy: resourcePolicy)
    }
}
