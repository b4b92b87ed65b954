#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The S3 metadata of one object file, kept in the file's extended attribute
/// `user.localglue.s3` so that it moves with the file in the same atomic rename.
///
/// `size` and `modificationNanoseconds` tie the record to the bytes it describes: when a file is
/// changed outside LocalGlue they no longer match, and the ETag is computed again.
struct ObjectRecord: Codable, Sendable {
    var eTag: String
    var size: Int64
    var modificationNanoseconds: Int64
    var contentType: String?
    var metadata: [String: String]?
    var tags: [String: String]?
    var serverSideEncryption: String?
    var kmsKeyID: String?

    enum CodingKeys: String, CodingKey {
        case eTag = "ETag"
        case size = "Size"
        case modificationNanoseconds = "MTimeNs"
        case contentType = "ContentType"
        case metadata = "Metadata"
        case tags = "Tags"
        case serverSideEncryption = "ServerSideEncryption"
        case kmsKeyID = "SSEKMSKeyId"
    }

    /// Whether the record holds anything that cannot be derived from the file alone.
    var carriesMoreThanTheBytes: Bool {
        contentType != nil || !(metadata ?? [:]).isEmpty || !(tags ?? [:]).isEmpty || serverSideEncryption != nil
    }

    var encryption: ServerSideEncryption? {
        switch serverSideEncryption {
        case "AES256": .aes256
        case "aws:kms": .awsKMS(keyID: kmsKeyID)
        default: nil
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(self))) ?? []
    }

    static func decode(_ bytes: [UInt8]) -> ObjectRecord? {
        try? JSONDecoder().decode(ObjectRecord.self, from: Data(bytes))
    }

    func metadata(key: String, lastModified: Date) -> ObjectMetadata {
        ObjectMetadata(
            key: key, size: size, eTag: "\"\(eTag)\"", lastModified: lastModified,
            contentType: contentType ?? ObjectMetadata.defaultContentType, metadata: metadata ?? [:], tags: tags ?? [:],
            serverSideEncryption: encryption)
    }
}
