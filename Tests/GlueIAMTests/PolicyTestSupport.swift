import GlueCore
@testable import GlueIAM

/// Builds a 2012-10-17 policy from statement JSON texts.
func policy(_ statements: String..., version: String? = "2012-10-17", name: String? = nil) throws -> PolicyDocument {
    let versionPart = version.map { #""Version": "\#($0)", "# } ?? ""
    return try PolicyDocument(json: "{\(versionPart)\"Statement\": [\(statements.joined(separator: ","))]}", name: name)
}

let sessionARN = ARN.assumedRole(account: "111122223333", roleName: "R", sessionName: "s")
let otherAccountSession = ARN.assumedRole(account: "444455556666", roleName: "X", sessionName: "s")

func request(
    _ action: String, _ resource: String, principal: ARN = sessionARN, context: [String: [String]] = [:],
    resourceAccount: String? = nil
) -> AuthorizationRequest {
    AuthorizationRequest(
        principal: principal, action: action, resource: resource, context: context, resourceAccount: resourceAccount)
}

func decide(_ request: AuthorizationRequest, _ policies: PolicySet) -> EvaluationDecision {
    PolicyEvaluator.evaluate(request, policies: policies).decision
}

/// Decision of one identity policy with one condition against a context.
func conditionHolds(_ condition: String, _ context: [String: [String]], version: String? = "2012-10-17") throws -> Bool {
    let document = try policy(
        #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": \#(condition)}"#,
        version: version)
    return decide(request("s3:GetObject", "arn:aws:s3:::b/k", context: context), PolicySet(identityPolicies: [document]))
        == .allowed
}
