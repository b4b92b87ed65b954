import GlueCore

/// The facts about a caller that principal matching needs, derived from the request once.
struct CallerPrincipal {
    /// How a resource-policy Allow reached the caller (1.2 of the spec); higher is stronger.
    enum Grant: Int, Comparable {
        /// Through the caller's account (delegation: the identity policy must still allow).
        case account = 0
        /// Through the role ARN of the caller's session (limited by boundary and session policies).
        case role = 1
        /// Naming the caller itself, `*`, or a service principal.
        case direct = 2

        static func < (lhs: Grant, rhs: Grant) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let arn: String
    let account: String
    /// The role name when the caller is a session of a role (or the role ARN itself).
    let roleName: Substring?
    let service: String?
    let hasBoundary: Bool

    init(_ request: AuthorizationRequest, hasBoundary: Bool) {
        arn = request.principal.description
        account = request.principal.account
        service = request.servicePrincipal
        self.hasBoundary = hasBoundary
        let principal = request.principal
        if principal.service == "sts", principal.resource.hasPrefix("assumed-role/") {
            let parts = principal.resource.split(separator: "/", omittingEmptySubsequences: false)
            roleName = parts.count >= 2 ? parts[1] : nil
        } else if principal.service == "iam", principal.resource.hasPrefix("role/") {
            roleName = principal.resource.split(separator: "/").last
        } else {
            roleName = nil
        }
    }

    /// How one principal entry grants to the caller, or `nil` when it does not name the caller.
    func grant(for entry: PolicyPrincipal) -> Grant? {
        if let service {
            switch entry {
            case .anyone: return .direct
            case .service(let name): return name == service ? .direct : nil
            default: return nil
            }
        }
        switch entry {
        case .anyone:
            return .direct
        case .account(let id):
            return id == account ? .account : nil
        case .user(let text), .session(let text), .otherARN(let text):
            return text == arn ? .direct : nil
        case .role(let roleAccount, let name, let roleARN):
            if roleARN == arn { return .role }
            guard let roleName, roleAccount == account, name == roleName else { return nil }
            return .role
        case .service, .federated, .canonicalUser, .invalid:
            return nil
        }
    }

    /// The strongest grant any of the entries gives.
    func bestGrant(_ entries: [PolicyPrincipal]) -> Grant? {
        var best: Grant?
        for entry in entries {
            if let grant = grant(for: entry), best.map({ grant > $0 }) ?? true { best = grant }
        }
        return best
    }

    /// Whether `NotPrincipal` excludes the caller: every identity the request carries (the account,
    /// the role and the session, or the user) must be listed. A caller with a permissions boundary
    /// is never excluded from a `Deny` (documented quirk).
    func isExcluded(by entries: [PolicyPrincipal], effect: PolicyEffect) -> Bool {
        if effect == .deny && hasBoundary { return false }
        if let service { return entries.contains(.service(service)) || entries.contains(.anyone) }
        if entries.contains(.anyone) { return true }
        var accountListed = false
        var roleListed = false
        var selfListed = false
        for entry in entries {
            switch entry {
            case .account(let id) where id == account:
                accountListed = true
            case .role(let roleAccount, let name, let roleARN):
                if roleARN == arn {
                    roleListed = true
                    selfListed = true
                } else if let roleName, roleAccount == account, name == roleName {
                    roleListed = true
                }
            case .user(let text), .session(let text), .otherARN(let text):
                if text == arn { selfListed = true }
            default:
                break
            }
        }
        if roleName != nil { return accountListed && roleListed && selfListed }
        return accountListed && selfListed
    }
}
