import GlueCore

/// Every policy that applies to one request, by kind.
public struct PolicySet: Sendable {
    /// The caller's identity-based policies (inline and managed).
    public var identityPolicies: [PolicyDocument]
    /// The resource-based policy: bucket policy, role trust policy, KMS key policy, catalog policy.
    public var resourcePolicy: PolicyDocument?
    /// The caller's permissions boundary (caps identity permissions, never grants).
    public var permissionsBoundary: PolicyDocument?
    /// Session policies passed when the role session was created (cap, never grant).
    public var sessionPolicies: [PolicyDocument]
    /// Service control policies of the caller's account (cap, never grant).
    public var serviceControlPolicies: [PolicyDocument]

    /// Creates a policy set.
    public init(
        identityPolicies: [PolicyDocument] = [], resourcePolicy: PolicyDocument? = nil,
        permissionsBoundary: PolicyDocument? = nil, sessionPolicies: [PolicyDocument] = [],
        serviceControlPolicies: [PolicyDocument] = []
    ) {
        self.identityPolicies = identityPolicies
        self.resourcePolicy = resourcePolicy
        self.permissionsBoundary = permissionsBoundary
        self.sessionPolicies = sessionPolicies
        self.serviceControlPolicies = serviceControlPolicies
    }
}
