// One IAM decision against a role with 5 policies and 50 statements: the per-object cost of
// PolicyEnforcingObjectStore. Prints the median and p90 of per-decision times over many batches.

import GlueCore
import GlueIAM

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Five policies of ten statements each, in the shapes real job roles have.
func makeRolePolicies() throws -> [PolicyDocument] {
    var documents: [PolicyDocument] = []
    for policy in 0..<5 {
        var statements: [String] = []
        for statement in 0..<10 {
            let n = policy * 10 + statement
            switch statement % 5 {
            case 0:
                statements.append(#"{"Sid": "Glue\#(n)", "Effect": "Allow", "Action": ["glue:GetTable", "glue:GetDatabase", "glue:GetPartitions"], "Resource": ["arn:aws:glue:us-east-1:123456789012:table/db\#(n)/*", "arn:aws:glue:us-east-1:123456789012:database/db\#(n)", "arn:aws:glue:us-east-1:123456789012:catalog"]}"#)
            case 1:
                statements.append(#"{"Sid": "Read\#(n)", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::bucket-\#(n)", "arn:aws:s3:::bucket-\#(n)/*"]}"#)
            case 2:
                statements.append(#"{"Sid": "Write\#(n)", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::out-\#(n)/prefix/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}"#)
            case 3:
                statements.append(#"{"Sid": "Logs\#(n)", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:*:/aws-glue/\#(n)/*"}"#)
            default:
                statements.append(#"{"Sid": "Deny\#(n)", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::protected-\#(n)/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#)
            }
        }
        let json = #"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ", "))]}"#
        documents.append(try PolicyDocument(json: json, name: "policy-" + String(policy)))
    }
    return documents
}

@inline(never)
func consume(_ result: AuthorizationResult) -> Int { result.decision == .allowed ? 1 : 0 }

func measure(_ name: String, batches: Int = 300, perBatch: Int = 2_000, _ body: () -> Int) {
    var perDecision: [Double] = []
    perDecision.reserveCapacity(batches)
    var sink = 0
    for _ in 0..<20 { sink &+= body() }  // warm-up
    let clock = ContinuousClock()
    for _ in 0..<batches {
        let start = clock.now
        for _ in 0..<perBatch { sink &+= body() }
        let elapsed = clock.now - start
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        perDecision.append(nanoseconds / Double(perBatch))
    }
    perDecision.sort()
    let median = perDecision[perDecision.count / 2]
    let p90 = perDecision[perDecision.count * 9 / 10]
    print("\(name): median \(Int(median.rounded())) ns, p90 \(Int(p90.rounded())) ns per decision (sink \(sink % 7))")
}

do {
    let policies = PolicySet(identityPolicies: try makeRolePolicies())
    let principal = ARN.assumedRole(account: "123456789012", roleName: "job-role", sessionName: "GlueJobRunnerSession")
    // The allowing statement is in the last policy: every statement is looked at.
    let allowed = AuthorizationRequest(
        principal: principal, action: "s3:GetObject", resource: "arn:aws:s3:::bucket-41/year=2024/month=01/part-00000.parquet",
        context: ["aws:SecureTransport": ["true"], "aws:RequestedRegion": ["us-east-1"]])
    let denied = AuthorizationRequest(
        principal: principal, action: "s3:GetObject", resource: "arn:aws:s3:::unknown-bucket/k",
        context: ["aws:SecureTransport": ["true"], "aws:RequestedRegion": ["us-east-1"]])
    precondition(PolicyEvaluator.evaluate(allowed, policies: policies).decision == .allowed)
    precondition(PolicyEvaluator.evaluate(denied, policies: policies).decision == .implicitDeny)
    measure("decision, 5 policies / 50 statements, allowed by the last policy") {
        consume(PolicyEvaluator.evaluate(allowed, policies: policies))
    }
    measure("decision, 5 policies / 50 statements, implicit deny") {
        consume(PolicyEvaluator.evaluate(denied, policies: policies))
    }
    var key = 0
    measure("request construction + decision (new object key each time)") {
        key &+= 1
        let request = AuthorizationRequest(
            principal: principal, action: "s3:GetObject", resource: "arn:aws:s3:::bucket-41/part-\(key).parquet",
            context: ["aws:SecureTransport": ["true"], "aws:RequestedRegion": ["us-east-1"]])
        return consume(PolicyEvaluator.evaluate(request, policies: policies))
    }
} catch {
    print("setup failed: \(error)")
}
