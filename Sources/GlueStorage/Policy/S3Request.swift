import GlueCore

/// One S3 API call as the authorizer sees it, before any side effect.
public enum S3Request: Sendable, Hashable {
    case createBucket(bucket: String)
    case deleteBucket(bucket: String)
    case listBuckets
    case headBucket(bucket: String)
    case getBucketPolicy(bucket: String)
    case putBucketPolicy(bucket: String)
    case deleteBucketPolicy(bucket: String)
    case putBucketEncryption(bucket: String)
    case deleteBucketEncryption(bucket: String)
    case putObject(bucket: String, key: String, options: PutObjectOptions)
    case getObject(bucket: String, key: String)
    case headObject(bucket: String, key: String)
    case deleteObject(bucket: String, key: String)
    case deleteObjects(bucket: String, keys: [String])
    case copyObject(sourceBucket: String, sourceKey: String, bucket: String, key: String, metadataDirective: MetadataDirective, options: PutObjectOptions)
    case listObjectsV2(bucket: String, request: ListObjectsV2Request)

    /// The API operation's name, as error messages print it (`PutObject`).
    public var operationName: String {
        switch self {
        case .createBucket: "CreateBucket"
        case .deleteBucket: "DeleteBucket"
        case .listBuckets: "ListBuckets"
        case .headBucket: "HeadBucket"
        case .getBucketPolicy: "GetBucketPolicy"
        case .putBucketPolicy: "PutBucketPolicy"
        case .deleteBucketPolicy: "DeleteBucketPolicy"
        case .putBucketEncryption: "PutBucketEncryption"
        case .deleteBucketEncryption: "DeleteBucketEncryption"
        case .putObject: "PutObject"
        case .getObject: "GetObject"
        case .headObject: "HeadObject"
        case .deleteObject: "DeleteObject"
        case .deleteObjects: "DeleteObjects"
        case .copyObject: "CopyObject"
        case .listObjectsV2: "ListObjectsV2"
        }
    }

    /// The authorizations S3 performs for this call, in order (the S3 columns of the service
    /// authorization reference): action, resource ARN, and the request's own condition keys.
    ///
    /// Object-state checks come on top and are added by ``PolicyEnforcingObjectStore``:
    /// `s3:ExistingObjectTag/*` from the stored object, `s3:ListBucket` before revealing a missing
    /// key, and `kms:Decrypt` / `kms:GenerateDataKey` for SSE-KMS objects.
    public var authorizationChecks: [S3AuthorizationCheck] {
        func bucketCheck(_ action: String, _ bucket: String, _ context: [String: [String]] = [:]) -> S3AuthorizationCheck {
            S3AuthorizationCheck(action: action, resource: ARN.s3Bucket(bucket).description, bucket: bucket, context: context)
        }
        func objectCheck(_ action: String, _ bucket: String, _ key: String, _ context: [String: [String]] = [:]) -> S3AuthorizationCheck {
            S3AuthorizationCheck(action: action, resource: ARN.s3Object(bucket: bucket, key: key).description, bucket: bucket, context: context)
        }
        switch self {
        case .createBucket(let bucket): return [bucketCheck("s3:CreateBucket", bucket)]
        case .deleteBucket(let bucket): return [bucketCheck("s3:DeleteBucket", bucket)]
        case .listBuckets: return [S3AuthorizationCheck(action: "s3:ListAllMyBuckets", resource: "*", bucket: nil, context: [:])]
        case .headBucket(let bucket): return [bucketCheck("s3:ListBucket", bucket)]
        case .getBucketPolicy(let bucket): return [bucketCheck("s3:GetBucketPolicy", bucket)]
        case .putBucketPolicy(let bucket): return [bucketCheck("s3:PutBucketPolicy", bucket)]
        case .deleteBucketPolicy(let bucket): return [bucketCheck("s3:DeleteBucketPolicy", bucket)]
        case .putBucketEncryption(let bucket), .deleteBucketEncryption(let bucket):
            return [bucketCheck("s3:PutEncryptionConfiguration", bucket)]
        case .putObject(let bucket, let key, let options):
            var checks = [objectCheck("s3:PutObject", bucket, key, Self.putContext(options))]
            if !options.tags.isEmpty { checks.append(objectCheck("s3:PutObjectTagging", bucket, key, Self.tagContext(options))) }
            return checks
        case .getObject(let bucket, let key), .headObject(let bucket, let key):
            return [objectCheck("s3:GetObject", bucket, key)]
        case .deleteObject(let bucket, let key):
            return [objectCheck("s3:DeleteObject", bucket, key)]
        case .deleteObjects(let bucket, let keys):
            return keys.map { objectCheck("s3:DeleteObject", bucket, $0) }
        case .copyObject(let sourceBucket, let sourceKey, let bucket, let key, let directive, let options):
            var checks = [
                objectCheck("s3:GetObject", sourceBucket, sourceKey),
                objectCheck("s3:PutObject", bucket, key, Self.putContext(options).merging(["s3:x-amz-metadata-directive": [directive.rawValue]]) { $1 }),
            ]
            if directive == .replace, !options.tags.isEmpty { checks.append(objectCheck("s3:PutObjectTagging", bucket, key, Self.tagContext(options))) }
            return checks
        case .listObjectsV2(let bucket, let request):
            var context: [String: [String]] = [:]
            if let prefix = request.prefix { context["s3:prefix"] = [prefix] }
            if let delimiter = request.delimiter { context["s3:delimiter"] = [delimiter] }
            if let maxKeys = request.maxKeys { context["s3:max-keys"] = [String(maxKeys)] }
            return [bucketCheck("s3:ListBucket", bucket, context)]
        }
    }

    static func putContext(_ options: PutObjectOptions) -> [String: [String]] {
        var context: [String: [String]] = [:]
        if let encryption = options.serverSideEncryption {
            context["s3:x-amz-server-side-encryption"] = [encryption.headerValue]
            if let key = encryption.kmsKeyID { context["s3:x-amz-server-side-encryption-aws-kms-key-id"] = [key] }
        }
        return context.merging(tagContext(options)) { $1 }
    }

    static func tagContext(_ options: PutObjectOptions) -> [String: [String]] {
        guard !options.tags.isEmpty else { return [:] }
        var context: [String: [String]] = ["s3:RequestObjectTagKeys": options.tags.keys.sorted()]
        for (key, value) in options.tags { context["s3:RequestObjectTag/\(key)"] = [value] }
        return context
    }
}

/// One authorization S3 performs: an action on a resource, with the request's condition keys.
public struct S3AuthorizationCheck: Sendable, Hashable {
    /// The IAM action, such as `s3:GetObject`.
    public var action: String
    /// The resource ARN (`arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key`), or `*`.
    public var resource: String
    /// The bucket whose owner and policy apply; `nil` for account-level actions.
    public var bucket: String?
    /// Condition keys specific to this request (global keys are added by the enforcer).
    public var context: [String: [String]]
}
