#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One entry of `Contents` in a `ListObjectsV2` answer.
public struct ObjectSummary: Sendable, Hashable {
    /// The key.
    public var key: String
    /// `LastModified`.
    public var lastModified: Date
    /// `ETag`, quoted as S3 returns it.
    public var eTag: String
    /// `Size`.
    public var size: Int64
    /// `StorageClass`; always `STANDARD` here.
    public var storageClass: String = "STANDARD"

    /// Creates a summary.
    public init(key: String, lastModified: Date, eTag: String, size: Int64) {
        self.key = key
        self.lastModified = lastModified
        self.eTag = eTag
        self.size = size
    }

    init(_ metadata: ObjectMetadata) {
        self.init(key: metadata.key, lastModified: metadata.lastModified, eTag: metadata.eTag, size: metadata.size)
    }
}

/// What `ListObjectsV2` returns: mirrors S3's `ListBucketResult`.
public struct ListObjectsV2Output: Sendable, Hashable {
    /// `Name`: the bucket.
    public var name: String
    /// `Prefix`, echoed.
    public var prefix: String?
    /// `Delimiter`, echoed.
    public var delimiter: String?
    /// `MaxKeys` used.
    public var maxKeys: Int
    /// `StartAfter`, echoed.
    public var startAfter: String?
    /// `ContinuationToken`, echoed.
    public var continuationToken: String?
    /// `Contents`, in UTF-8 binary key order.
    public var contents: [ObjectSummary]
    /// `CommonPrefixes`, in order.
    public var commonPrefixes: [String]
    /// `IsTruncated`: more entries follow.
    public var isTruncated: Bool
    /// `NextContinuationToken`, when truncated.
    public var nextContinuationToken: String?

    /// `KeyCount`: keys plus common prefixes on this page.
    public var keyCount: Int { contents.count + commonPrefixes.count }
}
