#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What S3 returns about one object: mirrors the headers of `HeadObject`.
public struct ObjectMetadata: Sendable, Hashable {
    /// The object's key.
    public var key: String
    /// `Content-Length` of the whole object.
    public var size: Int64
    /// The ETag as S3 returns it: the MD5 hex of the body in double quotes, for single-part puts.
    public var eTag: String
    /// `Last-Modified`.
    public var lastModified: Date
    /// `Content-Type`; S3's default is `binary/octet-stream`.
    public var contentType: String
    /// User metadata (`x-amz-meta-*`), keys in lower case.
    public var metadata: [String: String]
    /// The object's tags (`x-amz-tagging`).
    public var tags: [String: String]
    /// How the object is encrypted at rest, when it is.
    public var serverSideEncryption: ServerSideEncryption?

    /// Creates object metadata.
    public init(
        key: String, size: Int64, eTag: String, lastModified: Date, contentType: String = ObjectMetadata.defaultContentType,
        metadata: [String: String] = [:], tags: [String: String] = [:], serverSideEncryption: ServerSideEncryption? = nil
    ) {
        self.key = key
        self.size = size
        self.eTag = eTag
        self.lastModified = lastModified
        self.contentType = contentType
        self.metadata = metadata
        self.tags = tags
        self.serverSideEncryption = serverSideEncryption
    }

    /// S3's content type when a put names none.
    public static let defaultContentType = "binary/octet-stream"

    /// The MD5 hex digits of the ETag, without quotes.
    public var md5Hex: String { eTag.trimmingQuotes }
}

extension String {
    var trimmingQuotes: String {
        var text = Substring(self)
        if text.hasPrefix("\"") { text = text.dropFirst() }
        if text.hasSuffix("\"") { text = text.dropLast() }
        return String(text)
    }
}
