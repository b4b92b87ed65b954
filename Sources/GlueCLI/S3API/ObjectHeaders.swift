import GlueStorage

/// The headers `GetObject` and `HeadObject` return, as the AWS CLI prints them.
struct ObjectHeaders: Encodable {
    var AcceptRanges = "bytes"
    var LastModified: String
    var ContentLength: Int64
    var ETag: String
    var ContentType: String
    var ContentRange: String?
    var ServerSideEncryption: String
    var SSEKMSKeyId: String?
    var Metadata: [String: String]
    var TagCount: Int?

    init(_ metadata: ObjectMetadata, contentLength: Int64? = nil, contentRange: String? = nil) {
        LastModified = S3Output.timestamp(metadata.lastModified)
        ContentLength = contentLength ?? metadata.size
        ETag = metadata.eTag
        ContentType = metadata.contentType
        ContentRange = contentRange
        let encryption = S3Output.Encryption(metadata.serverSideEncryption)
        ServerSideEncryption = encryption.ServerSideEncryption
        SSEKMSKeyId = encryption.SSEKMSKeyId
        Metadata = metadata.metadata
        TagCount = metadata.tags.isEmpty ? nil : metadata.tags.count
    }
}
