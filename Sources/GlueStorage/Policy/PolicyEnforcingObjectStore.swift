#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GlueCore
import GlueIAM
import Synchronization

/// An ``ObjectStore`` decorator that authorizes every call as S3 does, before any side effect.
///
/// For each call it builds the request context (principal, action, resource ARN, `s3:prefix`,
/// `s3:delimiter`, `s3:max-keys`, `aws:SourceIp`, `aws:CurrentTime`, `aws:SecureTransport`,
/// `aws:PrincipalAccount`, `aws:ResourceAccount`, `s3:ExistingObjectTag/*`, ...), maps the call to
/// the actions S3 checks (``S3Request/authorizationChecks``), and evaluates them with the caller's
/// policies, the bucket policy and the bucket owner's account. A denied call throws `AccessDenied`
/// with AWS's message and changes nothing.
///
/// - A missing key answers `NoSuchKey` only when the caller may `s3:ListBucket` the bucket,
///   otherwise `AccessDenied`, as S3 does.
/// - SSE-KMS: writing an `aws:kms` object needs `kms:GenerateDataKey` on its key, reading one needs
///   `kms:Decrypt`, each decided with the identity policies and the key policy.
public final class PolicyEnforcingObjectStore: ObjectStore {
    /// The store that holds the objects.
    public let base: any ObjectStore
    /// Who is calling.
    public let caller: CallerIdentity
    /// The lake's KMS keys, for SSE-KMS objects; `nil` refuses `aws:kms` writes with a named key.
    public let kmsKeys: KMSKeyStore?
    /// Source address, transport and clock of the requests.
    public let environment: RequestEnvironment
    private let policyCache = Mutex<[String: PolicyDocument]>([:])

    /// Wraps `base` so that every call is authorized for `caller`.
    public init(wrapping base: any ObjectStore, caller: CallerIdentity, kmsKeys: KMSKeyStore? = nil, environment: RequestEnvironment = RequestEnvironment()) {
        self.base = base
        self.caller = caller
        self.kmsKeys = kmsKeys
        self.environment = environment
    }

    // MARK: Authorization

    /// The global condition keys of every request.
    func globalContext(resourceAccount: String) -> [String: [String]] {
        let now = environment.now()
        var context: [String: [String]] = [
            "aws:PrincipalArn": [principalARNForContext],
            "aws:PrincipalAccount": [caller.accountID],
            "aws:ResourceAccount": [resourceAccount],
            "aws:SecureTransport": [environment.secureTransport ? "true" : "false"],
            "aws:CurrentTime": [RequestEnvironment.iso8601(now)],
            "aws:EpochTime": [String(Int64(now.timeIntervalSince1970.rounded(.down)))],
        ]
        if let ip = environment.sourceIP { context["aws:SourceIp"] = [ip] }
        if caller.arn.service == "sts", caller.arn.resource.hasPrefix("assumed-role/") {
            context["aws:PrincipalType"] = ["AssumedRole"]
        } else if caller.arn.resource == "root" {
            context["aws:PrincipalType"] = ["Account"]
        }
        return context
    }

    /// `aws:PrincipalArn`: the role's ARN for a role session, else the caller's ARN.
    var principalARNForContext: String {
        if caller.arn.service == "sts", caller.arn.resource.hasPrefix("assumed-role/") {
            let parts = caller.arn.resource.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count >= 2 { return ARN.iamRole(account: caller.arn.account, name: String(parts[1])).description }
        }
        return caller.arn.description
    }

    /// The parsed policy of a stored text (cached; stored policies were validated when put).
    func document(_ text: String?) throws(GlueError) -> PolicyDocument? {
        guard let text else { return nil }
        if let cached = policyCache.withLock({ $0[text] }) { return cached }
        let parsed: PolicyDocument
        do { parsed = try PolicyDocument(json: text) } catch {
            throw GlueError(.internalError, "A stored policy no longer parses: \(error.message)")
        }
        policyCache.withLock { $0[text] = parsed }
        return parsed
    }

    /// Decides one check; returns the result without throwing.
    func decide(_ check: S3AuthorizationCheck, extraContext: [String: [String]] = [:]) throws(GlueError) -> (AuthorizationResult, resourceAccount: String) {
        var resourceAccount = caller.accountID
        var policy: PolicyDocument?
        if let bucket = check.bucket {
            let info = try base.bucketInfo(bucket)
            resourceAccount = info.ownerAccount.rawValue
            policy = try document(base.bucketPolicy(bucket))
        }
        var context = globalContext(resourceAccount: resourceAccount)
        context.merge(check.context) { $1 }
        context.merge(extraContext) { $1 }
        let result = caller.authorize(
            action: check.action, resource: check.resource, context: context, resourceAccount: resourceAccount, resourcePolicy: policy)
        return (result, resourceAccount)
    }

    /// Authorizes one check or throws S3's `AccessDenied`.
    func require(_ check: S3AuthorizationCheck, operation: String, extraContext: [String: [String]] = [:]) throws(GlueError) {
        let (result, resourceAccount) = try decide(check, extraContext: extraContext)
        guard result.decision.isAllowed else { throw accessDenied(result, operation: operation, resourceAccount: resourceAccount) }
    }

    func accessDenied(_ result: AuthorizationResult, operation: String, resourceAccount: String) -> GlueError {
        // S3 explains denials only to callers of the resource's own account.
        let message = resourceAccount == caller.accountID ? result.denialMessage() : "Access Denied"
        return GlueError(.accessDenied, message, operation: operation)
    }

    /// `s3:ExistingObjectTag/*` of a stored object.
    static func tagContext(_ metadata: ObjectMetadata?) -> [String: [String]] {
        var context: [String: [String]] = [:]
        for (key, value) in metadata?.tags ?? [:] { context["s3:ExistingObjectTag/\(key)"] = [value] }
        return context
    }

    /// Authorizes reading `key` and returns its metadata, answering a missing key as S3 does.
    func authorizeRead(bucket: String, key: String, operation: String) throws(GlueError) -> ObjectMetadata {
        try ObjectKey.validate(key)
        _ = try base.bucketInfo(bucket)
        var existing: ObjectMetadata?
        do throws(GlueError) {
            existing = try base.headObject(bucket: bucket, key: key)
        } catch where error.code == .noSuchKey {
            existing = nil
        }
        let check = S3AuthorizationCheck(action: "s3:GetObject", resource: ARN.s3Object(bucket: bucket, key: key).description, bucket: bucket, context: [:])
        try require(check, operation: operation, extraContext: Self.tagContext(existing))
        guard let existing else {
            let list = S3AuthorizationCheck(action: "s3:ListBucket", resource: ARN.s3Bucket(bucket).description, bucket: bucket, context: [:])
            let (result, resourceAccount) = try decide(list)
            guard result.decision.isAllowed else {
                // Without s3:ListBucket S3 does not reveal that the key is missing.
                var denial = try decide(check, extraContext: [:]).0
                if denial.decision.isAllowed { denial = result }
                throw accessDenied(result.decision.isAllowed ? denial : result, operation: operation, resourceAccount: resourceAccount)
            }
            throw GlueError.noSuchKey(key).during(operation)
        }
        return existing
    }

    /// Authorizes `kms:Decrypt` or `kms:GenerateDataKey` on the key of an SSE-KMS object.
    ///
    /// - Returns: the key's ARN (S3 records the ARN even when given an ID).
    @discardableResult
    func authorizeKMS(action: String, keyID: String?, operation: String) throws(GlueError) -> String? {
        guard let keyID else { return nil }  // the AWS managed key aws/s3
        guard let kmsKeys else {
            throw GlueError(.kmsNotFound, "Invalid keyId \(keyID)", operation: operation)
        }
        let key: KMSKeyMetadata
        let policyText: String
        do throws(GlueError) {
            key = try kmsKeys.describeKey(keyID)
            policyText = try kmsKeys.keyPolicy(key.keyID)
        } catch where error.code == .notFound {
            throw GlueError(.kmsNotFound, "Invalid keyId \(keyID)", operation: operation)
        }
        let policy = try document(policyText)
        var context = globalContext(resourceAccount: key.awsAccountID)
        context["kms:ViaService"] = ["s3.\(kmsKeys.region).amazonaws.com"]
        context["kms:CallerAccount"] = [caller.accountID]
        let result = caller.authorize(action: action, resource: key.arn, context: context, resourceAccount: key.awsAccountID, resourcePolicy: policy)
        guard result.decision.isAllowed else {
            throw accessDenied(result, operation: operation, resourceAccount: caller.accountID)
        }
        return key.arn
    }

    /// The encryption a new object in `bucket` gets, with the KMS key authorized for writing.
    func authorizeEncryption(_ requested: ServerSideEncryption?, bucket: String, operation: String) throws(GlueError) -> ServerSideEncryption? {
        let bucketDefault = try base.bucketInfo(bucket).defaultKMSKeyID.map { ServerSideEncryption.awsKMS(keyID: $0) }
        let effective = requested ?? bucketDefault
        guard case .awsKMS(let keyID) = effective else { return effective }
        let arn = try authorizeKMS(action: "kms:GenerateDataKey", keyID: keyID, operation: operation)
        return .awsKMS(keyID: arn)
    }

    // MARK: Buckets

    @discardableResult
    public func createBucket(_ bucket: String, options: CreateBucketOptions) throws(GlueError) -> BucketInfo {
        let request = S3Request.createBucket(bucket: bucket)
        _ = try BucketName(bucket)
        for check in request.authorizationChecks {
            let context = globalContext(resourceAccount: options.ownerAccount?.rawValue ?? caller.accountID)
            let result = caller.authorize(action: check.action, resource: check.resource, context: context, resourceAccount: caller.accountID)
            guard result.decision.isAllowed else { throw accessDenied(result, operation: request.operationName, resourceAccount: caller.accountID) }
        }
        return try base.createBucket(bucket, options: options)
    }

    public func deleteBucket(_ bucket: String) throws(GlueError) {
        try authorize(.deleteBucket(bucket: bucket))
        try base.deleteBucket(bucket)
    }

    public func listBuckets() throws(GlueError) -> [BucketInfo] {
        try authorize(.listBuckets)
        let all = try base.listBuckets()
        // S3 lists the buckets the caller's account owns; the lake's administrator sees every bucket.
        return caller.isAccountAdministrator ? all : all.filter { $0.ownerAccount.rawValue == caller.accountID }
    }

    public func bucketInfo(_ bucket: String) throws(GlueError) -> BucketInfo {
        try authorize(.headBucket(bucket: bucket))
        return try base.bucketInfo(bucket)
    }

    public func bucketPolicy(_ bucket: String) throws(GlueError) -> String? {
        try authorize(.getBucketPolicy(bucket: bucket))
        return try base.bucketPolicy(bucket)
    }

    public func setBucketPolicy(_ bucket: String, policy: String?) throws(GlueError) {
        if let policy {
            try authorize(.putBucketPolicy(bucket: bucket))
            try Self.validateBucketPolicy(policy, bucket: bucket)
        } else {
            try authorize(.deleteBucketPolicy(bucket: bucket))
        }
        try base.setBucketPolicy(bucket, policy: policy)
    }

    public func setBucketDefaultKMSKey(_ bucket: String, keyID: String?) throws(GlueError) {
        try authorize(keyID == nil ? .deleteBucketEncryption(bucket: bucket) : .putBucketEncryption(bucket: bucket))
        var arn = keyID
        if let keyID, let kmsKeys {
            do throws(GlueError) {
                arn = try kmsKeys.describeKey(keyID).arn
            } catch where error.code == .notFound {
                throw GlueError(.kmsNotFound, "Invalid keyId \(keyID)", operation: "PutBucketEncryption")
            }
        }
        try base.setBucketDefaultKMSKey(bucket, keyID: arn)
    }

    /// Checks a bucket policy as S3's `PutBucketPolicy` does: it parses, every statement names a
    /// principal, and every resource is this bucket or an object in it.
    ///
    /// - Throws: `MalformedPolicy` with S3's wording.
    public static func validateBucketPolicy(_ text: String, bucket: String) throws(GlueError) {
        let document: PolicyDocument
        do { document = try PolicyDocument(json: text) } catch {
            throw GlueError(.malformedPolicy, error.message)
        }
        for statement in document.statements {
            guard statement.principals != nil else {
                throw GlueError(.malformedPolicy, "Missing required field Principal")
            }
            guard let resources = statement.resources, !resources.isEmpty else {
                throw GlueError(.malformedPolicy, "Missing required field Resource")
            }
            for resource in resources {
                let bucketARN = ARN.s3Bucket(bucket).description
                guard resource == bucketARN || resource.hasPrefix(bucketARN + "/") || resource == "*" || resource == "arn:aws:s3:::*" else {
                    throw GlueError(.malformedPolicy, "Policy has invalid resource")
                }
            }
        }
    }

    private func authorize(_ request: S3Request) throws(GlueError) {
        if let bucket = request.bucketName { _ = try base.bucketInfo(bucket) }
        for check in request.authorizationChecks {
            try require(check, operation: request.operationName)
        }
    }

    // MARK: Objects

    @discardableResult
    public func putObject(bucket: String, key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        let options = try authorizePut(bucket: bucket, key: key, options: options, operation: "PutObject")
        return try base.putObject(bucket: bucket, key: key, body: &body, options: options)
    }

    /// Authorizes a put (S3 and KMS) and returns the options with the KMS key as an ARN.
    func authorizePut(bucket: String, key: String, options: PutObjectOptions, operation: String) throws(GlueError) -> PutObjectOptions {
        try ObjectKey.validate(key)
        try options.validate()
        try authorize(.putObject(bucket: bucket, key: key, options: options))
        var resolved = options
        resolved.serverSideEncryption = try authorizeEncryption(options.serverSideEncryption, bucket: bucket, operation: operation)
        return resolved
    }

    @discardableResult
    public func getObject(
        bucket: String, key: String, range: ByteRange?, consume: (UnsafeRawBufferPointer) throws(GlueError) -> Void
    ) throws(GlueError) -> ObjectMetadata {
        let existing = try authorizeRead(bucket: bucket, key: key, operation: "GetObject")
        if case .awsKMS(let keyID) = existing.serverSideEncryption {
            try authorizeKMS(action: "kms:Decrypt", keyID: keyID, operation: "GetObject")
        }
        // A concurrent overwrite between this check and the read is served like S3 serves a
        // read that races a put: the reader gets one whole version.
        return try base.getObject(bucket: bucket, key: key, range: range, consume: consume)
    }

    public func headObject(bucket: String, key: String) throws(GlueError) -> ObjectMetadata {
        try authorizeRead(bucket: bucket, key: key, operation: "HeadObject")
    }

    public func deleteObject(bucket: String, key: String) throws(GlueError) {
        try ObjectKey.validate(key)
        try authorize(.deleteObject(bucket: bucket, key: key))
        try base.deleteObject(bucket: bucket, key: key)
    }

    @discardableResult
    public func copyObject(
        sourceBucket: String, sourceKey: String, bucket: String, key: String, metadataDirective: MetadataDirective, options: PutObjectOptions
    ) throws(GlueError) -> ObjectMetadata {
        try ObjectKey.validate(key)
        let source = try authorizeRead(bucket: sourceBucket, key: sourceKey, operation: "CopyObject")
        if case .awsKMS(let keyID) = source.serverSideEncryption {
            try authorizeKMS(action: "kms:Decrypt", keyID: keyID, operation: "CopyObject")
        }
        let request = S3Request.copyObject(
            sourceBucket: sourceBucket, sourceKey: sourceKey, bucket: bucket, key: key, metadataDirective: metadataDirective, options: options)
        _ = try base.bucketInfo(bucket)
        for check in request.authorizationChecks.dropFirst() { try require(check, operation: "CopyObject") }
        var resolved = options
        resolved.serverSideEncryption = try authorizeEncryption(options.serverSideEncryption, bucket: bucket, operation: "CopyObject")
        return try base.copyObject(
            sourceBucket: sourceBucket, sourceKey: sourceKey, bucket: bucket, key: key, metadataDirective: metadataDirective, options: resolved)
    }

    public func listObjectsV2(bucket: String, request: ListObjectsV2Request) throws(GlueError) -> ListObjectsV2Output {
        try authorize(.listObjectsV2(bucket: bucket, request: request))
        return try base.listObjectsV2(bucket: bucket, request: request)
    }

    public func beginStagedWrite(bucket: String) throws(GlueError) -> any StagedWriteSession {
        let session = try base.beginStagedWrite(bucket: bucket)
        return PolicyEnforcingStagedWriteSession(store: self, session: session)
    }
}

/// A staged session whose every put is authorized as `PutObject` before anything is written.
final class PolicyEnforcingStagedWriteSession: StagedWriteSession {
    private let store: PolicyEnforcingObjectStore
    private let session: any StagedWriteSession

    init(store: PolicyEnforcingObjectStore, session: any StagedWriteSession) {
        self.store = store
        self.session = session
    }

    var bucket: String { session.bucket }

    @discardableResult
    func putObject(key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        let resolved = try store.authorizePut(bucket: session.bucket, key: key, options: options, operation: "PutObject")
        return try session.putObject(key: key, body: &body, options: resolved)
    }

    var stagedKeys: [String] { session.stagedKeys }

    @discardableResult
    func commit() throws(GlueError) -> [String] { try session.commit() }

    func abort() { session.abort() }
}

extension S3Request {
    /// The bucket the request addresses (the destination for a copy).
    var bucketName: String? {
        switch self {
        case .listBuckets: nil
        case .createBucket(let bucket), .deleteBucket(let bucket), .headBucket(let bucket), .getBucketPolicy(let bucket),
            .putBucketPolicy(let bucket), .deleteBucketPolicy(let bucket), .putBucketEncryption(let bucket), .deleteBucketEncryption(let bucket):
            bucket
        case .putObject(let bucket, _, _), .getObject(let bucket, _), .headObject(let bucket, _), .deleteObject(let bucket, _),
            .deleteObjects(let bucket, _), .listObjectsV2(let bucket, _):
            bucket
        case .copyObject(_, _, let bucket, _, _, _): bucket
        }
    }
}

extension GlueError.Code {
    /// S3's answer when the SSE-KMS key does not exist.
    public static let kmsNotFound = Self("KMS.NotFoundException")
}
