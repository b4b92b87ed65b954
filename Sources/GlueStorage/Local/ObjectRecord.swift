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
struct ObjectRecord: Sendable {
    var eTag: String
    var size: Int64
    var modificationNanoseconds: Int64
    var contentType: String?
    var metadata: [String: String]?
    var tags: [String: String]?
    var serverSideEncryption: String?
    var kmsKeyID: String?

    init(eTag: String, size: Int64, modificationNanoseconds: Int64, contentType: String? = nil, metadata: [String: String]? = nil,
         tags: [String: String]? = nil, serverSideEncryption: String? = nil, kmsKeyID: String? = nil) {
        self.eTag = eTag
        self.size = size
        self.modificationNanoseconds = modificationNanoseconds
        self.contentType = contentType
        self.metadata = metadata
        self.tags = tags
        self.serverSideEncryption = serverSideEncryption
        self.kmsKeyID = kmsKeyID
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

    /// The attribute's bytes: `LG1`, then NUL-separated fields (ETag, size, mtime, content
    /// type, encryption, key, then counted metadata and tag pairs). Compact and quick to parse,
    /// since listing reads one per key; header values and tags cannot contain NUL.
    func encoded() -> [UInt8] {
        var fields: [String] = ["LG1", eTag, String(size), String(modificationNanoseconds), contentType ?? "", serverSideEncryption ?? "", kmsKeyID ?? ""]
        let metadataPairs = (metadata ?? [:]).sorted { $0.key < $1.key }
        fields.append(String(metadataPairs.count))
        for (key, value) in metadataPairs { fields += [key, value] }
        let tagPairs = (tags ?? [:]).sorted { $0.key < $1.key }
        fields.append(String(tagPairs.count))
        for (key, value) in tagPairs { fields += [key, value] }
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0) }
            bytes += field.utf8.filter { $0 != 0 }
        }
        return bytes
    }

    /// Parses ``encoded()``; `nil` for anything else (a damaged attribute is ignored, not trusted).
    static func decode(_ bytes: [UInt8]) -> ObjectRecord? {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 9, fields[0] == "LG1", let size = Int64(fields[2]), let mtime = Int64(fields[3]), size >= 0 else { return nil }
        var record = ObjectRecord(eTag: fields[1], size: size, modificationNanoseconds: mtime)
        record.contentType = fields[4].isEmpty ? nil : fields[4]
        record.serverSideEncryption = fields[5].isEmpty ? nil : fields[5]
        record.kmsKeyID = fields[6].isEmpty ? nil : fields[6]
        var index = 7
        func pairs() -> [String: String]? {
            guard index < fields.count, let count = Int(fields[index]), count >= 0, index + 1 + 2 * count <= fields.count else { return nil }
            var out: [String: String] = [:]
            for pair in 0..<count { out[fields[index + 1 + 2 * pair]] = fields[index + 2 + 2 * pair] }
            index += 1 + 2 * count
            return out
        }
        guard let metadata = pairs(), let tags = pairs(), index == fields.count else { return nil }
        record.metadata = metadata.isEmpty ? nil : metadata
        record.tags = tags.isEmpty ? nil : tags
        return record
    }

    func metadata(key: String, lastModified: Date) -> ObjectMetadata {
        ObjectMetadata(
            key: key, size: size, eTag: "\"\(eTag)\"", lastModified: lastModified,
            contentType: contentType ?? ObjectMetadata.defaultContentType, metadata: metadata ?? [:], tags: tags ?? [:],
            serverSideEncryption: encryption)
    }
}
