import GlueCore
import Testing

@testable import GlueIAM

@Suite struct PolicyDocumentTests {
    @Test("Single values and arrays, Sid, versions")
    func shapes() throws {
        let document = try PolicyDocument(
            json: #"""
                {"Version": "2012-10-17", "Id": "x", "Statement": {"Sid": "One", "Effect": "Deny",
                 "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::a", "arn:aws:s3:::b/*"],
                 "Condition": {"Bool": {"aws:SecureTransport": false}, "NumericLessThan": {"s3:max-keys": [10, "20"]}}}}
                """#)
        #expect(document.version == "2012-10-17")
        #expect(document.variablesEnabled)
        #expect(document.statements.count == 1)
        let statement = try #require(document.statements.first)
        #expect(statement.sid == "One")
        #expect(statement.effect == .deny)
        #expect(statement.isNotAction && statement.actions == ["iam:*"])
        #expect(statement.isNotResource && statement.resources?.count == 2)
        #expect(statement.conditions.map(\.values) == [["false"], ["10", "20"]])
        #expect(statement.span?.start.line == 1)
        let legacy = try PolicyDocument(json: #"{"Version": "2008-10-17", "Statement": []}"#)
        #expect(!legacy.variablesEnabled)
        let none = try PolicyDocument(json: #"{"Statement": []}"#)
        #expect(none.version == nil && !none.variablesEnabled)
    }

    @Test("Malformed documents give MalformedPolicyDocument with the position", arguments: [
        (#"{"Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]}"#, "Invalid effect", "line 1, column 27", "$.Statement[0].Effect"),
        ("{\"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\",}\n]}", "Syntax errors in policy", "line 2", "$.Statement[0]"),
        (#"{"Statement": [{"Effect": "Allow", "Resource": "*"}]}"#, "must contain actions", "column 16", "$.Statement[0]"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEqualz": {"a": "b"}}}]}"#, "Invalid condition operator", "column 98", "$.Statement[0].Condition.StringEqualz"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"NullIfExists": {"a": "true"}}}]}"#, "Invalid condition operator", "", "NullIfExists"),
        (#"{"Version": "2012-10-18", "Statement": []}"#, "Invalid Version", "column 13", "$.Version"),
        (#"{"Statement": [{"Effect": "Allow", "Action": 3, "Resource": "*"}]}"#, "Action must be", "", "$.Statement[0].Action"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Action": "s3:*"}]}"#, "duplicate key", "", "$.Statement[0]"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": "arn:aws:iam::1:root"}]}"#, "Invalid principal", "", "$.Statement[0].Principal"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resources": "*"}]}"#, "Unknown element", "", "$.Statement[0].Resources"),
        (#"[]"#, "must be a JSON object", "", "$"),
        (#"{"Version": "2012-10-17"}"#, "no Statement", "", "$"),
        (#"{"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"k": null}}}]}"#, "Condition values", "", "$.Statement[0].Condition.StringEquals.k"),
    ])
    func malformed(json: String, message: String, position: String, path: String) {
        do {
            _ = try PolicyDocument(json: json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.code == .malformedPolicyDocument)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.contains(position), "\(error.message)")
            #expect(error.message.contains(path), "\(error.message)")
        }
    }

    @Test("A malformed ARN loads leniently and matches nothing")
    func malformedARN() throws {
        let document = try policy(
            #"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3::data-lake-test-target-s3/*"}"#)
        let result = PolicyEvaluator.evaluate(
            request("s3:PutObject", "arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet"),
            policies: PolicySet(identityPolicies: [document]))
        #expect(result.decision == .implicitDeny)
        #expect(result.matchedStatements.isEmpty)
    }
}
