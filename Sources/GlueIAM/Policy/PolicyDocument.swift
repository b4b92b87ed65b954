import GlueCore

/// An IAM policy document, parsed strictly and compiled for fast evaluation.
///
/// Accepts `Version` `2012-10-17` (policy variables on) and `2008-10-17` or none (variables are
/// literal text); `Statement` as one object or an array; every element as a single value or an
/// array. Mirrors the documents IAM, S3 bucket policies, role trust policies and KMS key policies
/// store.
///
/// ```swift
/// let policy = try PolicyDocument(json: #"{"Version": "2012-10-17", "Statement": [...]}"#)
/// ```
public struct PolicyDocument: Sendable {
    /// The two versions IAM knows.
    public static let currentVersion = "2012-10-17"
    /// The legacy version (no policy variables).
    public static let legacyVersion = "2008-10-17"

    /// `Version` as written, or `nil` when missing.
    public let version: String?
    /// `Id` as written.
    public let id: String?
    /// The statements in document order.
    public let statements: [PolicyStatement]
    /// The JSON text the document was parsed from.
    public let json: String
    /// A name for reports (the policy's name or ARN, `SourcePolicyId` in simulation results).
    public var name: String?
    /// The statements' compiled matchers, in order (what the evaluator loops over).
    let matchers: [StatementMatcher]

    /// Whether policy variables are substituted (only under `2012-10-17`).
    public var variablesEnabled: Bool { version == PolicyDocument.currentVersion }

    /// Parses and compiles a policy document.
    ///
    /// - Parameters:
    ///   - json: the document's JSON text.
    ///   - name: an optional name used in reports.
    /// - Throws: `MalformedPolicyDocument` naming the line, column and JSON path of the problem, for
    ///   bad JSON, a bad `Version` or `Effect`, unknown elements, wrong value types, unknown condition
    ///   operators, or statements without actions. Malformed ARNs are accepted and match nothing.
    public init(json: String, name: String? = nil) throws(GlueError) {
        let parsed: JSONParser.Result
        do {
            parsed = try JSONParser.parse(Array(json.utf8), options: .init(recordSpans: true))
        } catch {
            let detail = (error.cause as? JSONSyntaxError)?.description ?? error.message
            throw GlueError(.malformedPolicyDocument, "Syntax errors in policy: \(detail)", cause: error.cause)
        }
        var reader = PolicyDocumentReader(spans: parsed.spans)
        let body = try reader.read(parsed.value)
        self.version = body.version
        self.id = body.id
        self.statements = body.statements
        self.matchers = body.statements.map(\.matcher)
        self.json = json
        self.name = name
    }
}

/// Reads a parsed JSON value into policy parts, with positions for every error.
struct PolicyDocumentReader {
    let spans: [JSONPath: JSONSpan]

    init(spans: [JSONPath: JSONSpan]) { self.spans = spans }

    struct Body {
        var version: String?
        var id: String?
        var statements: [PolicyStatement]
    }

    func error(_ message: String, at path: JSONPath) -> GlueError {
        if let span = spans[path] {
            return GlueError(
                .malformedPolicyDocument,
                "\(message) (at line \(span.start.line), column \(span.start.column), path \(path))")
        }
        return GlueError(.malformedPolicyDocument, "\(message) (path \(path))")
    }

    mutating func read(_ value: JSONValue) throws(GlueError) -> Body {
        guard case .object(let members) = value else {
            throw error("Syntax errors in policy: the policy document must be a JSON object", at: .root)
        }
        var body = Body(version: nil, id: nil, statements: [])
        var statementValue: JSONValue?
        for member in members {
            let path = JSONPath.root.appending(key: member.key)
            switch member.key {
            case "Version":
                guard let text = member.value.stringValue else {
                    throw error("Version must be a string", at: path)
                }
                guard text == PolicyDocument.currentVersion || text == PolicyDocument.legacyVersion else {
                    throw error("Invalid Version \"\(text)\": use \"2012-10-17\" (or \"2008-10-17\")", at: path)
                }
                body.version = text
            case "Id":
                guard let text = member.value.stringValue else { throw error("Id must be a string", at: path) }
                body.id = text
            case "Statement":
                statementValue = member.value
            default:
                throw error("Unknown element \"\(member.key)\" in the policy document", at: path)
            }
        }
        guard let statementValue else {
            throw error("Syntax errors in policy: the policy document has no Statement", at: .root)
        }
        let statementsPath = JSONPath.root.appending(key: "Statement")
        let variables = body.version == PolicyDocument.currentVersion
        switch statementValue {
        case .object:
            body.statements = [try readStatement(statementValue, index: 0, path: statementsPath, variables: variables)]
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                body.statements.append(
                    try readStatement(element, index: index, path: statementsPath.appending(index: index), variables: variables))
            }
        default:
            throw error("Statement must be an object or an array of objects", at: statementsPath)
        }
        return body
    }

    private func strings(_ value: JSONValue, element: String, path: JSONPath) throws(GlueError) -> [String] {
        switch value {
        case .string(let text):
            return [text]
        case .array(let elements):
            var out: [String] = []
            for (index, item) in elements.enumerated() {
                guard case .string(let text) = item else {
                    throw error("\(element) values must be strings", at: path.appending(index: index))
                }
                out.append(text)
            }
            return out
        default:
            throw error("\(element) must be a string or an array of strings", at: path)
        }
    }

    private func readStatement(_ value: JSONValue, index: Int, path: JSONPath, variables: Bool) throws(GlueError)
        -> PolicyStatement
    {
        guard case .object(let members) = value else {
            throw error("Each statement must be a JSON object", at: path)
        }
        var sid: String?
        var effect: PolicyEffect?
        var actions: [String]?
        var notActions: [String]?
        var resources: [String]?
        var notResources: [String]?
        var principals: [PolicyPrincipal]?
        var notPrincipals: [PolicyPrincipal]?
        var conditions: [ConditionClause] = []
        for member in members {
            let memberPath = path.appending(key: member.key)
            switch member.key {
            case "Sid":
                guard let text = member.value.stringValue else { throw error("Sid must be a string", at: memberPath) }
                sid = text
            case "Effect":
                guard let text = member.value.stringValue, let parsed = PolicyEffect(rawValue: text) else {
                    throw error(
                        "Invalid effect: \(member.value.scalarText.map { "\"\($0)\"" } ?? member.value.typeName) (Effect must be \"Allow\" or \"Deny\")",
                        at: memberPath)
                }
                effect = parsed
            case "Action":
                actions = try strings(member.value, element: "Action", path: memberPath)
            case "NotAction":
                notActions = try strings(member.value, element: "NotAction", path: memberPath)
            case "Resource":
                resources = try strings(member.value, element: "Resource", path: memberPath)
            case "NotResource":
                notResources = try strings(member.value, element: "NotResource", path: memberPath)
            case "Principal":
                principals = try readPrincipal(member.value, path: memberPath)
            case "NotPrincipal":
                notPrincipals = try readPrincipal(member.value, path: memberPath)
            case "Condition":
                conditions = try readCondition(member.value, path: memberPath, variables: variables)
            default:
                throw error("Unknown element \"\(member.key)\" in a statement", at: memberPath)
            }
        }
        guard let effect else { throw error("Missing required field Effect", at: path) }
        if actions != nil && notActions != nil {
            throw error("A statement cannot have both Action and NotAction", at: path)
        }
        if resources != nil && notResources != nil {
            throw error("A statement cannot have both Resource and NotResource", at: path)
        }
        if principals != nil && notPrincipals != nil {
            throw error("A statement cannot have both Principal and NotPrincipal", at: path)
        }
        guard let actionList = actions ?? notActions else {
            throw error("Policy statement must contain actions.", at: path)
        }
        return PolicyStatement(
            sid: sid, effect: effect, index: index, span: spans[path], isNotAction: notActions != nil,
            actions: actionList, isNotResource: notResources != nil, resources: resources ?? notResources,
            isNotPrincipal: notPrincipals != nil, principals: principals ?? notPrincipals, conditions: conditions,
            variablesEnabled: variables)
    }

    private func readPrincipal(_ value: JSONValue, path: JSONPath) throws(GlueError) -> [PolicyPrincipal] {
        switch value {
        case .string(let text):
            guard text == "*" else {
                throw error("Invalid principal in policy: \"\(text)\" (write {\"AWS\": ...})", at: path)
            }
            return [.anyone]
        case .object(let members):
            var out: [PolicyPrincipal] = []
            for member in members {
                let memberPath = path.appending(key: member.key)
                let values = try strings(member.value, element: "Principal \(member.key)", path: memberPath)
                for text in values {
                    switch member.key {
                    case "AWS": out.append(PolicyPrincipal(aws: text))
                    case "Service": out.append(text == "*" ? .anyone : .service(text))
                    case "Federated": out.append(.federated(text))
                    case "CanonicalUser": out.append(.canonicalUser(text))
                    default:
                        throw error("Invalid principal type \"\(member.key)\" in policy", at: memberPath)
                    }
                }
            }
            return out
        default:
            throw error("Principal must be \"*\" or an object", at: path)
        }
    }

    private func readCondition(_ value: JSONValue, path: JSONPath, variables: Bool) throws(GlueError) -> [ConditionClause] {
        guard case .object(let operators) = value else {
            throw error("Condition must be an object of operators", at: path)
        }
        var clauses: [ConditionClause] = []
        for operatorMember in operators {
            let operatorPath = path.appending(key: operatorMember.key)
            guard let conditionOperator = ConditionOperator(name: operatorMember.key) else {
                throw error("Invalid condition operator \"\(operatorMember.key)\"", at: operatorPath)
            }
            guard case .object(let keys) = operatorMember.value else {
                throw error("A condition operator must map to an object of condition keys", at: operatorPath)
            }
            for keyMember in keys {
                let keyPath = operatorPath.appending(key: keyMember.key)
                var values: [String] = []
                switch keyMember.value {
                case .array(let elements):
                    for (index, element) in elements.enumerated() {
                        guard let text = element.scalarText else {
                            throw error("Condition values must be strings, numbers or Booleans", at: keyPath.appending(index: index))
                        }
                        values.append(text)
                    }
                default:
                    guard let text = keyMember.value.scalarText else {
                        throw error("Condition values must be strings, numbers or Booleans", at: keyPath)
                    }
                    values = [text]
                }
                clauses.append(
                    ConditionClause(
                        conditionOperator: conditionOperator, key: keyMember.key, values: values,
                        variablesEnabled: variables))
            }
        }
        return clauses
    }
}
