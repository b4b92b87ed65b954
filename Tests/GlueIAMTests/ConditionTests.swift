import GlueCore
import Testing

@testable import GlueIAM

@Suite struct ConditionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var condition: String
        var context: [String: [String]]
        var expected: Bool
        var testDescription: String { "\(condition) with \(context) → \(expected)" }
    }

    static let cases: [Case] = [
        // String family
        Case(condition: #"{"StringEquals": {"aws:username": "alice"}}"#, context: ["aws:username": ["alice"]], expected: true),
        Case(condition: #"{"StringEquals": {"aws:username": "alice"}}"#, context: ["aws:username": ["Alice"]], expected: false),
        Case(condition: #"{"StringEquals": {"aws:username": ["bob", "alice"]}}"#, context: ["AWS:USERNAME": ["alice"]], expected: true),
        Case(condition: #"{"StringEquals": {"aws:username": "a*"}}"#, context: ["aws:username": ["alice"]], expected: false),
        Case(condition: #"{"StringNotEquals": {"aws:username": ["bob", "carol"]}}"#, context: ["aws:username": ["alice"]], expected: true),
        Case(condition: #"{"StringNotEquals": {"aws:username": ["bob", "alice"]}}"#, context: ["aws:username": ["alice"]], expected: false),
        Case(condition: #"{"StringNotEquals": {"aws:username": "bob"}}"#, context: [:], expected: true),
        Case(condition: #"{"StringEqualsIgnoreCase": {"aws:username": "ALICE"}}"#, context: ["aws:username": ["alice"]], expected: true),
        Case(condition: #"{"StringNotEqualsIgnoreCase": {"aws:username": "ALICE"}}"#, context: ["aws:username": ["alice"]], expected: false),
        Case(condition: #"{"StringLike": {"s3:prefix": "home/*"}}"#, context: ["s3:prefix": ["home/a/b"]], expected: true),
        Case(condition: #"{"StringLike": {"s3:prefix": "home/?"}}"#, context: ["s3:prefix": ["home/ab"]], expected: false),
        Case(condition: #"{"StringLike": {"s3:prefix": ""}}"#, context: ["s3:prefix": [""]], expected: true),
        Case(condition: #"{"StringLike": {"s3:prefix": ""}}"#, context: ["s3:prefix": ["x"]], expected: false),
        Case(condition: #"{"StringNotLike": {"s3:prefix": ["home/*", "tmp/*"]}}"#, context: ["s3:prefix": ["etc/x"]], expected: true),
        Case(condition: #"{"StringLike": {"s3:prefix": "*"}}"#, context: [:], expected: false),
        Case(condition: #"{"StringLikeIfExists": {"s3:prefix": "home/*"}}"#, context: [:], expected: true),
        Case(condition: #"{"StringLikeIfExists": {"s3:prefix": "home/*"}}"#, context: ["s3:prefix": ["etc"]], expected: false),
        // Numeric family
        Case(condition: #"{"NumericEquals": {"s3:max-keys": "10"}}"#, context: ["s3:max-keys": ["10.0"]], expected: true),
        Case(condition: #"{"NumericLessThan": {"s3:max-keys": 10}}"#, context: ["s3:max-keys": ["9"]], expected: true),
        Case(condition: #"{"NumericLessThanEquals": {"s3:max-keys": 10}}"#, context: ["s3:max-keys": ["10"]], expected: true),
        Case(condition: #"{"NumericGreaterThan": {"s3:max-keys": 10}}"#, context: ["s3:max-keys": ["10"]], expected: false),
        Case(condition: #"{"NumericGreaterThanEquals": {"s3:max-keys": 10}}"#, context: ["s3:max-keys": ["11"]], expected: true),
        Case(condition: #"{"NumericNotEquals": {"s3:max-keys": [10, 20]}}"#, context: ["s3:max-keys": ["20"]], expected: false),
        Case(condition: #"{"NumericNotEquals": {"s3:max-keys": [10, 20]}}"#, context: ["s3:max-keys": ["30"]], expected: true),
        Case(condition: #"{"NumericEquals": {"s3:max-keys": "10"}}"#, context: ["s3:max-keys": ["ten"]], expected: false),
        // Date family
        Case(condition: #"{"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}"#, context: ["aws:CurrentTime": ["2026-06-01T12:00:00Z"]], expected: true),
        Case(condition: #"{"DateLessThan": {"aws:CurrentTime": "2026-01-01"}}"#, context: ["aws:CurrentTime": ["2025-12-31T23:59:59Z"]], expected: true),
        Case(condition: #"{"DateEquals": {"aws:CurrentTime": "2026-01-01T02:00:00+02:00"}}"#, context: ["aws:CurrentTime": ["2026-01-01T00:00:00Z"]], expected: true),
        Case(condition: #"{"DateEquals": {"aws:EpochTime": "1767225600"}}"#, context: ["aws:EpochTime": ["2026-01-01T00:00:00Z"]], expected: true),
        Case(condition: #"{"DateNotEquals": {"aws:CurrentTime": "2026-01-01"}}"#, context: ["aws:CurrentTime": ["2026-01-02"]], expected: true),
        Case(condition: #"{"DateLessThanEquals": {"aws:TokenIssueTime": "2026-01-01T00:00:00.500Z"}}"#, context: ["aws:TokenIssueTime": ["2026-01-01T00:00:00.5Z"]], expected: true),
        Case(condition: #"{"DateGreaterThanEquals": {"aws:CurrentTime": "2026-01-01"}}"#, context: ["aws:CurrentTime": ["yesterday"]], expected: false),
        // Bool, Binary
        Case(condition: #"{"Bool": {"aws:SecureTransport": "true"}}"#, context: ["aws:SecureTransport": ["true"]], expected: true),
        Case(condition: #"{"Bool": {"aws:SecureTransport": false}}"#, context: ["aws:SecureTransport": ["true"]], expected: false),
        Case(condition: #"{"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}"#, context: [:], expected: true),
        Case(condition: #"{"BinaryEquals": {"k": "aGVsbG8="}}"#, context: ["k": ["aGVsbG8="]], expected: true),
        Case(condition: #"{"BinaryEquals": {"k": "aGVsbG8="}}"#, context: ["k": ["d29ybGQ="]], expected: false),
        // IP family
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#, context: ["aws:SourceIp": ["203.0.113.7"]], expected: true),
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#, context: ["aws:SourceIp": ["203.0.114.7"]], expected: false),
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.7"}}"#, context: ["aws:SourceIp": ["203.0.113.7"]], expected: true),
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}"#, context: ["aws:SourceIp": ["2001:db8:1234:5678:abcd::1"]], expected: true),
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "2001:DB8:1234:5678::/64"}}"#, context: ["aws:SourceIp": ["2001:db8:1234:5679::1"]], expected: false),
        Case(condition: #"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#, context: ["aws:SourceIp": ["::1"]], expected: false),
        Case(condition: #"{"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}}"#, context: ["aws:SourceIp": ["8.8.8.8"]], expected: true),
        Case(condition: #"{"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}"#, context: [:], expected: true),
        // ARN family: components are matched one by one.
        Case(condition: #"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin*"}}"#, context: ["aws:PrincipalArn": ["arn:aws:iam::111122223333:role/AdminTeam"]], expected: true),
        Case(condition: #"{"ArnEquals": {"aws:SourceArn": "arn:aws:s3:::b*"}}"#, context: ["aws:SourceArn": ["arn:aws:s3:::bucket"]], expected: true),
        Case(condition: #"{"ArnLike": {"aws:SourceArn": "arn:aws:sqs:*"}}"#, context: ["aws:SourceArn": ["arn:aws:sqs:us-east-1:111122223333:q"]], expected: false),
        Case(condition: #"{"StringLike": {"aws:SourceArn": "arn:aws:sqs:*"}}"#, context: ["aws:SourceArn": ["arn:aws:sqs:us-east-1:111122223333:q"]], expected: true),
        Case(condition: #"{"ArnNotLike": {"aws:SourceArn": "arn:aws:sqs:*:*:*"}}"#, context: ["aws:SourceArn": ["arn:aws:sns:us-east-1:1:t"]], expected: true),
        Case(condition: #"{"ArnNotEquals": {"aws:SourceArn": "arn:aws:sqs:*:*:*"}}"#, context: ["aws:SourceArn": ["arn:aws:sqs:us-east-1:1:q"]], expected: false),
        Case(condition: #"{"ArnLike": {"aws:SourceArn": "arn:aws:sqs:*:*:*"}}"#, context: ["aws:SourceArn": ["not-an-arn"]], expected: false),
        // Null
        Case(condition: #"{"Null": {"aws:MultiFactorAuthAge": true}}"#, context: [:], expected: true),
        Case(condition: #"{"Null": {"aws:MultiFactorAuthAge": "true"}}"#, context: ["aws:MultiFactorAuthAge": ["30"]], expected: false),
        Case(condition: #"{"Null": {"s3:prefix": false}}"#, context: ["s3:prefix": [""]], expected: true),
        Case(condition: #"{"Null": {"s3:prefix": false}}"#, context: ["s3:prefix": []], expected: false),
        // Set operators
        Case(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}"#, context: ["aws:TagKeys": ["a", "b"]], expected: true),
        Case(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}"#, context: ["aws:TagKeys": ["a", "c"]], expected: false),
        Case(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}"#, context: [:], expected: true),
        Case(condition: #"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}}"#, context: ["aws:TagKeys": ["c", "a"]], expected: true),
        Case(condition: #"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}}"#, context: [:], expected: false),
        Case(condition: #"{"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["a"]}}"#, context: [:], expected: false),
        Case(condition: #"{"ForAllValues:StringNotEquals": {"aws:TagKeys": ["x"]}}"#, context: ["aws:TagKeys": ["a", "b"]], expected: true),
        Case(condition: #"{"ForAllValues:StringNotEquals": {"aws:TagKeys": ["x"]}}"#, context: ["aws:TagKeys": ["a", "x"]], expected: false),
        Case(condition: #"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["x"]}}"#, context: ["aws:TagKeys": ["a", "x"]], expected: true),
        Case(condition: #"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["x"]}}"#, context: [:], expected: false),
        Case(condition: #"{"ForAnyValue:StringLike": {"aws:TagKeys": ["env*"]}}"#, context: ["aws:TagKeys": ["owner", "environment"]], expected: true),
        // Plain operators never match a multivalued key.
        Case(condition: #"{"StringEquals": {"aws:TagKeys": "a"}}"#, context: ["aws:TagKeys": ["a"]], expected: false),
        Case(condition: #"{"StringNotEquals": {"aws:TagKeys": "b"}}"#, context: ["aws:TagKeys": ["a"]], expected: false),
        Case(condition: #"{"StringEquals": {"k": "a"}}"#, context: ["k": ["a", "b"]], expected: false),
        // Several operators and keys: AND.
        Case(condition: #"{"StringEquals": {"a": "1", "b": "2"}, "Bool": {"c": "true"}}"#, context: ["a": ["1"], "b": ["2"], "c": ["true"]], expected: true),
        Case(condition: #"{"StringEquals": {"a": "1", "b": "2"}, "Bool": {"c": "true"}}"#, context: ["a": ["1"], "b": ["3"], "c": ["true"]], expected: false),
        Case(condition: #"{}"#, context: [:], expected: true),
        // Variables in condition values.
        Case(condition: #"{"StringEquals": {"s3:prefix": "home/${aws:username}"}}"#, context: ["s3:prefix": ["home/alice"], "aws:username": ["alice"]], expected: true),
        Case(condition: #"{"StringEquals": {"s3:prefix": "home/${aws:username}"}}"#, context: ["s3:prefix": ["home/alice"]], expected: false),
        Case(condition: #"{"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}"#, context: ["aws:ResourceTag/team": ["x"]], expected: true),
        Case(condition: #"{"StringLike": {"s3:prefix": "${aws:username}/*"}}"#, context: ["s3:prefix": ["alice/x"], "aws:username": ["alice"]], expected: true),
        Case(condition: #"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:role/*"}}"#, context: ["aws:PrincipalArn": ["arn:aws:iam::111122223333:role/R"], "aws:PrincipalAccount": ["111122223333"]], expected: true),
        Case(condition: #"{"StringEquals": {"redshift:DbUser": "${aws:SourceIdentity}"}}"#, context: ["redshift:DbUser": ["Alice"], "aws:SourceIdentity": ["alice"]], expected: false),
    ]

    @Test("Condition operators", arguments: cases)
    func operators(_ testCase: Case) throws {
        #expect(try conditionHolds(testCase.condition, testCase.context) == testCase.expected)
    }

    @Test("Variables are literal under 2008-10-17")
    func legacyVariables() throws {
        #expect(try conditionHolds(#"{"StringEquals": {"k": "${aws:username}"}}"#, ["k": ["${aws:username}"]], version: "2008-10-17"))
        #expect(try !conditionHolds(#"{"StringEquals": {"k": "${aws:username}"}}"#, ["k": ["alice"], "aws:username": ["alice"]], version: "2008-10-17"))
    }

    @Test("Operator names parse", arguments: [
        ("ForAnyValue:StringLikeIfExists", true), ("StringEquals", true), ("NullIfExists", false), ("StringEqualz", false),
        ("ForSomeValues:StringEquals", false), ("IpAddressIfExists", true), ("stringequals", false),
    ])
    func operatorNames(name: String, valid: Bool) {
        let parsed = ConditionOperator(name: name)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == name) }
    }
}
