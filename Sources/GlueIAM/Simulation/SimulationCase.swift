import GlueCore

/// One case of the `simulate-cases` format (CLI.md): policies by kind, a request, an expected
/// decision.
///
/// ```json
/// {"id": "core-001",
///  "policies": {"identity": [POLICY...], "resource": [POLICY...], "boundary": POLICY,
///               "session": POLICY or [POLICY], "scp": [POLICY...]},
///  "request": {"principal": "arn:aws:iam::111122223333:role/R", "action": "s3:GetObject",
///              "resource": "arn:aws:s3:::b/k", "context": {"aws:SourceIp": "10.0.0.1"},
///              "resourceAccount": "444455556666"},
///  "expect": "allow"}
/// ```
/// A POLICY is a policy document object (or a string holding one). A `principal` that is not an
/// ARN (`glue.amazonaws.com`) is a service principal.
public struct SimulationCase: Sendable {
    /// The case's identifier.
    public var id: String
    /// The policies, compiled.
    public var policies: PolicySet
    /// The request to decide.
    public var request: AuthorizationRequest
    /// The expected decision, when given.
    public var expected: EvaluationDecision?

    /// Creates a case.
    public init(id: String, policies: PolicySet, request: AuthorizationRequest, expected: EvaluationDecision?) {
        self.id = id
        self.policies = policies
        self.request = request
        self.expected = expected
    }

    /// Reads a case from its JSON value; `path` locates it in its file for error messages.
    ///
    /// - Throws: `MalformedPolicyDocument` for a bad policy, `InvalidInputException` for a bad case.
    public init(json value: JSONValue, path: JSONPath = .root) throws(GlueError) {
        guard case .object = value else { throw SimulationCase.invalid("a case must be an object", path) }
        guard let id = value["id"]?.scalarText else { throw SimulationCase.invalid("a case needs a string \"id\"", path) }
        self.id = id
        guard let policiesValue = value["policies"], case .object(let members) = policiesValue else {
            throw SimulationCase.invalid("case \(id): \"policies\" must be an object", path.appending(key: "policies"))
        }
        var policies = PolicySet()
        for member in members {
            let memberPath = path.appending(key: "policies").appending(key: member.key)
            let documents = try SimulationCase.documents(member.value, kind: member.key, caseID: id, path: memberPath)
            switch member.key {
            case "identity": policies.identityPolicies = documents
            case "resource": policies.resourcePolicy = try SimulationCase.merged(documents, caseID: id, path: memberPath)
            case "boundary": policies.permissionsBoundary = try SimulationCase.merged(documents, caseID: id, path: memberPath)
            case "session": policies.sessionPolicies = documents
            case "scp": policies.serviceControlPolicies = documents
            default:
                throw SimulationCase.invalid("case \(id): unknown policy kind \"\(member.key)\"", memberPath)
            }
        }
        self.policies = policies
        let requestPath = path.appending(key: "request")
        guard let requestValue = value["request"], case .object = requestValue else {
            throw SimulationCase.invalid("case \(id): \"request\" must be an object", requestPath)
        }
        guard let principalText = requestValue["principal"]?.stringValue,
            let action = requestValue["action"]?.stringValue, let resource = requestValue["resource"]?.stringValue
        else {
            throw SimulationCase.invalid("case \(id): the request needs string principal, action and resource", requestPath)
        }
        var context: [String: [String]] = [:]
        if let contextValue = requestValue["context"] {
            guard case .object(let entries) = contextValue else {
                throw SimulationCase.invalid("case \(id): \"context\" must be an object", requestPath.appending(key: "context"))
            }
            for entry in entries {
                switch entry.value {
                case .array(let items):
                    var values: [String] = []
                    for item in items {
                        guard let text = item.scalarText else {
                            throw SimulationCase.invalid(
                                "case \(id): context values must be strings, numbers or Booleans",
                                requestPath.appending(key: "context").appending(key: entry.key))
                        }
                        values.append(text)
                    }
                    context[entry.key, default: []] += values
                default:
                    guard let text = entry.value.scalarText else {
                        throw SimulationCase.invalid(
                            "case \(id): context values must be strings, numbers or Booleans",
                            requestPath.appending(key: "context").appending(key: entry.key))
                    }
                    context[entry.key, default: []].append(text)
                }
            }
        }
        let resourceAccount = requestValue["resourceAccount"]?.scalarText
        if let principal = ARN(principalText) {
            request = AuthorizationRequest(
                principal: principal, action: action, resource: resource, context: context,
                resourceAccount: resourceAccount)
        } else {
            request = AuthorizationRequest(
                servicePrincipal: principalText, action: action, resource: resource, context: context,
                resourceAccount: resourceAccount)
        }
        if let expectText = value["expect"]?.stringValue {
            guard let decision = SimulationCase.decision(expectText) else {
                throw SimulationCase.invalid(
                    "case \(id): \"expect\" must be allow, implicit-deny or explicit-deny", path.appending(key: "expect"))
            }
            expected = decision
        } else {
            expected = nil
        }
    }

    /// Reads `allow` / `implicit-deny` / `explicit-deny` (and IAM's `allowed`, `implicitDeny`, `explicitDeny`).
    public static func decision(_ text: String) -> EvaluationDecision? {
        switch text {
        case "allow", "allowed": return .allowed
        case "implicit-deny", "implicitDeny", "deny": return .implicitDeny
        case "explicit-deny", "explicitDeny": return .explicitDeny
        default: return nil
        }
    }

    private static func invalid(_ message: String, _ path: JSONPath) -> GlueError {
        GlueError(.invalidInput, "\(message) (path \(path))")
    }

    private static func documents(_ value: JSONValue, kind: String, caseID: String, path: JSONPath) throws(GlueError)
        -> [PolicyDocument]
    {
        let items: [(JSONValue, JSONPath)]
        if case .array(let elements) = value {
            items = elements.enumerated().map { ($0.element, path.appending(index: $0.offset)) }
        } else {
            items = [(value, path)]
        }
        var out: [PolicyDocument] = []
        for (item, itemPath) in items {
            let text: String
            switch item {
            case .object: text = item.serialized(pretty: true)
            case .string(let json): text = json
            default: throw invalid("case \(caseID): a policy must be an object or a JSON string", itemPath)
            }
            do {
                out.append(try PolicyDocument(json: text, name: "\(kind)[\(out.count)]"))
            } catch {
                throw GlueError(
                    .malformedPolicyDocument, "case \(caseID), policy at \(itemPath): \(error.message)", cause: error)
            }
        }
        return out
    }

    /// One resource policy or boundary from a list: several are merged into one document.
    private static func merged(_ documents: [PolicyDocument], caseID: String, path: JSONPath) throws(GlueError)
        -> PolicyDocument?
    {
        guard documents.count > 1 else { return documents.first }
        var statements: [JSONValue] = []
        for document in documents {
            guard let value = try? JSONValue(parsing: document.json) else { continue }
            switch value["Statement"] {
            case .array(let elements)?: statements += elements
            case let single?: statements.append(single)
            case nil: break
            }
        }
        var members = [JSONMember("Statement", .array(statements))]
        if let version = documents.first?.version { members.insert(JSONMember("Version", .string(version)), at: 0) }
        return try PolicyDocument(json: JSONValue.object(members).serialized(pretty: true), name: documents.first?.name)
    }
}
