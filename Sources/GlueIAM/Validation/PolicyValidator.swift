import GlueCore

/// `validate-policy`: checks a policy document the way IAM Access Analyzer (and parliament) do,
/// reporting findings with Access Analyzer's shape and the JSON path and span of each problem.
///
/// Checks: JSON syntax, Version, unknown elements, Effect, element combinations, missing
/// Action/Resource/Principal, Principal where the policy type forbids it, NotPrincipal with Allow,
/// wildcards in principals, duplicate Sids, malformed ARNs (prefix, partition, missing fields, S3
/// region/account), unknown services and actions of S3/Glue/IAM/STS/KMS/Logs, resources an action
/// cannot take, condition operators, condition key names and types, value types, variables, set
/// operators, and `Allow` of `*` on `*`.
public enum PolicyValidator {
    /// Access Analyzer's policy types.
    public enum PolicyType: String, Sendable, CaseIterable {
        /// Policies attached to users and roles.
        case identityPolicy = "IDENTITY_POLICY"
        /// Bucket policies, trust policies, key policies, catalog policies.
        case resourcePolicy = "RESOURCE_POLICY"
        /// Organizations service control policies.
        case serviceControlPolicy = "SERVICE_CONTROL_POLICY"
        /// Organizations resource control policies.
        case resourceControlPolicy = "RESOURCE_CONTROL_POLICY"
    }

    /// `--validate-policy-resource-type` value of a role trust policy.
    public static let trustPolicyResourceType = "AWS::IAM::AssumeRolePolicyDocument"

    /// Validates a policy document. Mirrors Access Analyzer `ValidatePolicy`.
    ///
    /// - Parameters:
    ///   - policyDocument: the JSON text.
    ///   - policyType: the kind of policy.
    ///   - resourceType: `AWS::IAM::AssumeRolePolicyDocument` for a role trust policy, `AWS::S3::Bucket`, ...
    /// - Returns: the findings, in document order.
    public static func validatePolicy(
        policyDocument: String, policyType: PolicyType, resourceType: String? = nil
    ) -> [ValidationFinding] {
        var checker = PolicyChecker(text: policyDocument, policyType: policyType, resourceType: resourceType)
        checker.run()
        return checker.findings
    }
}

/// The walk behind ``PolicyValidator``.
struct PolicyChecker {
    let text: String
    let policyType: PolicyValidator.PolicyType
    let isTrustPolicy: Bool
    var spans: [JSONPath: JSONSpan] = [:]
    var findings: [ValidationFinding] = []
    var variablesEnabled = true
    var sids: Set<String> = []

    init(text: String, policyType: PolicyValidator.PolicyType, resourceType: String?) {
        self.text = text
        self.policyType = policyType
        isTrustPolicy = resourceType == PolicyValidator.trustPolicyResourceType
    }

    // MARK: - Reporting

    private static let link = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"

    mutating func report(
        _ type: ValidationFinding.FindingType, _ code: String, _ details: String, at path: JSONPath
    ) {
        let anchorType: String
        switch type {
        case .error: anchorType = "error"
        case .securityWarning: anchorType = "security-warning"
        case .warning: anchorType = "general-warning"
        case .suggestion: anchorType = "suggestion"
        }
        let slug = code.lowercased().replacingUnderscores()
        let span = spans[path] ?? nearestSpan(path)
        let location = ValidationFinding.Location(
            path: path.components.map { component in
                switch component {
                case .index(let index): return .index(index)
                case .key(let key): return .value(key)
                }
            },
            start: position(span?.start), end: position(span?.end))
        findings.append(
            ValidationFinding(
                findingType: type, issueCode: code, findingDetails: details,
                learnMoreLink: "\(PolicyChecker.link)#access-analyzer-reference-policy-checks-\(anchorType)-\(slug)",
                locations: [location]))
    }

    private func nearestSpan(_ path: JSONPath) -> JSONSpan? {
        var components = path.components
        while !components.isEmpty {
            components.removeLast()
            if let span = spans[JSONPath(components: components)] { return span }
        }
        return nil
    }

    private func position(_ position: JSONPosition?) -> ValidationFinding.Position {
        guard let position else { return ValidationFinding.Position(line: 1, column: 0, offset: 0) }
        return ValidationFinding.Position(line: position.line, column: position.column - 1, offset: position.byteOffset)
    }

    // MARK: - Document

    mutating func run() {
        let parsed: JSONParser.Result
        do {
            parsed = try JSONParser.parse(Array(text.utf8), options: .init(recordSpans: true))
        } catch {
            let syntax = error.cause as? JSONSyntaxError
            let at = syntax?.position ?? JSONPosition(line: 1, column: 1, byteOffset: 0)
            spans[.root] = JSONSpan(start: at, end: at)
            report(.error, "JSON_SYNTAX_ERROR", "Fix the JSON syntax error: \(syntax?.reason ?? error.message).", at: .root)
            return
        }
        spans = parsed.spans
        guard case .object(let members) = parsed.value else {
            report(.error, "JSON_SYNTAX_ERROR", "A policy document must be a JSON object.", at: .root)
            return
        }
        let version = parsed.value["Version"]
        switch version {
        case nil:
            variablesEnabled = false
            report(
                .warning, "MISSING_VERSION",
                "We recommend that you specify the Version element to help you with debugging permission issues.",
                at: .root)
        case .string("2012-10-17")?:
            break
        case .string("2008-10-17")?:
            variablesEnabled = false
            report(
                .warning, "OLD_VERSION",
                "The policy uses Version 2008-10-17, which does not support policy variables. Use 2012-10-17.",
                at: JSONPath.root.appending(key: "Version"))
        default:
            variablesEnabled = false
            report(
                .error, "INVALID_VERSION", "The policy version is not valid. Use one of the following versions: 2012-10-17, 2008-10-17.",
                at: JSONPath.root.appending(key: "Version"))
        }
        for member in members where !["Version", "Id", "Statement"].contains(member.key) {
            report(
                .error, "INVALID_POLICY_ELEMENT", "The policy element \(member.key) is not valid.",
                at: JSONPath.root.appending(key: member.key))
        }
        let statementsPath = JSONPath.root.appending(key: "Statement")
        switch parsed.value["Statement"] {
        case nil:
            report(.error, "MISSING_STATEMENT", "Add a statement to the policy.", at: .root)
        case .object?:
            checkStatement(parsed.value["Statement"] ?? .null, path: statementsPath)
        case .array(let statements)?:
            for (index, statement) in statements.enumerated() {
                checkStatement(statement, path: statementsPath.appending(index: index))
            }
        default:
            report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (Statement must be an object or an array).", at: statementsPath)
        }
    }

    // MARK: - Statement

    mutating func checkStatement(_ statement: JSONValue, path: JSONPath) {
        guard case .object(let members) = statement else {
            report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (a statement must be an object).", at: path)
            return
        }
        let known: Set<String> = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"]
        for member in members where !known.contains(member.key) {
            report(.error, "INVALID_POLICY_ELEMENT", "The policy element \(member.key) is not valid.", at: path.appending(key: member.key))
        }
        if let sid = statement["Sid"] {
            if let text = sid.stringValue {
                if !text.isEmpty, !sids.insert(text).inserted {
                    report(.error, "UNIQUE_SIDS_REQUIRED", "Duplicate statement IDs are not supported for this policy type. Update the Sid value.", at: path.appending(key: "Sid"))
                }
                if policyType != .resourcePolicy, !text.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric }) {
                    report(.error, "UNSUPPORTED_SID", "Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]", at: path.appending(key: "Sid"))
                }
            } else {
                report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (Sid must be a string).", at: path.appending(key: "Sid"))
            }
        }
        // Effect
        var effect: PolicyEffect?
        switch statement["Effect"] {
        case nil:
            report(.error, "MISSING_EFFECT", "Add an Effect element to the policy statement with a value of Allow or Deny.", at: path)
        case let value?:
            if let text = value.stringValue, let parsed = PolicyEffect(rawValue: text) {
                effect = parsed
            } else {
                report(.error, "INVALID_EFFECT", "The Effect element value is not valid. Update the Effect to Allow or Deny.", at: path.appending(key: "Effect"))
            }
        }
        // Element combinations and required elements
        for (first, second) in [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")]
        where statement[first] != nil && statement[second] != nil {
            report(.error, "UNSUPPORTED_ELEMENT_COMBINATION", "The policy elements \(first) and \(second) can not be used in the same statement. Remove one of these elements.", at: path.appending(key: second))
        }
        if statement["Action"] == nil && statement["NotAction"] == nil {
            report(.error, "MISSING_ACTION", "Add an Action or NotAction element to the policy statement.", at: path)
        }
        let hasResource = statement["Resource"] != nil || statement["NotResource"] != nil
        if isTrustPolicy {
            for name in ["Resource", "NotResource"] where statement[name] != nil {
                report(.error, "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE", "Role trust policies apply to the role they are attached to. You can not specify a resource. Remove the \(name) element.", at: path.appending(key: name))
            }
        } else if !hasResource && policyType != .resourcePolicy {
            report(.error, "MISSING_RESOURCE", "Add a Resource or NotResource element to the policy statement.", at: path)
        }
        // Principals
        let hasPrincipal = statement["Principal"] != nil || statement["NotPrincipal"] != nil
        if hasPrincipal && policyType != .resourcePolicy {
            let name = statement["Principal"] != nil ? "Principal" : "NotPrincipal"
            if policyType == .serviceControlPolicy {
                report(.error, "SCP_SYNTAX_ERROR_PRINCIPAL", "SCPs do not support specifying principals. Remove the Principal or NotPrincipal element.", at: path.appending(key: name))
            } else {
                report(.error, "UNSUPPORTED_PRINCIPAL", "The policy type does not support the Principal element. Remove the Principal element.", at: path.appending(key: name))
            }
        }
        if !hasPrincipal && policyType == .resourcePolicy {
            report(.error, "MISSING_PRINCIPAL", "Add a Principal element to the policy statement.", at: path)
        }
        if statement["NotPrincipal"] != nil && effect == .allow {
            report(.securityWarning, "ALLOW_WITH_NOT_PRINCIPAL", "Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead.", at: path.appending(key: "NotPrincipal"))
        }
        if isTrustPolicy && statement["NotPrincipal"] != nil {
            report(.error, "UNSUPPORTED_ELEMENT_COMBINATION", "Role trust policies do not support NotPrincipal. Use Principal instead.", at: path.appending(key: "NotPrincipal"))
        }
        for name in ["Principal", "NotPrincipal"] {
            if let value = statement[name] { checkPrincipal(value, path: path.appending(key: name)) }
        }
        // Actions
        let actionName = statement["Action"] != nil ? "Action" : "NotAction"
        var actions: [(service: ActionTables.Service, matched: [ActionTables.Action], text: String)] = []
        var actionTexts: [String] = []
        if let value = statement[actionName] {
            for (text, itemPath) in strings(value, path: path.appending(key: actionName), element: actionName) {
                actionTexts.append(text)
                if let resolved = checkAction(text, path: itemPath) { actions.append(resolved) }
            }
        }
        // Resources
        let resourceName = statement["Resource"] != nil ? "Resource" : "NotResource"
        var resourceTexts: [String] = []
        if let value = statement[resourceName] {
            for (text, itemPath) in strings(value, path: path.appending(key: resourceName), element: resourceName) {
                resourceTexts.append(text)
                checkResourceARN(text, path: itemPath)
            }
        }
        if actionName == "Action", resourceName == "Resource", !resourceTexts.isEmpty {
            checkResourceTypes(actions, resources: resourceTexts, path: path.appending(key: "Resource"))
        }
        if effect == .allow, actionName == "Action", resourceName == "Resource", actionTexts.contains("*"),
            resourceTexts.contains("*"), statement["Condition"] == nil
        {
            report(.securityWarning, "ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES", "The statement allows every action on every resource (\"Action\": \"*\" with \"Resource\": \"*\"). Grant only the actions and resources the principal needs.", at: path.appending(key: "Action"))
        }
        // Conditions
        if let condition = statement["Condition"] {
            checkCondition(condition, path: path.appending(key: "Condition"), actions: actions.flatMap { action in action.matched.map { (action.service, $0) } }, effect: effect)
        }
    }

    /// The strings of a string-or-array element, with their paths; reports other types.
    mutating func strings(_ value: JSONValue, path: JSONPath, element: String) -> [(String, JSONPath)] {
        switch value {
        case .string(let text): return [(text, path)]
        case .array(let items):
            var out: [(String, JSONPath)] = []
            for (index, item) in items.enumerated() {
                if let text = item.stringValue {
                    out.append((text, path.appending(index: index)))
                } else {
                    report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (\(element) values are strings).", at: path.appending(index: index))
                }
            }
            return out
        default:
            report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (\(element) is a string or an array of strings).", at: path)
            return []
        }
    }

    // MARK: - Principal

    mutating func checkPrincipal(_ value: JSONValue, path: JSONPath) {
        switch value {
        case .string(let text):
            if text != "*" {
                report(.error, "INVALID_PRINCIPAL_FORMAT", "The Principal element value format is not valid. Use {\"AWS\": \"...\"}, {\"Service\": \"...\"} or \"*\".", at: path)
            }
        case .object(let members):
            for member in members {
                let memberPath = path.appending(key: member.key)
                guard ["AWS", "Service", "Federated", "CanonicalUser"].contains(member.key) else {
                    report(.error, "INVALID_PRINCIPAL_KEY", "The principal key \(member.key) is not valid.", at: memberPath)
                    continue
                }
                for (text, itemPath) in strings(member.value, path: memberPath, element: "Principal") where text != "*" {
                    if text.contains("*") || text.contains("?") {
                        report(.error, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL", "Wildcards (*, ?) are not supported with the principal key. Replace the wildcard with a valid principal value.", at: itemPath)
                    } else if member.key == "AWS", !(text.utf8.count == 12 && text.allSatisfy(\.isNumber)), ARNParts(text) == nil {
                        report(.error, "INVALID_PRINCIPAL_FORMAT", "The principal \(text) is neither an account ID nor an ARN.", at: itemPath)
                    }
                }
            }
        default:
            report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (Principal is \"*\" or an object).", at: path)
        }
    }

    // MARK: - Action

    mutating func checkAction(_ text: String, path: JSONPath) -> (service: ActionTables.Service, matched: [ActionTables.Action], text: String)? {
        if text == "*" { return nil }
        guard let colon = text.firstIndex(of: ":") else {
            report(.error, "INVALID_ACTION", "The action \(text) does not exist. Write actions as service:action.", at: path)
            return nil
        }
        let prefix = String(text[..<colon]).lowercased()
        let name = String(text[text.index(after: colon)...])
        if prefix.contains("*") || prefix.contains("?") {
            report(.error, "WILDCARD_IN_SERVICE_NAME", "Avoid using wildcards (*, ?) in the service name of the action \(text); the service prefix is matched literally.", at: path)
            return nil
        }
        guard let service = ActionTables.shared.services[prefix] else { return nil }
        let matched = ActionTables.shared.actions(of: service, matching: name)
        if matched.isEmpty {
            let suggestion = closestAction(name, in: service).map { " Did you mean \(prefix):\($0)?" } ?? ""
            report(.error, "INVALID_ACTION", "The action \(text) does not exist.\(suggestion)", at: path)
            return nil
        }
        return (service, matched, text)
    }

    private func closestAction(_ name: String, in service: ActionTables.Service) -> String? {
        let target = Array(name.lowercased().utf8)
        var best: (String, Int)?
        for action in service.actions.values {
            let distance = PolicyChecker.editDistance(target, Array(action.name.lowercased().utf8))
            if distance <= max(2, target.count / 4), best.map({ distance < $0.1 || (distance == $0.1 && action.name < $0.0) }) ?? true {
                best = (action.name, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: - Resource

    mutating func checkResourceARN(_ text: String, path: JSONPath) {
        if text == "*" { return }
        guard text.hasPrefix("arn:") else {
            report(.error, "INVALID_ARN_PREFIX", "Add the required prefix (arn) to the resource ARN.", at: path)
            return
        }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else {
            report(.error, "MISSING_ARN_FIELD", "The resource ARN \(text) has \(fields.count) of the 6 fields an ARN needs (arn:partition:service:region:account:resource); it matches no resource. Add the missing field.", at: path)
            return
        }
        let partition = fields[1]
        let service = fields[2]
        let region = fields[3]
        let account = fields[4]
        if !["aws", "aws-cn", "aws-us-gov", "*", "${aws:partition}"].contains(partition.lowercased()) {
            report(.error, "INVALID_PARTITION", "The resource ARN for the service \(service) does not have a valid partition. Use aws, aws-cn or aws-us-gov.", at: path)
        }
        if service != service.lowercased() {
            report(.error, "INVALID_ARN_SERVICE_CASE", "Update the service name in the resource ARN to use all lowercase letters.", at: path)
        }
        let lowerService = service.lowercased()
        if lowerService == "s3" || lowerService == "iam" {
            if !region.isEmpty && region != "*" {
                report(.error, "ARN_REGION_NOT_ALLOWED", "The service \(lowerService) does not support specifying a Region in the resource ARN.", at: path)
            }
        }
        if lowerService == "s3" {
            if !account.isEmpty && account != "*" && !fields[5].hasPrefix("accesspoint") && !fields[5].hasPrefix("job") && !fields[5].hasPrefix("storage-lens") {
                report(.error, "ARN_ACCOUNT_NOT_ALLOWED", "The service s3 does not support specifying an account ID in the resource ARN.", at: path)
            }
        }
        if !account.isEmpty, !account.contains("*"), !account.contains("?"), !account.contains("${"), account != "aws",
            !(account.utf8.count == 12 && account.allSatisfy(\.isNumber))
        {
            report(.error, "INVALID_ARN_ACCOUNT", "The resource ARN account ID is not valid. Provide a 12-digit account ID.", at: path)
        }
        if text.contains("${") {
            if !variablesEnabled {
                report(.error, "VARIABLE_UNSUPPORTED_IN_VERSION", "Policy variables are only supported with Version 2012-10-17; here ${...} is literal text.", at: path)
            }
            checkVariableSyntax(text, path: path)
        }
    }

    /// Reports actions for which no Resource entry can name a resource of a type the action takes.
    mutating func checkResourceTypes(
        _ actions: [(service: ActionTables.Service, matched: [ActionTables.Action], text: String)], resources: [String],
        path: JSONPath
    ) {
        if resources.contains("*") { return }
        // Malformed ARNs are reported on their own; they take part in no overlap.
        let wellFormed = resources.filter { $0.hasPrefix("arn:") && $0.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).count == 6 }
        if wellFormed.isEmpty { return }
        let resourceTokens = wellFormed.map { PatternOverlap.policyTokens($0) }
        for (service, matched, text) in actions {
            var mismatched: [String] = []
            for action in matched {
                let types = action.resourceTypes.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
                let formats = types.compactMap { service.resourceFormats[$0] }.map { PatternOverlap.formatTokens($0) }
                let fits: Bool
                if formats.isEmpty {
                    fits = false  // account-level action: only "*" names its resource
                } else {
                    fits = resourceTokens.contains { resource in formats.contains { PatternOverlap.overlaps(resource, $0) } }
                }
                if !fits { mismatched.append("\(service.prefix):\(action.name)") }
            }
            guard !mismatched.isEmpty else { continue }
            let shown = mismatched.prefix(5).joined(separator: ", ") + (mismatched.count > 5 ? ", ..." : "")
            let types = Set(matched.filter { mismatched.contains("\(service.prefix):\($0.name)") }.flatMap(\.resourceTypes))
                .map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }.sorted()
            let expected = types.isEmpty ? "\"*\" (an account-level action)" : types.joined(separator: " or ") + " ARNs"
            report(.warning, "RESOURCE_MISMATCH", "No Resource of this statement can name a resource that \(shown) acts on (\(text) expects \(expected)); for those actions the statement grants nothing.", at: path)
        }
    }

    // MARK: - Condition

    mutating func checkCondition(
        _ value: JSONValue, path: JSONPath, actions: [(ActionTables.Service, ActionTables.Action)], effect: PolicyEffect?
    ) {
        guard case .object(let operators) = value else {
            report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (Condition is an object).", at: path)
            return
        }
        for operatorMember in operators {
            let operatorPath = path.appending(key: operatorMember.key)
            guard let conditionOperator = ConditionOperator(name: operatorMember.key) else {
                if operatorMember.key.hasPrefix("Null") && operatorMember.key.hasSuffix("IfExists") {
                    report(.error, "NULL_WITH_IF_EXISTS", "The Null condition operator cannot be used with the IfExists suffix. Update the operator or the suffix.", at: operatorPath)
                } else {
                    report(.error, "INVALID_CONDITION_OPERATOR", "The condition operator \(operatorMember.key) is not valid. Use a valid condition operator.", at: operatorPath)
                }
                continue
            }
            guard case .object(let keys) = operatorMember.value else {
                report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (an operator maps to an object of keys).", at: operatorPath)
                continue
            }
            var seenKeys: [String: String] = [:]
            for keyMember in keys {
                let keyPath = operatorPath.appending(key: keyMember.key)
                let lowered = keyMember.key.lowercased()
                if let previous = seenKeys[lowered], previous != keyMember.key {
                    report(.error, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE", "The condition key appears more than once with different capitalization in the same condition block. Remove the duplicate condition keys.", at: keyPath)
                }
                seenKeys[lowered] = keyMember.key
                checkConditionKey(keyMember.key, value: keyMember.value, conditionOperator: conditionOperator, path: keyPath, actions: actions, effect: effect)
            }
        }
    }

    mutating func checkConditionKey(
        _ key: String, value: JSONValue, conditionOperator: ConditionOperator, path: JSONPath,
        actions: [(ActionTables.Service, ActionTables.Action)], effect: PolicyEffect?
    ) {
        let lowered = key.lowercased()
        guard let colon = lowered.firstIndex(of: ":"), colon != lowered.startIndex, lowered.index(after: colon) != lowered.endIndex else {
            report(.error, "INVALID_CONDITION_KEY_FORMAT", "The condition key format is not valid. Use the format service:keyname.", at: path)
            return
        }
        let prefix = String(lowered[..<colon])
        var keyType: String?
        if prefix == "aws" {
            keyType = ActionTables.globalKeyType(lowered)
            if keyType == nil {
                report(.error, "INVALID_GLOBAL_CONDITION_KEY", "The condition key \(key) does not exist. Use a valid condition key.", at: path)
            }
        } else if let service = ActionTables.shared.services[prefix] {
            keyType = service.conditionKeyType(lowered)
            if keyType == nil {
                report(.error, "INVALID_SERVICE_CONDITION_KEY", "The condition key \(key) does not exist in the service \(prefix). Use a valid condition key.", at: path)
            } else {
                let sameService = actions.filter { $0.0.prefix == prefix }
                if !sameService.isEmpty, !sameService.contains(where: { $0.1.conditionKeys.contains(lowered) || $0.1.conditionKeys.contains(where: { pattern in pattern.contains("$") && lowered.hasPrefix(String(pattern.prefix(while: { $0 != "$" }))) }) }) {
                    let names = sameService.prefix(3).map { "\(prefix):\($0.1.name)" }.joined(separator: ", ")
                    report(.warning, "IRRELEVANT_CONDITION_KEY", "The condition key \(key) is never present in requests for \(names)\(sameService.count > 3 ? ", ..." : ""): the condition never holds for them.", at: path)
                }
            }
        }
        // Values
        var values: [(String, JSONPath)] = []
        switch value {
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let text = item.scalarText {
                    values.append((text, path.appending(index: index)))
                } else {
                    report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (condition values are strings, numbers or Booleans).", at: path.appending(index: index))
                }
            }
        default:
            if let text = value.scalarText {
                values.append((text, path))
            } else {
                report(.error, "DATA_TYPE_MISMATCH", "The text does not match the expected JSON data type (condition values are strings, numbers or Booleans).", at: path)
            }
        }
        let base = conditionOperator.base
        // Operator family against the key's type.
        if let keyType {
            let family = base.family
            let scalarType = keyType.hasPrefix("ArrayOf") ? String(keyType.dropFirst("ArrayOf".count)) : keyType
            let compatible: Bool
            switch family {
            case .string: compatible = ["String", "ARN", "Arn"].contains(scalarType)
            case .arn: compatible = ["ARN", "Arn"].contains(scalarType)
            case .numeric: compatible = ["Numeric", "Long", "Integer"].contains(scalarType) || lowered == "aws:epochtime"
            case .date: compatible = scalarType == "Date"
            case .boolean: compatible = scalarType == "Bool" || scalarType == "Boolean"
            case .binary: compatible = scalarType == "Binary"
            case .ipAddress: compatible = scalarType == "IPAddress"
            case .null: compatible = true
            }
            if !compatible {
                report(.warning, "TYPE_MISMATCH", "The condition operator \(conditionOperator) (\(family.rawValue)) does not match the type \(keyType) of the condition key \(key).", at: path)
            }
            let multivalued = keyType.hasPrefix("ArrayOf") || ConditionKeys.multivalued.contains(lowered)
            if multivalued, conditionOperator.qualifier == nil, base != .null {
                report(.securityWarning, "MISSING_QUALIFIER", "The condition key \(key) has several values per request: use ForAllValues: or ForAnyValue: with \(conditionOperator); a plain operator never matches it.", at: path)
            }
            if !multivalued, conditionOperator.qualifier == .forAllValues {
                report(.securityWarning, "FORALLVALUES_WITH_SINGLE_VALUED_KEY", "Using ForAllValues qualifier with the single-valued condition key \(key) can be overly permissive (it holds when the key is absent). We recommend that you remove ForAllValues:.", at: path)
            }
        }
        for (text, valuePath) in values {
            let hasVariable = text.contains("${")
            if hasVariable {
                if !base.acceptsVariables {
                    report(.error, "INVALID_VARIABLE_FOR_OPERATOR", "Policy variables can only be used with String and ARN operators; \(conditionOperator) compares \(text) literally.", at: valuePath)
                } else if !variablesEnabled {
                    report(.error, "VARIABLE_UNSUPPORTED_IN_VERSION", "Policy variables are only supported with Version 2012-10-17; here \(text) is literal text.", at: valuePath)
                }
                checkVariableSyntax(text, path: valuePath)
                continue
            }
            switch base.family {
            case .numeric where Double(text) == nil:
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not a number: \(conditionOperator) never matches it.", at: valuePath)
            case .date where PolicyDate.epochSeconds(text) == nil:
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not an ISO 8601 date or epoch time: \(conditionOperator) never matches it.", at: valuePath)
            case .boolean where !["true", "false"].contains(text.lowercased()):
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not true or false.", at: valuePath)
            case .ipAddress where IPAddressRange(text) == nil:
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not an IPv4 or IPv6 address or CIDR block.", at: valuePath)
            case .binary where Base64.decode(text) == nil:
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not base64.", at: valuePath)
            case .null where !["true", "false"].contains(text.lowercased()):
                report(.warning, "TYPE_MISMATCH", "The Null operator takes true or false, not \(text).", at: valuePath)
            case .arn where text != "*" && ConditionClause.splitARN(text) == nil:
                report(.warning, "TYPE_MISMATCH", "The value \(text) is not an ARN of six fields: \(conditionOperator) never matches it.", at: valuePath)
            case .string where (base == .stringEquals || base == .stringNotEquals || base == .stringEqualsIgnoreCase || base == .stringNotEqualsIgnoreCase) && (text.contains("*") || text.contains("?")):
                report(.warning, "WILDCARD_WITHOUT_LIKE_OPERATOR", "The value \(text) contains a wildcard, but \(conditionOperator) compares it literally. Use StringLike (or StringNotLike) for wildcards.", at: valuePath)
            default:
                break
            }
        }
    }

    /// Reports `${` without `}` and empty variables.
    mutating func checkVariableSyntax(_ text: String, path: JSONPath) {
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                report(.error, "MISSING_BRACE_IN_VARIABLE", "The policy variable is missing a closing curly brace. Add } after the variable text.", at: path)
                return
            }
            if rest[open.upperBound..<close].trimmingSpaces().isEmpty {
                report(.error, "EMPTY_VARIABLE", "The policy variable ${} is empty. Add a condition key name between the braces.", at: path)
            }
            rest = rest[rest.index(after: close)...]
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIAlphanumeric: Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
}
