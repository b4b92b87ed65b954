import Foundation
import GlueCLI
import Testing

@Suite struct IAMCommandTests {
    static let sampleIAM = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData/iam")

    func sample(_ name: String) -> String { "file://" + IAMCommandTests.sampleIAM.appendingPathComponent(name).path }

    func makeJobRole(_ lake: String, corrected: Bool = false) async {
        let steps: [[String]] = [
            ["iam", "create-role", "--role-name", "data-lake-test-job-role", "--assume-role-policy-document", sample("data-lake-test-job-role.trust-policy.json")],
            ["iam", "attach-role-policy", "--role-name", "data-lake-test-job-role", "--policy-arn", "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"],
            ["iam", "put-role-policy", "--role-name", "data-lake-test-job-role", "--policy-name", "s3-access", "--policy-document",
             sample(corrected ? "data-lake-test-job-role.s3-policy.corrected.json" : "data-lake-test-job-role.s3-policy.json")],
            ["iam", "put-role-policy", "--role-name", "data-lake-test-job-role", "--policy-name", "kms-decrypt", "--policy-document", sample("data-lake-test-job-role.kms-policy.json")],
        ]
        for step in steps {
            let result = await runLocalGlue(step + ["--lake", lake])
            #expect(result.exitCode == 0, "\(step): \(result.error)")
        }
    }

    @Test("Roles and policies round-trip through the lake in AWS's shapes")
    func rolesAndPolicies() async throws {
        try await withTemporaryDirectory { dir in
            let lake = dir.path
            await makeJobRole(lake)
            let role = await runLocalGlue(["iam", "get-role", "--role-name", "data-lake-test-job-role", "--lake", lake])
            #expect(role.exitCode == 0)
            let json = try JSONSerialization.jsonObject(with: Data(role.output.utf8)) as? [String: Any]
            let body = json?["Role"] as? [String: Any]
            #expect(body?["Arn"] as? String == "arn:aws:iam::123456789012:role/data-lake-test-job-role")
            #expect((body?["AssumeRolePolicyDocument"] as? [String: Any])?["Version"] as? String == "2012-10-17")
            #expect((body?["CreateDate"] as? String)?.hasSuffix("+00:00") == true)
            let names = await runLocalGlue(["iam", "list-role-policies", "--role-name", "data-lake-test-job-role", "--lake", lake])
            #expect(names.output.contains("\"kms-decrypt\"") && names.output.contains("\"s3-access\""))
            let attached = await runLocalGlue(["iam", "list-attached-role-policies", "--role-name", "data-lake-test-job-role", "--lake", lake])
            #expect(attached.output.contains("\"PolicyArn\": \"arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole\""))
            let policy = await runLocalGlue(["iam", "get-role-policy", "--role-name", "data-lake-test-job-role", "--policy-name", "s3-access", "--lake", lake])
            #expect(policy.output.contains("\"arn:aws:s3::data-lake-test-target-s3/*\""))
            let managed = await runLocalGlue(["iam", "get-policy", "--policy-arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "--lake", lake])
            #expect(managed.output.contains("\"DefaultVersionId\": \"v3\""))
            let missing = await runLocalGlue(["iam", "get-role", "--role-name", "nope", "--lake", lake])
            #expect(missing.exitCode == 254)
            #expect(missing.error.contains("An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nope cannot be found."))
            let conflict = await runLocalGlue(["iam", "delete-role", "--role-name", "data-lake-test-job-role", "--lake", lake])
            #expect(conflict.exitCode == 254)
            #expect(conflict.error.contains("DeleteConflict"))
        }
    }

    @Test("simulate-principal-policy: the typo denies the target write; EvaluationResults with MatchedStatements")
    func simulatePrincipal() async throws {
        try await withTemporaryDirectory { dir in
            let lake = dir.path
            await makeJobRole(lake)
            let result = await runLocalGlue([
                "iam", "simulate-principal-policy", "--policy-source-arn", "arn:aws:iam::123456789012:role/data-lake-test-job-role",
                "--action-names", "s3:GetObject", "s3:PutObject", "--resource-arns", "arn:aws:s3:::data-lake-snapshot-rds-test-s3/x.parquet",
                "arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet", "--lake", lake,
            ])
            #expect(result.exitCode == 0, "\(result.error)")
            let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let results = try #require(json?["EvaluationResults"] as? [[String: Any]])
            #expect(results.count == 4)
            let decisions = results.map { "\($0["EvalActionName"] ?? "") \($0["EvalResourceName"] ?? "") \($0["EvalDecision"] ?? "")" }
            #expect(decisions.contains("s3:GetObject arn:aws:s3:::data-lake-snapshot-rds-test-s3/x.parquet allowed"))
            #expect(decisions.contains("s3:PutObject arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet implicitDeny"))
            let allowed = try #require(results.first { $0["EvalDecision"] as? String == "allowed" })
            let matched = try #require((allowed["MatchedStatements"] as? [[String: Any]])?.first)
            #expect(matched["SourcePolicyId"] as? String == "s3-access")
            #expect(matched["SourcePolicyType"] as? String == "role")
            #expect((matched["StartPosition"] as? [String: Any])?["Line"] as? Int == 4)
        }
    }

    @Test("simulate-custom-policy with context entries")
    func simulateCustom() async {
        await withTemporaryDirectory { dir in
            let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}"#
            let inside = await runLocalGlue([
                "iam", "simulate-custom-policy", "--policy-input-list", policy, "--action-names", "s3:GetObject",
                "--context-entries", "ContextKeyName=aws:SourceIp,ContextKeyValues=203.0.113.9,ContextKeyType=ip", "--lake", dir.path,
            ])
            #expect(inside.output.contains("\"EvalDecision\": \"allowed\""))
            #expect(inside.output.contains("\"SourcePolicyId\": \"PolicyInputList.1\""))
            let outside = await runLocalGlue([
                "iam", "simulate-custom-policy", "--policy-input-list", policy, "--action-names", "s3:GetObject",
                "--context-entries", #"[{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["198.51.100.1"], "ContextKeyType": "ip"}]"#,
                "--lake", dir.path,
            ])
            #expect(outside.output.contains("\"EvalDecision\": \"implicitDeny\""))
            let malformed = await runLocalGlue(["iam", "simulate-custom-policy", "--policy-input-list", "{", "--action-names", "s3:GetObject", "--lake", dir.path])
            #expect(malformed.exitCode == 254)
            #expect(malformed.error.contains("MalformedPolicyDocument"))
        }
    }

    @Test("simulate-cases prints one line per case and exits 1 on a mismatch")
    func simulateCases() async throws {
        try await withTemporaryDirectory { dir in
            let ok = await runLocalGlue(["iam", "simulate-cases", IAMCommandTests.sampleIAM.appendingPathComponent("cases/core.json").path, "--lake", dir.path])
            #expect(ok.exitCode == 0, "\(ok.output)")
            #expect(ok.output.split(separator: "\n").count >= 50)
            #expect(ok.output.hasPrefix(#"{"id":"core-001-no-policy","decision":"implicit-deny"}"#))
            let file = dir.appendingPathComponent("cases.json")
            try #"[{"id": "x", "policies": {"identity": []}, "request": {"principal": "arn:aws:iam::111122223333:role/R", "action": "s3:GetObject", "resource": "*"}, "expect": "allow"}]"#
                .write(to: file, atomically: true, encoding: .utf8)
            let failed = await runLocalGlue(["iam", "simulate-cases", "file://" + file.path, "--lake", dir.path])
            #expect(failed.exitCode == 1)
            #expect(failed.output == #"{"id":"x","decision":"implicit-deny","expected":"allow"}"# + "\n")
        }
    }

    @Test("accessanalyzer validate-policy points at the typo; a bad policy type is a ValidationException")
    func validatePolicy() async {
        await withTemporaryDirectory { dir in
            let result = await runLocalGlue([
                "accessanalyzer", "validate-policy", "--policy-document", sample("data-lake-test-job-role.s3-policy.json"),
                "--policy-type", "IDENTITY_POLICY", "--lake", dir.path,
            ])
            #expect(result.exitCode == 0)
            #expect(result.output.contains("\"issueCode\": \"MISSING_ARN_FIELD\""))
            #expect(result.output.contains("\"findingType\": \"ERROR\""))
            let clean = await runLocalGlue([
                "accessanalyzer", "validate-policy", "--policy-document", sample("data-lake-test-job-role.trust-policy.json"),
                "--policy-type", "RESOURCE_POLICY", "--validate-policy-resource-type", "AWS::IAM::AssumeRolePolicyDocument", "--lake", dir.path,
            ])
            #expect(clean.output.contains("\"findings\": []"))
            let bad = await runLocalGlue(["accessanalyzer", "validate-policy", "--policy-document", "{}", "--policy-type", "NOPE", "--lake", dir.path])
            #expect(bad.exitCode == 254)
            #expect(bad.error.contains("ValidationException"))
        }
    }

    @Test("--as-role: IAM calls are authorized against the role's policies")
    func asRole() async {
        await withTemporaryDirectory { dir in
            await makeJobRole(dir.path)
            let denied = await runLocalGlue([
                "iam", "create-role", "--role-name", "x", "--assume-role-policy-document", sample("data-lake-test-job-role.trust-policy.json"),
                "--as-role", "data-lake-test-job-role", "--lake", dir.path,
            ])
            #expect(denied.exitCode == 254)
            #expect(denied.error == "An error occurred (AccessDenied) when calling the CreateRole operation: User: arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/localglue-cli is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x because no identity-based policy allows the iam:CreateRole action\n")
            let allowed = await runLocalGlue(["iam", "get-role", "--role-name", "data-lake-test-job-role", "--as-role", "data-lake-test-job-role", "--lake", dir.path])
            #expect(allowed.exitCode == 0, "\(allowed.error)")
        }
    }
}
