import GlueCore

/// One `operator: {key: values}` test of a statement's `Condition`, compiled at parse time.
public struct ConditionClause: Sendable, Hashable {
    /// The operator as written.
    public let conditionOperator: ConditionOperator
    /// The condition key as written (`aws:SourceIp`).
    public let key: String
    /// The policy values as text (JSON numbers and Booleans normalised: `10` → `"10"`).
    public let values: [String]

    let lowercasedKey: String
    let compiled: [CompiledValue]
    /// Whether the key is known to be multivalued (so a plain operator never matches it).
    let keyIsMultivalued: Bool

    enum CompiledValue: Sendable, Hashable {
        case string(PolicyTemplate)
        case stringIgnoringCase(PolicyTemplate, lowercased: String?)
        case like(PolicyTemplate, WildcardPattern?)
        case number(Double?)
        case date(Double?)
        case boolean(String)
        case binary([UInt8]?)
        case ipAddress(IPAddressRange?)
        case arn(PolicyTemplate, [WildcardPattern]?)
        case null(Bool?)
    }

    /// Compiles a clause; variables are honoured when `variablesEnabled` (Version 2012-10-17).
    init(conditionOperator: ConditionOperator, key: String, values: [String], variablesEnabled: Bool) {
        self.conditionOperator = conditionOperator
        self.key = key
        self.values = values
        lowercasedKey = key.lowercased()
        keyIsMultivalued = ConditionKeys.multivalued.contains(lowercasedKey)
        let variables = variablesEnabled && conditionOperator.base.acceptsVariables
        compiled = values.map { text in
            switch conditionOperator.base {
            case .stringEquals, .stringNotEquals:
                return .string(PolicyTemplate(text, variablesEnabled: variables))
            case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
                let template = PolicyTemplate(text, variablesEnabled: variables)
                return .stringIgnoringCase(template, lowercased: template.hasVariables ? nil : text.lowercased())
            case .stringLike, .stringNotLike:
                let template = PolicyTemplate(text, variablesEnabled: variables)
                return .like(template, template.staticPattern())
            case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
                .numericGreaterThanEquals:
                return .number(Double(text))
            case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
                .dateGreaterThanEquals:
                return .date(PolicyDate.epochSeconds(text))
            case .bool:
                return .boolean(text.lowercased())
            case .binaryEquals:
                return .binary(Base64.decode(text))
            case .ipAddress, .notIpAddress:
                return .ipAddress(IPAddressRange(text))
            case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike:
                let template = PolicyTemplate(text, variablesEnabled: variables)
                return .arn(template, template.hasVariables ? nil : ConditionClause.arnPatterns(text))
            case .null:
                switch text.lowercased() {
                case "true": return .null(true)
                case "false": return .null(false)
                default: return .null(nil)
                }
            }
        }
    }

    /// The six component patterns of an ARN pattern, or `nil` when it does not have six parts.
    static func arnPatterns(_ text: String) -> [WildcardPattern]? {
        guard let parts = splitARN(text) else { return nil }
        return parts.map { WildcardPattern(String($0)) }
    }

    /// Splits an ARN at its first five colons; `nil` unless it starts with `arn` and has six parts.
    static func splitARN(_ text: String) -> [Substring]? {
        var parts: [Substring] = []
        var rest = Substring(text)
        while parts.count < 5, let colon = rest.firstIndex(of: ":") {
            parts.append(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard parts.count == 5 else { return nil }
        parts.append(rest)
        return parts
    }

    // MARK: - Evaluation

    /// Whether the clause holds for the request context.
    func evaluate(_ context: RequestContext) -> Bool {
        let base = conditionOperator.base
        let requestValues = context.values(forLowercasedKey: lowercasedKey)
        if base == .null {
            let absent = requestValues == nil
            return compiled.contains { value in
                if case .null(let expected?) = value { return expected == absent }
                return false
            }
        }
        guard let requestValues else {
            switch conditionOperator.qualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return conditionOperator.ifExists || base.isNegated
            }
        }
        switch conditionOperator.qualifier {
        case nil:
            // A plain operator on a multivalued key never matches, positive or negated.
            guard requestValues.count == 1, !keyIsMultivalued else { return false }
            return holds(for: requestValues[0], context)
        case .forAllValues:
            return requestValues.allSatisfy { holds(for: $0, context) }
        case .forAnyValue:
            return requestValues.contains { holds(for: $0, context) }
        }
    }

    /// The operator applied to one request value: OR over policy values, NOR for negated operators.
    private func holds(for requestValue: String, _ context: RequestContext) -> Bool {
        let base = conditionOperator.base
        switch base.family {
        case .numeric:
            guard let number = Double(requestValue) else { return false }
            return compare(number, base: base) { value in
                if case .number(let policyNumber) = value { return policyNumber }
                return nil
            }
        case .date:
            guard let instant = PolicyDate.epochSeconds(requestValue) else { return false }
            return compare(instant, base: base) { value in
                if case .date(let policyInstant) = value { return policyInstant }
                return nil
            }
        case .ipAddress:
            guard IPAddressRange.parseAddress(Substring(requestValue)) != nil else { return false }
        default:
            break
        }
        let positive = compiled.contains { matchesPositively($0, requestValue, context) }
        return base.isNegated ? !positive : positive
    }

    private func compare(_ requestNumber: Double, base: ConditionOperator.Base, _ extract: (CompiledValue) -> Double?)
        -> Bool
    {
        switch base {
        case .numericNotEquals, .dateNotEquals:
            return compiled.allSatisfy { value in
                guard let policyNumber = extract(value) else { return false }
                return requestNumber != policyNumber
            }
        default:
            return compiled.contains { value in
                guard let policyNumber = extract(value) else { return false }
                switch base {
                case .numericEquals, .dateEquals: return requestNumber == policyNumber
                case .numericLessThan, .dateLessThan: return requestNumber < policyNumber
                case .numericLessThanEquals, .dateLessThanEquals: return requestNumber <= policyNumber
                case .numericGreaterThan, .dateGreaterThan: return requestNumber > policyNumber
                case .numericGreaterThanEquals, .dateGreaterThanEquals: return requestNumber >= policyNumber
                default: return false
                }
            }
        }
    }

    /// The positive form of the base operator for one policy value and one request value.
    private func matchesPositively(_ value: CompiledValue, _ requestValue: String, _ context: RequestContext) -> Bool {
        switch value {
        case .string(let template):
            guard let text = template.resolvedText(context) else { return false }
            return text == requestValue
        case .stringIgnoringCase(let template, let lowered):
            guard let text = lowered ?? template.resolvedText(context)?.lowercased() else { return false }
            return text == requestValue.lowercased()
        case .like(let template, let pattern):
            guard let pattern = pattern ?? template.resolvedPattern(context) else { return false }
            return pattern.matches(requestValue)
        case .boolean(let expected):
            return expected == requestValue.lowercased()
        case .binary(let expected):
            guard let expected else { return false }
            return (Base64.decode(requestValue) ?? Array(requestValue.utf8)) == expected
        case .ipAddress(let range):
            guard let range else { return false }
            return range.contains(requestValue)
        case .arn(let template, let patterns):
            let resolved: [WildcardPattern]?
            if let patterns {
                resolved = patterns
            } else if template.hasVariables {
                resolved = ConditionClause.resolvedARNPatterns(template, context)
            } else {
                resolved = nil
            }
            guard let resolved, let parts = ConditionClause.splitARN(requestValue), parts[0] == "arn" else {
                return false
            }
            for index in 0..<6 where !resolved[index].matches(String(parts[index])) { return false }
            return true
        case .number, .date, .null:
            return false
        }
    }

    /// ARN component patterns with variables substituted (values are literal text).
    private static func resolvedARNPatterns(_ template: PolicyTemplate, _ context: RequestContext) -> [WildcardPattern]? {
        // Substitute with escapes so the component split sees the final text, then compile each part.
        var components: [[WildcardPattern.Token]] = [[]]
        for part in template.parts {
            switch part {
            case .text(let text):
                var pieces = text.split(separator: ":", omittingEmptySubsequences: false)
                let first = pieces.removeFirst()
                components[components.count - 1] += WildcardPattern.tokens(of: String(first), caseInsensitive: false)
                for piece in pieces {
                    if components.count < 6 {
                        components.append(WildcardPattern.tokens(of: String(piece), caseInsensitive: false))
                    } else {
                        components[5] += [.literal(Array(":".utf8))]
                            + WildcardPattern.tokens(of: String(piece), caseInsensitive: false)
                    }
                }
            case .literal(let text):
                components[components.count - 1].append(.literal(Array(text.utf8)))
            case .variable(let key, let defaultValue):
                guard let value = context.singleValue(forLowercasedKey: key) ?? defaultValue else { return nil }
                if !value.isEmpty { components[components.count - 1].append(.literal(Array(value.utf8))) }
            }
        }
        guard components.count == 6 else { return nil }
        return components.map { WildcardPattern(tokens: $0, caseInsensitive: false) }
    }
}
