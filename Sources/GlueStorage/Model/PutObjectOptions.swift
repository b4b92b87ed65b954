import GlueCore

/// The optional headers of `PutObject` (and of `CopyObject` with `REPLACE`).
public struct PutObjectOptions: Sendable, Hashable {
    /// `Content-Type`; `nil` stores S3's default `binary/octet-stream`.
    public var contentType: String?
    /// User metadata (`x-amz-meta-*`); keys are stored in lower case.
    public var metadata: [String: String]
    /// Tags (`x-amz-tagging`).
    public var tags: [String: String]
    /// `x-amz-server-side-encryption` with `x-amz-server-side-encryption-aws-kms-key-id`.
    public var serverSideEncryption: ServerSideEncryption?

    /// Creates put options.
    public init(
        contentType: String? = nil, metadata: [String: String] = [:], tags: [String: String] = [:],
        serverSideEncryption: ServerSideEncryption? = nil
    ) {
        self.contentType = contentType
        self.metadata = metadata
        self.tags = tags
        self.serverSideEncryption = serverSideEncryption
    }

    /// Checks S3's limits: user metadata at most 2 KB, at most 10 tags with keys up to 128 and
    /// values up to 256 characters.
    ///
    /// - Throws: `MetadataTooLarge`, `InvalidTag`, `InvalidArgument`.
    public func validate() throws(GlueError) {
        var metadataSize = 0
        for (key, value) in metadata {
            metadataSize += key.utf8.count + value.utf8.count
            if key.isEmpty || key.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E || $0 == UInt8(ascii: ":") }) {
                throw GlueError(.invalidArgument, "Invalid user metadata key \"\(key.debugEscaped)\".")
            }
        }
        if metadataSize > 2048 {
            throw GlueError(.metadataTooLarge, "Your metadata headers exceed the maximum allowed metadata size.")
        }
        if tags.count > 10 {
            throw GlueError(.invalidTag, "Object tags cannot be greater than 10")
        }
        for (key, value) in tags {
            if key.isEmpty || key.count > 128 { throw GlueError(.invalidTag, "The TagKey you have provided is invalid") }
            if value.count > 256 { throw GlueError(.invalidTag, "The TagValue you have provided is invalid") }
        }
        if let contentType, contentType.utf8.contains(where: { $0 < 0x20 }) {
            throw GlueError(.invalidArgument, "Invalid Content-Type \"\(contentType.debugEscaped)\".")
        }
    }

    /// The metadata with lower-cased keys, as S3 stores it.
    var normalizedMetadata: [String: String] {
        var out: [String: String] = [:]
        for (key, value) in metadata { out[key.lowercased()] = value }
        return out
    }
}

extension GlueError.Code {
    /// S3's answer to a malformed tag set.
    public static let invalidTag = Self("InvalidTag")
}
