import GlueCore

/// The kinds of policy IAM evaluates, spelled as AWS's access-denied messages name them.
public enum PolicyKind: String, Sendable, Hashable, CaseIterable {
    /// Policies attached to the user or role.
    case identityBased = "identity-based"
    /// A policy attached to the resource (bucket policy, catalog policy, KMS key policy).
    case resourceBased = "resource-based"
    /// A role's trust policy (the resource policy of `sts:AssumeRole`).
    case roleTrust = "role trust"
    /// The caller's permissions boundary.
    case permissionsBoundary = "permissions boundary"
    /// A session policy.
    case session = "session"
    /// An Organizations service control policy.
    case serviceControl = "service control"

    /// `SourcePolicyType` of IAM's simulator.
    public var simulatorSourceType: String {
        switch self {
        case .identityBased: return "IAM Policy"
        case .resourceBased, .roleTrust: return "resource"
        case .permissionsBoundary: return "PermissionsBoundaryPolicy"
        case .session: return "session"
        case .serviceControl: return "service control policy"
        }
    }

    /// The noun phrase after "because no": `identity-based policy`, `permissions boundary`, ...
    var implicitPhrase: String {
        switch self {
        case .permissionsBoundary: return "permissions boundary"
        default: return "\(rawValue) policy"
        }
    }

    /// The phrase after "with an explicit deny in": `an identity-based policy`, `a permissions boundary`.
    var explicitPhrase: String {
        switch self {
        case .identityBased: return "an identity-based policy"
        case .resourceBased: return "a resource-based policy"
        case .roleTrust: return "the role trust policy"
        case .permissionsBoundary: return "a permissions boundary"
        case .session: return "a session policy"
        case .serviceControl: return "a service control policy"
        }
    }
}
