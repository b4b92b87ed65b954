/// The parameters of `ListObjectsV2`. A parameter that is `nil` was not sent, which matters for
/// the policy condition keys `s3:prefix`, `s3:delimiter` and `s3:max-keys`.
public struct ListObjectsV2Request: Sendable, Hashable {
    /// Only keys that begin with this prefix.
    public var prefix: String?
    /// Group keys that contain the delimiter after the prefix into `CommonPrefixes`.
    public var delimiter: String?
    /// At most this many keys and common prefixes (S3 caps it at 1,000, its default).
    public var maxKeys: Int?
    /// Start listing after this key.
    public var startAfter: String?
    /// The `NextContinuationToken` of the previous page; wins over `startAfter`.
    public var continuationToken: String?

    /// Creates a request.
    public init(prefix: String? = nil, delimiter: String? = nil, maxKeys: Int? = nil, startAfter: String? = nil, continuationToken: String? = nil) {
        self.prefix = prefix
        self.delimiter = delimiter
        self.maxKeys = maxKeys
        self.startAfter = startAfter
        self.continuationToken = continuationToken
    }

    /// S3's default and maximum page size.
    public static let defaultMaxKeys = 1000

    /// The page size actually used: `maxKeys` clamped to `0...1000`.
    public var effectiveMaxKeys: Int { min(max(maxKeys ?? Self.defaultMaxKeys, 0), Self.defaultMaxKeys) }
}
