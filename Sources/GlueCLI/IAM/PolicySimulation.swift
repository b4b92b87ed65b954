import Foundation
import GlueCore
import GlueIAM

/// What `simulate-custom-policy` and `simulate-principal-policy` share: context entries, the
/// evaluation loop and IAM's `EvaluationResults` shape.
enum PolicySimulation {
    struct Position: Encodable {
        var Line: Int
        var Column: Int
    }

    struct Statement: Encodable {
        var SourcePolicyId: String
        var SourcePolicyType: String
        var StartPosition: Position?
        var EndPosition: Position?
    }

    struct Result: Encodable {
        var EvalActionName: String
        var EvalResourceName: String
        var EvalDecision: String
        var MatchedStatements: [Statement]
        var MissingContextValues: [String]
    }

    struct Output: Encodable {
        var EvaluationResults: [Result]
        var IsTruncated: Bool
    }

    /// One `--context-entries` item: JSON (`{"ContextKeyName": ..., "ContextKeyValues": [...], "ContextKeyType": ...}`)
    /// or shorthand (`ContextKeyName=aws:SourceIp,ContextKeyValues=203.0.113.1,ContextKeyType=ip`).
    static func context(_ entries: [String]) throws -> [String: [String]] {
        var context: [String: [String]] = [:]
        for entry in entries {
            let text = try ParameterInput.text(entry, option: "--context-entries")
            if let value = try? JSONValue(parsing: text) {
                let items = value.arrayValue ?? [value]
                for item in items {
                    guard let key = item["ContextKeyName"]?.stringValue else {
                        throw ParameterError(option: "--context-entries", reason: "Missing required parameter ContextKeyName")
                    }
                    let values = item["ContextKeyValues"]?.arrayValue?.compactMap(\.scalarText) ?? []
                    context[key, default: []] += values
                }
                continue
            }
            var key: String?
            var values: [String] = []
            var currentField = ""
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                if let equals = part.firstIndex(of: "=") {
                    currentField = String(part[..<equals])
                    let value = String(part[part.index(after: equals)...])
                    switch currentField {
                    case "ContextKeyName": key = value
                    case "ContextKeyValues": values.append(value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
                    default: break
                    }
                } else if currentField == "ContextKeyValues" {
                    values.append(part.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
                }
            }
            guard let key else {
                throw ParameterError(option: "--context-entries", reason: "Missing required parameter ContextKeyName in \(text)")
            }
            context[key, default: []] += values
        }
        return context
    }

    /// Reads policy documents given inline or as `file://PATH`, naming them as IAM does.
    static func documents(_ texts: [String], option: String, namePrefix: String) throws -> [PolicyDocument] {
        var out: [PolicyDocument] = []
        for (index, text) in texts.enumerated() {
            out.append(try PolicyDocument(json: try ParameterInput.text(text, option: option), name: "\(namePrefix).\(index + 1)"))
        }
        return out
    }

    /// `SourcePolicyId` and `SourcePolicyType` of a matched statement.
    static func source(_ statement: MatchedStatement) -> (id: String, type: String) {
        let name = statement.policyName ?? "\(statement.policyKind.rawValue)[\(statement.policyIndex)]"
        switch statement.policyKind {
        case .resourceBased, .roleTrust: return (name, "resource")
        case .permissionsBoundary: return (name.split(separator: "/").last.map(String.init) ?? name, "permissions-boundary")
        case .session: return (name, "session")
        case .serviceControl: return (name, "service-control-policy")
        case .identityBased:
            if name.hasPrefix("arn:aws:iam::aws:policy/") { return (name.split(separator: "/").last.map(String.init) ?? name, "aws-managed") }
            if name.hasPrefix("arn:aws:iam::") { return (name.split(separator: "/").last.map(String.init) ?? name, "user-managed") }
            if name.hasPrefix("PolicyInputList.") { return (name, "IAM Policy") }
            if let slash = name.firstIndex(of: "/") { return (String(name[name.index(after: slash)...]), "role") }
            return (name, "IAM Policy")
        }
    }

    /// Evaluates every action on every resource.
    static func run(
        principal: ARN, policies: PolicySet, actions: [String], resources: [String], context: [String: [String]],
        resourceOwner: String?
    ) -> Output {
        var results: [Result] = []
        for action in actions {
            for resource in resources.isEmpty ? ["*"] : resources {
                let request = AuthorizationRequest(
                    principal: principal, action: action, resource: resource, context: context, resourceAccount: resourceOwner.map(accountOf))
                let result = PolicyEvaluator.evaluate(request, policies: policies)
                results.append(
                    Result(
                        EvalActionName: action, EvalResourceName: resource, EvalDecision: result.decision.rawValue,
                        MatchedStatements: result.matchedStatements.map { statement in
                            let (id, type) = source(statement)
                            return Statement(
                                SourcePolicyId: id, SourcePolicyType: type,
                                StartPosition: statement.span.map { Position(Line: $0.start.line, Column: $0.start.column) },
                                EndPosition: statement.span.map { Position(Line: $0.end.line, Column: $0.end.column) })
                        },
                        MissingContextValues: []))
            }
        }
        return Output(EvaluationResults: results, IsTruncated: false)
    }

    /// The account of `--resource-owner` (an account ID or `arn:aws:iam::ACCOUNT:root`).
    static func accountOf(_ text: String) -> String {
        ARN(text)?.account ?? text
    }
}
