import Foundation
import GRDB
import GlueCore
import GlueIAM
import Testing
@testable import GlueStorage

@Suite struct S3RequestMappingTests {
    static let options = PutObjectOptions(tags: ["team": "a"], serverSideEncryption: .awsKMS(keyID: "arn:aws:kms:us-east-1:123456789012:key/k"))

    @Test("Every S3 call maps to the actions and resources S3 authorizes")
    func mapping() {
        let cases: [(S3Request, [(String, String)])] = [
            (.createBucket(bucket: "b1x"), [("s3:CreateBucket", "arn:aws:s3:::b1x")]),
            (.deleteBucket(bucket: "b1x"), [("s3:DeleteBucket", "arn:aws:s3:::b1x")]),
            (.listBuckets, [("s3:ListAllMyBuckets", "*")]),
            (.headBucket(bucket: "b1x"), [("s3:ListBucket", "arn:aws:s3:::b1x")]),
            (.getBucketPolicy(bucket: "b1x"), [("s3:GetBucketPolicy", "arn:aws:s3:::b1x")]),
            (.putBucketPolicy(bucket: "b1x"), [("s3:PutBucketPolicy", "arn:aws:s3:::b1x")]),
            (.deleteBucketPolicy(bucket: "b1x"), [("s3:DeleteBucketPolicy", "arn:aws:s3:::b1x")]),
            (.putBucketEncryption(bucket: "b1x"), [("s3:PutEncryptionConfiguration", "arn:aws:s3:::b1x")]),
            (.deleteBucketEncryption(bucket: "b1x"), [("s3:PutEncryptionConfiguration", "arn:aws:s3:::b1x")]),
            (.putObject(bucket: "b1x", key: "a/k", options: .init()), [("s3:PutObject", "arn:aws:s3:::b1x/a/k")]),
            (.putObject(bucket: "b1x", key: "a/k", options: Self.options), [("s3:PutObject", "arn:aws:s3:::b1x/a/k"), ("s3:PutObjectTagging", "arn:aws:s3:::b1x/a/k")]),
            (.getObject(bucket: "b1x", key: "a/k"), [("s3:GetObject", "arn:aws:s3:::b1x/a/k")]),
            (.headObject(bucket: "b1x", key: "a/k"), [("s3:GetObject", "arn:aws:s3:::b1x/a/k")]),
            (.deleteObject(bucket: "b1x", key: "a/k"), [("s3:DeleteObject", "arn:aws:s3:::b1x/a/k")]),
            (.deleteObjects(bucket: "b1x", keys: ["x", "y"]), [("s3:DeleteObject", "arn:aws:s3:::b1x/x"), ("s3:DeleteObject", "arn:aws:s3:::b1x/y")]),
            (
                .copyObject(sourceBucket: "src", sourceKey: "s", bucket: "dst", key: "d", metadataDirective: .copy, options: .init()),
                [("s3:GetObject", "arn:aws:s3:::src/s"), ("s3:PutObject", "arn:aws:s3:::dst/d")]
            ),
            (.listObjectsV2(bucket: "b1x", request: .init(prefix: "p/")), [("s3:ListBucket", "arn:aws:s3:::b1x")]),
        ]
        for (request, expected) in cases {
            let checks = request.authorizationChecks
            #expect(checks.map(\.action) == expected.map(\.0), "\(request.operationName)")
            #expect(checks.map(\.resource) == expected.map(\.1), "\(request.operationName)")
        }
    }

    @Test("List parameters become s3:prefix, s3:delimiter, s3:max-keys only when sent")
    func listContext() {
        let none = S3Request.listObjectsV2(bucket: "b1x", request: .init()).authorizationChecks[0].context
        #expect(none.isEmpty)
        let all = S3Request.listObjectsV2(bucket: "b1x", request: .init(prefix: "", delimiter: "/", maxKeys: 10)).authorizationChecks[0].context
        #expect(all == ["s3:prefix": [""], "s3:delimiter": ["/"], "s3:max-keys": ["10"]])
        let put = S3Request.putObject(bucket: "b1x", key: "k", options: Self.options).authorizationChecks[0].context
        #expect(put["s3:x-amz-server-side-encryption"] == ["aws:kms"])
        #expect(put["s3:x-amz-server-side-encryption-aws-kms-key-id"] == ["arn:aws:kms:us-east-1:123456789012:key/k"])
        #expect(put["s3:RequestObjectTag/team"] == ["a"])
    }

    @Test("aws:CurrentTime is ISO 8601 UTC")
    func currentTime() {
        #expect(RequestEnvironment.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RequestEnvironment.iso8601(Date(timeIntervalSince1970: 1_795_867_200)) == "2026-11-28T12:00:00Z")
        #expect(RequestEnvironment.iso8601(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}

/// Denials through the enforcing store over a real local store: AWS's answers, nothing changed on disk.
@Suite struct PolicyEnforcingObjectStoreTests {
    static let account = AccountID.default
    static let roleSession = ARN.assumedRole(account: "123456789012", roleName: "job-role", sessionName: "GlueJobRunnerSession")

    struct Lake {
        let folder = TemporaryFolder()
        let local: LocalFileSystemObjectStore
        let keys: KMSKeyStore
        let database: DatabaseQueue

        init() throws {
            database = try DatabaseQueue()
            local = try LocalFileSystemObjectStore(lakeDirectory: folder.path + "/lake", database: database, synchronizesWrites: false)
            keys = try KMSKeyStore(database: database)
            try local.createBucket("source-bucket")
            try local.createBucket("target-bucket")
            try local.putObject(bucket: "source-bucket", key: "in/data.csv", bytes: Array("a,b\n1,2\n".utf8), options: PutObjectOptions(tags: ["class": "public"]))
            try local.putObject(bucket: "source-bucket", key: "secret/x", bytes: [1], options: PutObjectOptions(tags: ["class": "secret"]))
        }

        func store(_ policies: String..., environment: RequestEnvironment = RequestEnvironment()) throws -> PolicyEnforcingObjectStore {
            let documents = try policies.map { try PolicyDocument(json: $0) }
            let caller = CallerIdentity(arn: roleSession, accountID: "123456789012", policies: PolicySet(identityPolicies: documents))
            return PolicyEnforcingObjectStore(wrapping: local, caller: caller, kmsKeys: keys, environment: environment)
        }

        func snapshot() -> [String] { folder.snapshot("lake") }
    }

    static func policy(_ statements: String...) -> String {
        #"{"Version": "2012-10-17", "Statement": ["# + statements.joined(separator: ",") + "]}"
    }

    static let readSource = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::source-bucket/*"}"#
    static let listSource = #"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::source-bucket"}"#
    static let writeTarget = #"{"Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::target-bucket/*"}"#

    @Test("Allowed calls go through; denied ones answer AccessDenied with AWS's message and change nothing")
    func denials() throws {
        let lake = try Lake()
        let store = try lake.store(Self.policy(Self.readSource, Self.writeTarget))
        #expect(try store.getObjectBytes(bucket: "source-bucket", key: "in/data.csv").body == Array("a,b\n1,2\n".utf8))
        try store.putObject(bucket: "target-bucket", key: "out/part-0", bytes: [1])
        let before = lake.snapshot()
        do {
            try store.putObject(bucket: "source-bucket", key: "new", bytes: [1])
            Issue.record("put succeeded")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.operation == "PutObject")
            #expect(
                error.message
                    == #"User: arn:aws:sts::123456789012:assumed-role/job-role/GlueJobRunnerSession is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::source-bucket/new" because no identity-based policy allows the s3:PutObject action"#)
        }
        expectCode(.accessDenied) { try store.deleteObject(bucket: "source-bucket", key: "in/data.csv") }
        expectCode(.accessDenied) { _ = try store.listObjectsV2(bucket: "source-bucket", request: .init()) }
        expectCode(.accessDenied) { try store.copyObject(sourceBucket: "target-bucket", sourceKey: "out/part-0", bucket: "target-bucket", key: "copy") }
        expectCode(.accessDenied) { try store.copyObject(sourceBucket: "source-bucket", sourceKey: "in/data.csv", bucket: "source-bucket", key: "copy") }
        expectCode(.accessDenied) { try store.createBucket("another-bucket") }
        expectCode(.accessDenied) { try store.deleteBucket("target-bucket") }
        expectCode(.accessDenied) { try store.setBucketPolicy("target-bucket", policy: #"{"Version":"2012-10-17","Statement":[]}"#) }
        expectCode(.accessDenied) { _ = try store.listBuckets() }
        var failing = FailingSource(remaining: 10)
        expectCode(.accessDenied) { try store.putObject(bucket: "source-bucket", key: "streamed", body: &failing, options: .init()) }
        let session = try store.beginStagedWrite(bucket: "source-bucket")
        expectCode(.accessDenied) { try session.putObject(key: "staged", bytes: [1]) }
        session.abort()
        let result = try store.deleteObjects(bucket: "source-bucket", keys: ["in/data.csv"])
        #expect(result.errors.map(\.code) == ["AccessDenied"])
        #expect(lake.snapshot() == before)
        // Copy with both sides allowed works.
        try store.copyObject(sourceBucket: "source-bucket", sourceKey: "in/data.csv", bucket: "target-bucket", key: "copy.csv")
    }

    @Test("A missing key is NoSuchKey only for callers who may list the bucket")
    func missingKeys() throws {
        let lake = try Lake()
        let withoutList = try lake.store(Self.policy(Self.readSource))
        do {
            _ = try withoutList.headObject(bucket: "source-bucket", key: "missing")
            Issue.record("head succeeded")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message.contains("s3:ListBucket"))
        }
        expectCode(.accessDenied) { _ = try withoutList.getObjectBytes(bucket: "source-bucket", key: "missing") }
        let withList = try lake.store(Self.policy(Self.readSource, Self.listSource))
        expectCode(.noSuchKey) { _ = try withList.headObject(bucket: "source-bucket", key: "missing") }
        expectCode(.noSuchKey) { _ = try withList.getObjectBytes(bucket: "source-bucket", key: "missing") }
        // Not allowed to read at all: AccessDenied for GetObject whether or not the key exists.
        let nothing = try lake.store(Self.policy(Self.listSource))
        expectCode(.accessDenied) { _ = try nothing.headObject(bucket: "source-bucket", key: "missing") }
        expectCode(.noSuchBucket) { _ = try nothing.headObject(bucket: "no-such-bucket", key: "x") }
    }

    @Test("Bucket policy: explicit deny wins, Allow grants, cross-account callers get plain Access Denied")
    func bucketPolicies() throws {
        let lake = try Lake()
        try lake.local.setBucketPolicy(
            "source-bucket",
            policy: Self.policy(
                #"{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::source-bucket/secret/*"}"#,
                #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/job-role"}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::source-bucket"}"#
            ))
        let store = try lake.store(Self.policy(Self.readSource))
        do {
            _ = try store.getObjectBytes(bucket: "source-bucket", key: "secret/x")
            Issue.record("read succeeded")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message.hasSuffix("with an explicit deny in a resource-based policy"))
        }
        // The bucket policy alone grants ListBucket to the role.
        #expect(try store.listObjectsV2(bucket: "source-bucket", request: .init()).keyCount == 2)

        let foreign = try AccountID("444455556666")
        try lake.local.createBucket("foreign-bucket", options: CreateBucketOptions(ownerAccount: foreign))
        try lake.local.putObject(bucket: "foreign-bucket", key: "x", bytes: [1])
        let broad = try lake.store(Self.policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#))
        do {
            _ = try broad.getObjectBytes(bucket: "foreign-bucket", key: "x")
            Issue.record("cross-account read succeeded without a bucket policy")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message == "Access Denied")
        }
        try lake.local.setBucketPolicy(
            "foreign-bucket",
            policy: Self.policy(#"{"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::foreign-bucket/*"}"#))
        #expect(try broad.getObjectBytes(bucket: "foreign-bucket", key: "x").body == [1])
    }

    @Test("Conditions see the request context: tags, prefixes, source IP, transport")
    func conditions() throws {
        let lake = try Lake()
        let tagged = try lake.store(
            Self.policy(
                #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::source-bucket/*", "Condition": {"StringEquals": {"s3:ExistingObjectTag/class": "public"}}}"#
            ))
        #expect(try tagged.headObject(bucket: "source-bucket", key: "in/data.csv").size == 8)
        expectCode(.accessDenied) { _ = try tagged.headObject(bucket: "source-bucket", key: "secret/x") }

        let prefixed = try lake.store(
            Self.policy(
                #"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::source-bucket", "Condition": {"StringLike": {"s3:prefix": ["in/*"]}}}"#
            ))
        #expect(try prefixed.listObjectsV2(bucket: "source-bucket", request: .init(prefix: "in/")).keyCount == 1)
        expectCode(.accessDenied) { _ = try prefixed.listObjectsV2(bucket: "source-bucket", request: .init(prefix: "secret/")) }
        expectCode(.accessDenied) { _ = try prefixed.listObjectsV2(bucket: "source-bucket", request: .init()) }

        let ipBound = Self.policy(
            Self.readSource,
            #"{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#)
        expectCode(.accessDenied) { _ = try lake.store(ipBound).headObject(bucket: "source-bucket", key: "in/data.csv") }
        #expect(try lake.store(ipBound, environment: RequestEnvironment(sourceIP: "10.1.2.3")).headObject(bucket: "source-bucket", key: "in/data.csv").size == 8)
        expectCode(.accessDenied) { _ = try lake.store(ipBound, environment: RequestEnvironment(sourceIP: nil)).headObject(bucket: "source-bucket", key: "in/data.csv") }

        let tls = Self.policy(
            Self.readSource, #"{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#)
        #expect(try lake.store(tls).headObject(bucket: "source-bucket", key: "in/data.csv").size == 8)
        expectCode(.accessDenied) { _ = try lake.store(tls, environment: RequestEnvironment(secureTransport: false)).headObject(bucket: "source-bucket", key: "in/data.csv") }
    }

    @Test("The seed job policy's malformed target ARN denies the write, and nothing lands")
    func seedPolicy() throws {
        let lake = try Lake()
        let store = try lake.store(
            Self.policy(
                #"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::source-bucket/*", "arn:aws:s3::target-bucket/*"]}"#,
                #"{"Effect": "Allow", "Action": "s3:List*", "Resource": ["arn:aws:s3:::source-bucket", "arn:aws:s3:::target-bucket"]}"#
            ))
        let before = lake.snapshot()
        let session = try store.beginStagedWrite(bucket: "target-bucket")
        expectCode(.accessDenied) { try session.putObject(key: "run-1/part-00000.csv", bytes: [1]) }
        session.abort()
        #expect(lake.snapshot() == before)
        #expect(try store.listObjectsV2(bucket: "target-bucket", request: .init()).keyCount == 0)
    }

    @Test("SSE-KMS: writing needs kms:GenerateDataKey, reading needs kms:Decrypt, with the key policy")
    func kms() throws {
        let lake = try Lake()
        let key = try lake.keys.createKey(description: "lake key")
        #expect(key.arn == "arn:aws:kms:us-east-1:123456789012:key/\(key.keyID)")
        #expect(try lake.keys.listKeys().map(\.keyArn) == [key.arn])
        let sse = PutObjectOptions(serverSideEncryption: .awsKMS(keyID: key.keyID))
        let s3Only = try lake.store(Self.policy(Self.readSource, Self.writeTarget))
        let before = lake.snapshot()
        do {
            try s3Only.putObject(bucket: "target-bucket", key: "enc", bytes: [1], options: sse)
            Issue.record("put without kms:GenerateDataKey succeeded")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message.contains("kms:GenerateDataKey"))
        }
        #expect(lake.snapshot() == before)

        let withKMS = try lake.store(
            Self.policy(Self.readSource, Self.writeTarget, #"{"Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "\#(key.arn)"}"#))
        let written = try withKMS.putObject(bucket: "target-bucket", key: "enc", bytes: [1], options: sse)
        #expect(written.serverSideEncryption == .awsKMS(keyID: key.arn))
        #expect(try lake.local.headObject(bucket: "target-bucket", key: "enc").serverSideEncryption == .awsKMS(keyID: key.arn))

        try lake.local.copyObject(sourceBucket: "target-bucket", sourceKey: "enc", bucket: "source-bucket", key: "enc")
        try lake.local.putObject(bucket: "source-bucket", key: "enc", bytes: [1], options: sse)
        expectCode(.accessDenied) { _ = try s3Only.getObjectBytes(bucket: "source-bucket", key: "enc") }
        #expect(try s3Only.headObject(bucket: "source-bucket", key: "enc").size == 1)  // HeadObject needs no kms:Decrypt
        #expect(try withKMS.getObjectBytes(bucket: "source-bucket", key: "enc").body == [1])

        // A key policy that does not delegate to the account denies even with identity permission.
        try lake.keys.putKeyPolicy(
            key.keyID,
            policy: Self.policy(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/other-role"}, "Action": "kms:*", "Resource": "*"}"#))
        expectCode(.accessDenied) { _ = try withKMS.getObjectBytes(bucket: "source-bucket", key: "enc") }

        // A bucket default key applies to puts without SSE headers.
        try lake.local.setBucketDefaultKMSKey("target-bucket", keyID: key.arn)
        expectCode(.accessDenied) { try withKMS.putObject(bucket: "target-bucket", key: "plain", bytes: [1]) }
        expectCode(.kmsNotFound) {
            try withKMS.putObject(bucket: "target-bucket", key: "x", bytes: [1], options: PutObjectOptions(serverSideEncryption: .awsKMS(keyID: "nope")))
        }
        expectCode(.notFound) { _ = try lake.keys.describeKey("0000") }
    }

    @Test("Bucket policies are validated before they are stored")
    func bucketPolicyValidation() throws {
        expectCode(.malformedPolicy) { try PolicyEnforcingObjectStore.validateBucketPolicy("{", bucket: "b1x") }
        expectCode(.malformedPolicy) {
            try PolicyEnforcingObjectStore.validateBucketPolicy(Self.policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b1x/*"}"#), bucket: "b1x")
        }
        expectCode(.malformedPolicy) {
            try PolicyEnforcingObjectStore.validateBucketPolicy(
                Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::other/*"}"#), bucket: "b1x")
        }
        try PolicyEnforcingObjectStore.validateBucketPolicy(
            Self.policy(#"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b1x/*"}"#), bucket: "b1x")
    }
}
