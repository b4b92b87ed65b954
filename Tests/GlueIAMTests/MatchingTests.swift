import GlueCore
import Testing

@testable import GlueIAM

@Suite struct MatchingTests {
    @Test("Wildcard patterns", arguments: [
        ("*", "", true), ("*", "anything:at/all", true), ("abc", "abc", true), ("abc", "abcd", false),
        ("ab*", "ab", true), ("ab*", "a", false), ("*yz", "xyz", true), ("*yz", "yzx", false),
        ("a?c", "abc", true), ("a?c", "ac", false), ("a?c", "aéc", true), ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false), ("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z", true),
        ("arn:aws:s3:::b/in", "arn:aws:s3:::b/in/x", false), ("arn:aws:logs:*:*:*:/aws-glue/*",
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws-glue/jobs/output:log-stream:x", true),
        ("a.c", "abc", false), ("*a*a*a*", "aaa", true), ("*a*a*a*", "aa", false), ("?", "", false),
    ])
    func wildcard(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPattern(pattern).matches(text) == expected)
    }

    @Test("Actions are case-insensitive; resources are case-sensitive")
    func caseRules() throws {
        let document = try policy(#"{"Effect": "Allow", "Action": "S3:get*", "Resource": "arn:aws:s3:::Bucket/*"}"#)
        let set = PolicySet(identityPolicies: [document])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::Bucket/k"), set) == .allowed)
        #expect(decide(request("S3:GETOBJECT", "arn:aws:s3:::Bucket/k"), set) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::bucket/k"), set) == .implicitDeny)
        #expect(decide(request("s3:PutObject", "arn:aws:s3:::Bucket/k"), set) == .implicitDeny)
    }

    @Test("NotAction and NotResource match everything not listed; empty arrays match nothing")
    func negatedElements() throws {
        let notAction = PolicySet(identityPolicies: [try policy(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), notAction) == .allowed)
        #expect(decide(request("IAM:CreateRole", "*"), notAction) == .implicitDeny)
        let notResource = PolicySet(identityPolicies: [try policy(#"{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), notResource) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::secret/k"), notResource) == .implicitDeny)
        let empty = PolicySet(identityPolicies: [try policy(#"{"Effect": "Allow", "Action": [], "Resource": "*"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/k"), empty) == .implicitDeny)
    }

    @Test("Policy variables, defaults and escapes (2012-10-17 only)")
    func variables() throws {
        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/home/${aws:username}/*"}"#
        let current = PolicySet(identityPolicies: [try policy(statement)])
        let legacy = PolicySet(identityPolicies: [try policy(statement, version: "2008-10-17")])
        let alice = ["AWS:UserName": ["alice"]]
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/alice/x", context: alice), current) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/bob/x", context: alice), current) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/alice/x"), current) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/alice/x", context: alice), legacy) == .implicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/${aws:username}/x"), legacy) == .allowed)

        let defaulted = PolicySet(identityPolicies: [try policy(
            #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/company-wide/x"), defaulted) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/data/x", context: ["aws:principaltag/TEAM": ["data"]]), defaulted) == .allowed)

        let escaped = PolicySet(identityPolicies: [try policy(
            #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a${*}b${?}c${$}"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/a*b?c$"), escaped) == .allowed)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/aXXbYc$"), escaped) == .implicitDeny)

        // Substituted values are literal: a `*` in the context is not a wildcard.
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/home/alice/x", context: ["aws:username": ["*"]]), current) == .implicitDeny)
    }

    @Test("Unresolvable variable in NotResource excludes nothing, so a Deny applies")
    func notResourceVariable() throws {
        let set = PolicySet(identityPolicies: [try policy(
            #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#,
            #"{"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/${aws:username}/*"}"#)])
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/alice/x"), set) == .explicitDeny)
        #expect(decide(request("s3:GetObject", "arn:aws:s3:::b/alice/x", context: ["aws:username": ["alice"]]), set) == .allowed)
    }
}
