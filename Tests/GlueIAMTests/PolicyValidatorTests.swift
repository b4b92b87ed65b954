import GlueCore
import Testing

@testable import GlueIAM

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite struct PolicyValidatorTests {
    func findings(_ json: String, _ type: PolicyValidator.PolicyType = .identityPolicy, resourceType: String? = nil)
        -> [ValidationFinding]
    {
        PolicyValidator.validatePolicy(policyDocument: json, policyType: type, resourceType: resourceType)
    }

    func codes(_ json: String, _ type: PolicyValidator.PolicyType = .identityPolicy, resourceType: String? = nil) -> [String] {
        findings(json, type, resourceType: resourceType).map(\.issueCode)
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: sampleDataURL("iam/\(name)"), encoding: .utf8)
    }

    @Test("The seed job policy: the typo ARN is a MISSING_ARN_FIELD error at its JSON path")
    func seedPolicy() throws {
        let result = findings(try sample("data-lake-test-job-role.s3-policy.json"))
        let missing = try #require(result.first { $0.issueCode == "MISSING_ARN_FIELD" })
        #expect(missing.findingType == .error)
        #expect(missing.findingDetails.contains("arn:aws:s3::data-lake-test-target-s3/*"))
        let location = try #require(missing.locations.first)
        #expect(location.path == [.value("Statement"), .index(1), .value("Resource"), .index(0)])
        #expect(location.start.line == 23)
        #expect(location.start.column == 16)
        #expect(missing.learnMoreLink.hasSuffix("#access-analyzer-reference-policy-checks-error-missing-arn-field"))
        #expect(!result.contains { $0.findingType == .error && $0.issueCode != "MISSING_ARN_FIELD" })
        // The corrected copy is clean.
        #expect(findings(try sample("data-lake-test-job-role.s3-policy.corrected.json")).isEmpty)
    }

    @Test("Sample world policies validate without errors in their policy types")
    func samplesClean() throws {
        for name in ["data-lake-test-job-role.kms-policy.json", "data-engineer.policy.json", "source-ip.policy.json", "require-mfa.policy.json"] {
            #expect(findings(try sample(name)).filter { $0.findingType == .error }.isEmpty, "\(name)")
        }
        for name in ["data-lake-test-job-role.trust-policy.json", "cross-account-chain.trust-policy.json", "data-engineer.trust-policy.json"] {
            #expect(findings(try sample(name), .resourcePolicy, resourceType: PolicyValidator.trustPolicyResourceType).isEmpty, "\(name)")
        }
        for policy in AWSManagedPolicies.all {
            let errors = findings(policy.documentJSON).filter { $0.findingType == .error }
            #expect(errors.isEmpty, "\(policy.policyName): \(errors.map(\.findingDetails))")
        }
    }

    @Test("ListBucket on an object ARN and GetObject on a bucket ARN are resource mismatches")
    func resourceMismatch() {
        let list = codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b/*"}]}"#)
        #expect(list == ["RESOURCE_MISMATCH"])
        let get = codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b"}]}"#)
        #expect(get == ["RESOURCE_MISMATCH"])
        let fine = codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}]}"#)
        #expect(fine.isEmpty)
        let accountLevel = findings(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:List*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}]}"#)
        #expect(accountLevel.map(\.issueCode) == ["RESOURCE_MISMATCH"])
        #expect(accountLevel.first?.findingDetails.contains("s3:List") == true)
        let allBuckets = findings(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*"}]}"#)
        #expect(allBuckets.map(\.issueCode) == ["RESOURCE_MISMATCH"])
        #expect(allBuckets.first?.findingDetails.contains("an account-level action") == true)
        let glue = codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:GetTable", "Resource": ["arn:aws:glue:us-east-1:123456789012:table/db/*", "arn:aws:glue:us-east-1:123456789012:database/db", "arn:aws:glue:us-east-1:123456789012:catalog"]}]}"#)
        #expect(glue.isEmpty)
    }

    @Test("Unknown actions, services written with wildcards, unknown operators and keys")
    func unknownNames() throws {
        let result = findings(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObjct", "s*:GetObject", "glue:Nothing*", "ec2:RunInstances"], "Resource": "*", "Condition": {"StringEqualz": {"aws:username": "a"}, "NullIfExists": {"aws:SourceIp": "true"}, "StringEquals": {"aws:NoSuchKey": "x", "s3:nosuchkey": "y", "username": "z"}}}]}"#)
        #expect(result.map(\.issueCode) == [
            "INVALID_ACTION", "WILDCARD_IN_SERVICE_NAME", "INVALID_ACTION", "INVALID_CONDITION_OPERATOR", "NULL_WITH_IF_EXISTS",
            "INVALID_GLOBAL_CONDITION_KEY", "INVALID_SERVICE_CONDITION_KEY", "INVALID_CONDITION_KEY_FORMAT",
        ])
        #expect(result[0].findingDetails.contains("Did you mean s3:GetObject?"))
        #expect(result[0].locations.first?.path == [.value("Statement"), .index(0), .value("Action"), .index(0)])
    }

    @Test("Principals: not in identity policies; Allow with NotPrincipal; partial wildcards; missing in resource policies")
    func principals() {
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#) == ["UNSUPPORTED_PRINCIPAL"])
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, .resourcePolicy) == ["ALLOW_WITH_NOT_PRINCIPAL"])
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/data-*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, .resourcePolicy) == ["UNSUPPORTED_WILDCARD_IN_PRINCIPAL"])
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, .resourcePolicy) == ["MISSING_PRINCIPAL"])
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}"#, .resourcePolicy, resourceType: PolicyValidator.trustPolicyResourceType) == ["ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"])
    }

    @Test("Security warning for Allow * on *; structural errors; version")
    func structure() {
        #expect(codes(#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#) == ["ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES"])
        #expect(codes(#"{"Statement": [{"Sid": "A", "Effect": "allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject"}, {"Sid": "A", "Effect": "Deny", "Resource": "*", "Extra": 1}]}"#) == [
            "MISSING_VERSION", "INVALID_EFFECT", "UNSUPPORTED_ELEMENT_COMBINATION", "MISSING_RESOURCE",
            "INVALID_POLICY_ELEMENT", "UNIQUE_SIDS_REQUIRED", "MISSING_ACTION",
        ])
        let syntax = findings("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}")
        #expect(syntax.map(\.issueCode) == ["JSON_SYNTAX_ERROR"])
        #expect(syntax.first?.locations.first?.start == ValidationFinding.Position(line: 3, column: 16, offset: 45))
        #expect(codes(#"{"Version": "2012-10-18", "Statement": []}"#) == ["INVALID_VERSION"])
    }

    @Test("ARN checks: prefix, partition, S3 region and account, account digits")
    func arns() {
        func resourceCodes(_ arn: String) -> [String] {
            codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\#(arn)"}]}"#)
        }
        #expect(resourceCodes("s3:::b/*") == ["INVALID_ARN_PREFIX"])
        #expect(resourceCodes("arn:aws:s3::b/*") == ["MISSING_ARN_FIELD"])
        #expect(resourceCodes("arn:amazon:s3:::b/*") == ["INVALID_PARTITION"])
        #expect(resourceCodes("arn:aws:s3:us-east-1::b/*") == ["ARN_REGION_NOT_ALLOWED", "RESOURCE_MISMATCH"])
        #expect(resourceCodes("arn:aws:s3::123456789012:b/*") == ["ARN_ACCOUNT_NOT_ALLOWED", "RESOURCE_MISMATCH"])
        #expect(resourceCodes("arn:aws:S3:::b/*") == ["INVALID_ARN_SERVICE_CASE", "RESOURCE_MISMATCH"])
        #expect(codes(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:GetTable", "Resource": "arn:aws:glue:us-east-1:12345:table/db/t"}]}"#) == ["INVALID_ARN_ACCOUNT"])
    }

    @Test("Condition types, values, variables and set operators")
    func conditions() {
        func conditionCodes(_ condition: String, version: String = "2012-10-17", action: String = "s3:GetObject") -> [String] {
            codes(#"{"Version": "\#(version)", "Statement": [{"Effect": "Allow", "Action": "\#(action)", "Resource": "*", "Condition": \#(condition)}]}"#)
        }
        #expect(conditionCodes(#"{"IpAddress": {"aws:CurrentTime": "10.0.0.0/8"}}"#) == ["TYPE_MISMATCH"])
        #expect(conditionCodes(#"{"DateGreaterThan": {"aws:CurrentTime": "tomorrow"}}"#) == ["TYPE_MISMATCH"])
        #expect(conditionCodes(#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "ten"}}"#) == ["TYPE_MISMATCH"])
        #expect(conditionCodes(#"{"IpAddress": {"aws:SourceIp": "10.0.0.300/8"}}"#) == ["TYPE_MISMATCH"])
        #expect(conditionCodes(#"{"StringEquals": {"aws:PrincipalTag/team": "data*"}}"#) == ["WILDCARD_WITHOUT_LIKE_OPERATOR"])
        #expect(conditionCodes(#"{"ForAllValues:StringEquals": {"aws:username": ["a"]}}"#) == ["FORALLVALUES_WITH_SINGLE_VALUED_KEY"])
        #expect(conditionCodes(#"{"StringEquals": {"aws:TagKeys": "a"}}"#) == ["MISSING_QUALIFIER"])
        #expect(conditionCodes(#"{"NumericEquals": {"s3:max-keys": "${aws:username}"}}"#, action: "s3:ListBucket") == ["INVALID_VARIABLE_FOR_OPERATOR"])
        #expect(conditionCodes(#"{"StringLike": {"s3:prefix": "home/${aws:username}/*"}}"#, version: "2008-10-17", action: "s3:ListBucket") == ["OLD_VERSION", "VARIABLE_UNSUPPORTED_IN_VERSION"])
        #expect(conditionCodes(#"{"StringLike": {"s3:prefix": "home/${aws:username"}}"#, action: "s3:ListBucket") == ["MISSING_BRACE_IN_VARIABLE"])
        #expect(conditionCodes(#"{"StringLike": {"s3:prefix": "home/*"}}"#) == ["IRRELEVANT_CONDITION_KEY"])
        #expect(conditionCodes(#"{"StringLike": {"s3:prefix": "home/*"}}"#, action: "s3:ListBucket").isEmpty)
        #expect(conditionCodes(#"{"Bool": {"aws:SecureTransport": true}, "Null": {"aws:MultiFactorAuthAge": true}}"#).isEmpty)
    }

    @Test("Findings serialise in Access Analyzer's JSON shape")
    func jsonShape() throws {
        let finding = try #require(findings(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3::t/*"}]}"#).first)
        let json = finding.jsonValue.serialized()
        #expect(json.hasPrefix(#"{"findingDetails":"#))
        #expect(json.contains(#""findingType":"ERROR","issueCode":"MISSING_ARN_FIELD""#))
        #expect(json.contains(#""locations":[{"path":[{"value":"Statement"},{"index":0},{"value":"Resource"}],"span":{"start":{"line":1,"column":98,"offset":98},"end":{"line":1,"column":115,"offset":115}}}]"#))
    }
}
