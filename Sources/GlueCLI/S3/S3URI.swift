import GlueCore

/// An `s3://bucket/key` path of the high-level commands.
struct S3URI: Equatable {
    var bucket: String
    var key: String

    init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `s3://bucket`, `s3://bucket/`, `s3://bucket/prefix/key`; `nil` for local paths.
    init?(_ text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        guard !rest.isEmpty else { return nil }
        if let slash = rest.firstIndex(of: "/") {
            bucket = String(rest[..<slash])
            key = String(rest[rest.index(after: slash)...])
        } else {
            bucket = String(rest)
            key = ""
        }
    }

    var description: String { "s3://\(bucket)/\(key)" }

    static func parse(_ text: String, option: String) throws -> S3URI {
        guard let uri = S3URI(text) else { throw ParameterError(option: option, reason: "expected s3://BUCKET[/KEY], got \(text)") }
        return uri
    }
}
