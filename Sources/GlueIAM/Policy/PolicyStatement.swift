import GlueCore

/// One statement of a policy document, with its patterns compiled for fast matching.
public struct PolicyStatement: Sendable {
    /// `Sid`, if any (no effect on evaluation).
    public let sid: String?
    /// `Allow` or `Deny`.
    public let effect: PolicyEffect
    /// The statement's position in the document's `Statement` list (0-based).
    public let index: Int
    /// Where the statement object starts and ends in the document's text.
    public let span: JSONSpan?
    /// Whether the actions are written as `NotAction`.
    public let isNotAction: Bool
    /// The `Action` / `NotAction` values as written.
    public let actions: [String]
    /// Whether the resources are written as `NotResource`.
    public let isNotResource: Bool
    /// The `Resource` / `NotResource` values as written; `nil` when the statement has neither.
    public let resources: [String]?
    /// Whether the principals are written as `NotPrincipal`.
    public let isNotPrincipal: Bool
    /// The `Principal` / `NotPrincipal` entries; `nil` when the statement has neither.
    public let principals: [PolicyPrincipal]?
    /// The condition tests; all must hold.
    public let conditions: [ConditionClause]

    let actionPatterns: [WildcardPattern]
    let resourceMatchers: [ResourceMatcher]?

    init(
        sid: String?, effect: PolicyEffect, index: Int, span: JSONSpan?, isNotAction: Bool, actions: [String],
        isNotResource: Bool, resources: [String]?, isNotPrincipal: Bool, principals: [PolicyPrincipal]?,
        conditions: [ConditionClause], variablesEnabled: Bool
    ) {
        self.sid = sid
        self.effect = effect
        self.index = index
        self.span = span
        self.isNotAction = isNotAction
        self.actions = actions
        self.isNotResource = isNotResource
        self.resources = resources
        self.isNotPrincipal = isNotPrincipal
        self.principals = principals
        self.conditions = conditions
        actionPatterns = actions.map { PolicyStatement.actionPattern($0) }
        resourceMatchers = resources?.map { ResourceMatcher($0, variablesEnabled: variablesEnabled) }
    }

    /// Actions are `service:name`, case-insensitive; `*` alone is every action.
    private static func actionPattern(_ text: String) -> WildcardPattern {
        WildcardPattern(text, caseInsensitive: true)
    }

    /// Whether the action part matches the request's action bytes.
    @inline(__always)
    func matchesAction(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        var any = false
        for pattern in actionPatterns where pattern.matches(bytes: action) {
            any = true
            break
        }
        return any != isNotAction
    }

    /// Whether the resource part matches. A statement without Resource/NotResource (a trust policy)
    /// applies to the resource it is attached to.
    @inline(__always)
    func matchesResource(_ resource: UnsafeBufferPointer<UInt8>, _ context: RequestContext) -> Bool {
        guard let resourceMatchers else { return true }
        var any = false
        for matcher in resourceMatchers where matcher.matches(resource, context, inNotResource: isNotResource) {
            any = true
            break
        }
        return any != isNotResource
    }

    /// Whether every condition holds.
    @inline(__always)
    func conditionsHold(_ context: RequestContext) -> Bool {
        for clause in conditions where !clause.evaluate(context) { return false }
        return true
    }
}

/// One `Resource` entry: a static pattern, a template with variables, or nothing (malformed ARN).
struct ResourceMatcher: Sendable {
    let pattern: WildcardPattern?
    let template: PolicyTemplate?

    init(_ text: String, variablesEnabled: Bool) {
        if text == "*" {
            pattern = WildcardPattern("*")
            template = nil
            return
        }
        // A malformed ARN (fewer than six parts) can never equal a real ARN: it matches nothing.
        guard ARNParts(text) != nil else {
            pattern = .nothing
            template = nil
            return
        }
        let compiled = PolicyTemplate(text, variablesEnabled: variablesEnabled)
        if let fixed = compiled.staticPattern() {
            pattern = fixed
            template = nil
        } else {
            pattern = nil
            template = compiled
        }
    }

    /// Matches one resource. An unresolvable variable matches nothing in `Resource`, and excludes
    /// nothing in `NotResource` (so it also "matches nothing" as an entry).
    @inline(__always)
    func matches(_ resource: UnsafeBufferPointer<UInt8>, _ context: RequestContext, inNotResource: Bool) -> Bool {
        if let pattern { return pattern.matches(bytes: resource) }
        guard let template, let resolved = template.resolvedPattern(context) else { return false }
        return resolved.matches(bytes: resource)
    }
}
