import GlueCore

/// IAM's decision procedure: explicit deny, then allow, else implicit deny, across identity
/// policies, the resource policy, the permissions boundary, session policies and SCPs, with IAM's
/// same-account and cross-account rules.
///
/// ```
/// 1. a matching Deny anywhere                                  -> explicitDeny
/// 2. SCPs present, none allows                                 -> implicitDeny (service control)
/// 3. same account:  resource policy names the caller directly  -> allowed
///                   ... names the caller's role ARN, boundary and session allow -> allowed
///                   trust/key policy without an Allow for the caller            -> implicitDeny
///                   identity allows, boundary and session allow                 -> allowed
/// 4. cross account: resource policy allows the caller AND identity, boundary, session allow
/// ```
///
/// Evaluation allocates only for the statements it reports; patterns are compiled at parse time.
public struct PolicyEvaluator: Sendable {
    /// Creates an evaluator (it holds no state).
    public init() {}

    /// Decides one request against its policies.
    /// - Complexity: O(*s*) in the number of statements.
    public func evaluate(_ request: AuthorizationRequest, policies: PolicySet) -> AuthorizationResult {
        PolicyEvaluator.evaluate(request, policies: policies)
    }

    /// Decides one request against its policies.
    /// - Complexity: O(*s*) in the number of statements.
    public static func evaluate(_ request: AuthorizationRequest, policies: PolicySet) -> AuthorizationResult {
        decide(request, policies: policies, identityAllowsEverything: false)
    }

    /// Decides one request made by `caller` against a resource policy. The account administrator
    /// has every identity permission; explicit denies in the resource policy still apply.
    public static func evaluate(
        _ request: AuthorizationRequest, caller: CallerIdentity, resourcePolicy: PolicyDocument?
    ) -> AuthorizationResult {
        var policies = caller.policies
        if let resourcePolicy { policies.resourcePolicy = resourcePolicy }
        return decide(request, policies: policies, identityAllowsEverything: caller.isAccountAdministrator)
    }

    /// What one kind of policy said about the request.
    struct Outcome {
        var denies: [MatchedStatement] = []
        var allows: [MatchedStatement] = []
        var grant: CallerPrincipal.Grant?
        var allowed: Bool { !allows.isEmpty }
    }

    static func decide(_ request: AuthorizationRequest, policies: PolicySet, identityAllowsEverything: Bool)
        -> AuthorizationResult
    {
        var action = request.action
        var resource = request.resource
        let context = request.normalizedContext
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                decide(
                    request, policies: policies, identityAllowsEverything: identityAllowsEverything,
                    action: actionBytes, resource: resourceBytes, context: context)
            }
        }
    }

    private static func scan(
        _ documents: [PolicyDocument], kind: PolicyKind, action: UnsafeBufferPointer<UInt8>,
        resource: UnsafeBufferPointer<UInt8>, context: RequestContext, into outcome: inout Outcome
    ) {
        // Index-based access borrows the statements in place: no per-statement copy (retain/release).
        for policyIndex in documents.indices {
            let matchers = documents[policyIndex].matchers
            for statementIndex in matchers.indices {
                let matcher = matchers[statementIndex]
                guard matcher.matchesAction(action), matcher.matchesResource(resource, context),
                    matcher.conditionsHold(context)
                else { continue }
                let statement = documents[policyIndex].statements[statementIndex]
                let matched = MatchedStatement(
                    policyKind: kind, policyIndex: policyIndex, policyName: documents[policyIndex].name,
                    statementIndex: statement.index, sid: statement.sid, effect: statement.effect, span: statement.span)
                if statement.effect == .deny {
                    outcome.denies.append(matched)
                } else {
                    outcome.allows.append(matched)
                }
            }
        }
    }

    private static func scanResourcePolicy(
        _ document: PolicyDocument, kind: PolicyKind, caller: CallerPrincipal, action: UnsafeBufferPointer<UInt8>,
        resource: UnsafeBufferPointer<UInt8>, context: RequestContext, into outcome: inout Outcome
    ) {
        for statement in document.statements {
            guard let principals = statement.principals else { continue }
            let grant: CallerPrincipal.Grant?
            if statement.isNotPrincipal {
                grant = caller.isExcluded(by: principals, effect: statement.effect) ? nil : .direct
            } else {
                grant = caller.bestGrant(principals)
            }
            guard let grant, statement.matchesAction(action), statement.matchesResource(resource, context),
                statement.conditionsHold(context)
            else { continue }
            let matched = MatchedStatement(
                policyKind: kind, policyIndex: 0, policyName: document.name, statementIndex: statement.index,
                sid: statement.sid, effect: statement.effect, span: statement.span)
            if statement.effect == .deny {
                outcome.denies.append(matched)
            } else {
                outcome.allows.append(matched)
                if outcome.grant.map({ grant > $0 }) ?? true { outcome.grant = grant }
            }
        }
    }

    /// Whether the resource policy must itself allow (role trust policies for STS actions, KMS key
    /// policies for KMS actions), and which kind names it.
    private static func resourcePolicyKind(_ request: AuthorizationRequest, _ resource: UnsafeBufferPointer<UInt8>)
        -> (kind: PolicyKind, mustAllow: Bool)
    {
        // Fast path: only `arn:PARTITION:iam:` and `arn:PARTITION:kms:` resources can qualify.
        var colons = 0
        var serviceStart = 0
        var serviceEnd = 0
        for offset in 0..<resource.count where resource[offset] == UInt8(ascii: ":") {
            colons += 1
            if colons == 2 { serviceStart = offset + 1 }
            if colons == 3 {
                serviceEnd = offset
                break
            }
        }
        guard colons == 3, serviceEnd - serviceStart == 3 else { return (.resourceBased, false) }
        let first = resource[serviceStart]
        guard first == UInt8(ascii: "i") || first == UInt8(ascii: "k") else { return (.resourceBased, false) }
        guard let arn = ARNParts(request.resource) else { return (.resourceBased, false) }
        let action = request.action.lowercased()
        if arn.service == "iam", arn.resource.hasPrefix("role/"), action.hasPrefix("sts:") {
            return (.roleTrust, true)
        }
        if arn.service == "kms", arn.resource.hasPrefix("key/"), action.hasPrefix("kms:") {
            return (.resourceBased, true)
        }
        return (.resourceBased, false)
    }

    private static func decide(
        _ request: AuthorizationRequest, policies: PolicySet, identityAllowsEverything: Bool,
        action: UnsafeBufferPointer<UInt8>, resource: UnsafeBufferPointer<UInt8>, context: RequestContext
    ) -> AuthorizationResult {
        let isService = request.servicePrincipal != nil
        var identity = Outcome()
        if !isService {
            scan(policies.identityPolicies, kind: .identityBased, action: action, resource: resource, context: context, into: &identity)
        }
        var boundary = Outcome()
        if let document = policies.permissionsBoundary, !isService {
            scan([document], kind: .permissionsBoundary, action: action, resource: resource, context: context, into: &boundary)
        }
        var session = Outcome()
        if !policies.sessionPolicies.isEmpty, !isService {
            scan(policies.sessionPolicies, kind: .session, action: action, resource: resource, context: context, into: &session)
        }
        var scp = Outcome()
        if !policies.serviceControlPolicies.isEmpty, !isService {
            scan(policies.serviceControlPolicies, kind: .serviceControl, action: action, resource: resource, context: context, into: &scp)
        }
        var resourceOutcome = Outcome()
        let (resourceKind, resourceMustAllow) = resourcePolicyKind(request, resource)
        if let document = policies.resourcePolicy {
            let caller = CallerPrincipal(request, hasBoundary: policies.permissionsBoundary != nil)
            scanResourcePolicy(
                document, kind: resourceKind, caller: caller, action: action, resource: resource, context: context,
                into: &resourceOutcome)
        }

        func joined(_ first: [MatchedStatement], _ second: [MatchedStatement]) -> [MatchedStatement] {
            first.isEmpty ? second : second.isEmpty ? first : first + second
        }

        func result(_ decision: EvaluationDecision, _ matched: [MatchedStatement], _ kind: PolicyKind?) -> AuthorizationResult {
            AuthorizationResult(decision: decision, matchedStatements: matched, responsiblePolicyKind: kind, request: request)
        }

        // 1. Explicit deny anywhere (the kind named is the first in this order).
        if !scp.denies.isEmpty || !resourceOutcome.denies.isEmpty || !identity.denies.isEmpty || !boundary.denies.isEmpty
            || !session.denies.isEmpty
        {
            let kind: PolicyKind =
                !scp.denies.isEmpty ? .serviceControl : !resourceOutcome.denies.isEmpty ? resourceKind
                : !identity.denies.isEmpty ? .identityBased : !boundary.denies.isEmpty ? .permissionsBoundary : .session
            return result(
                .explicitDeny, scp.denies + resourceOutcome.denies + identity.denies + boundary.denies + session.denies, kind)
        }
        // 2. SCPs must allow.
        if !policies.serviceControlPolicies.isEmpty, !isService, !scp.allowed {
            return result(.implicitDeny, [], .serviceControl)
        }
        // A service principal is allowed only by a resource policy naming it.
        if isService {
            if resourceOutcome.grant == .direct { return result(.allowed, resourceOutcome.allows, nil) }
            return result(.implicitDeny, [], resourceKind)
        }
        let identityAllows = identity.allowed || identityAllowsEverything
        let boundaryAllows = policies.permissionsBoundary == nil || boundary.allowed
        let sessionAllows = policies.sessionPolicies.isEmpty || session.allowed
        let callerSideKindLacking: PolicyKind? =
            !identityAllows ? .identityBased : !boundaryAllows ? .permissionsBoundary : !sessionAllows ? .session : nil

        let sameAccount = request.isSameAccount
        if sameAccount {
            // 3a. A direct grant in the resource policy.
            if resourceOutcome.grant == .direct {
                return result(.allowed, joined(resourceOutcome.allows, identity.allows), nil)
            }
            // 3b. A grant to the session's role ARN, capped by boundary and session policies.
            if resourceOutcome.grant == .role, boundaryAllows, sessionAllows {
                return result(.allowed, joined(resourceOutcome.allows, identity.allows), nil)
            }
            // 3c. Trust and key policies must allow the caller themselves.
            if resourceMustAllow, !resourceOutcome.allowed {
                return result(.implicitDeny, [], resourceKind)
            }
            // 3d. Identity allows, within boundary and session policies.
            if let lacking = callerSideKindLacking {
                return result(.implicitDeny, [], lacking)
            }
            return result(.allowed, joined(identity.allows, resourceOutcome.allows), nil)
        }
        // 4. Cross-account: both sides must allow.
        guard resourceOutcome.allowed else { return result(.implicitDeny, [], resourceKind) }
        if let lacking = callerSideKindLacking { return result(.implicitDeny, [], lacking) }
        return result(.allowed, joined(identity.allows, resourceOutcome.allows), nil)
    }
}
