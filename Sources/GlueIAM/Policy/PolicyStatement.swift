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

    /// The compiled matching data, behind one reference so the evaluator's loop copies nothing.
    let matcher: StatementMatcher

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
        matcher = StatementMatcher(
            effect: effect, isNotAction: isNotAction, actionPatterns: actions.map { PolicyStatement.actionPattern($0) },
            isNotResource: isNotResource,
            resourceMatchers: resources?.map { ResourceMatcher($0, variablesEnabled: variablesEnabled) },
            conditions: conditions)
    }

    /// Actions are `service:name`, case-insensitive; `*` alone is every action.
    private static func actionPattern(_ text: String) -> WildcardPattern {
        WildcardPattern(text, caseInsensitive: true)
    }

    /// Whether the action part matches the request's action bytes.
    func matchesAction(_ action: UnsafeBufferPointer<UInt8>) -> Bool { matcher.matchesAction(action) }

    /// Whether the resource part matches.
    func matchesResource(_ resource: UnsafeBufferPointer<UInt8>, _ context: RequestContext) -> Bool {
        matcher.matchesResource(resource, context)
    }

    /// Whether every condition holds.
    func conditionsHold(_ context: RequestContext) -> Bool { matcher.conditionsHold(context) }
}

/// A statement's compiled patterns and conditions: immutable, shared, matched without copying.
final class StatementMatcher: Sendable {
    let effect: PolicyEffect
    let isNotAction: Bool
    let actionPatterns: [WildcardPattern]
    let isNotResource: Bool
    let resourceMatchers: [ResourceMatcher]?
    let conditions: [ConditionClause]

    init(
        effect: PolicyEffect, isNotAction: Bool, actionPatterns: [WildcardPattern], isNotResource: Bool,
        resourceMatchers: [ResourceMatcher]?, conditions: [ConditionClause]
    ) {
        self.effect = effect
        self.isNotAction = isNotAction
        self.actionPatterns = actionPatterns
        self.isNotResource = isNotResource
        self.resourceMatchers = resourceMatchers
        self.conditions = conditions
    }

    /// Whether the action part matches the request's action bytes.
    @inline(__always)
    func matchesAction(_ action: UnsafeBufferPointer<UInt8>) -> Bool {
        var any = false
        for index in actionPatterns.indices where actionPatterns[index].matches(bytes: action) {
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
        for index in resourceMatchers.indices
        where resourceMatchers[index].matches(resource, context, inNotResource: isNotResource) {
            any = true
            break
        }
        return any != isNotResource
    }

    /// Whether every condition holds.
    @inline(__always)
    func conditionsHold(_ context: RequestContext) -> Bool {
        for index in conditions.indices where !conditions[index].evaluate(context) { return false }
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
