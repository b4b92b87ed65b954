#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GlueCore

/// One bucket as `ListBuckets` returns it, with what LocalGlue needs to authorize calls on it.
public struct BucketInfo: Sendable, Hashable {
    /// The bucket's name.
    public var name: BucketName
    /// `CreationDate`.
    public var creationDate: Date
    /// The account that owns the bucket (the resource account of every call on it).
    public var ownerAccount: AccountID
    /// The folder mounted as the bucket, when it is not under the lake's `buckets/`.
    public var mountedPath: String?
    /// The default SSE-KMS key of the bucket (`PutBucketEncryption`), when one is set.
    public var defaultKMSKeyID: String?

    /// Creates bucket information.
    public init(name: BucketName, creationDate: Date, ownerAccount: AccountID, mountedPath: String? = nil, defaultKMSKeyID: String? = nil) {
        self.name = name
        self.creationDate = creationDate
        self.ownerAccount = ownerAccount
        self.mountedPath = mountedPath
        self.defaultKMSKeyID = defaultKMSKeyID
    }
}

/// The options of `CreateBucket` that LocalGlue understands.
public struct CreateBucketOptions: Sendable, Hashable {
    /// The owner; `nil` means the store's default account.
    public var ownerAccount: AccountID?
    /// An existing folder to mount as the bucket (`localglue s3 mb s3://b --path DIR`).
    public var mountedPath: String?

    /// Creates bucket options.
    public init(ownerAccount: AccountID? = nil, mountedPath: String? = nil) {
        self.ownerAccount = ownerAccount
        self.mountedPath = mountedPath
    }
}
