/// An `s3://bucket/key` location: a bucket and a key or key prefix (possibly empty).
public struct S3Location: Hashable, Sendable, CustomStringConvertible {
    /// The bucket.
    public var bucket: String
    /// The key or prefix after `bucket/` (empty for the whole bucket).
    public var key: String

    /// Creates a location from its parts.
    public init(bucket: String, key: String = "") {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `s3://bucket`, `s3://bucket/` or `s3://bucket/some/key` (also `s3a://` and `s3n://`,
    /// which Spark users write).
    ///
    /// - Throws: `InvalidInputException` when the text is not such a location or the bucket name is
    ///   empty.
    public init(parsing text: String) throws(GlueError) {
        var rest = Substring(text)
        var matched = false
        for scheme in ["s3://", "s3a://", "s3n://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            matched = true
            break
        }
        guard matched else {
            throw GlueError(.invalidInput, "\"\(text)\" is not an S3 location (s3://bucket/key).")
        }
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else {
            throw GlueError(.invalidInput, "\"\(text)\" names no bucket.")
        }
        self.bucket = String(bucket)
        self.key = String(rest.dropFirst(bucket.count + 1))
    }

    /// `s3://bucket/key`.
    public var description: String { "s3://\(bucket)/\(key)" }

    /// The location with `/` appended to the key unless it is empty or already ends with one:
    /// the prefix of the "folder" the location names.
    public var folderPrefix: String {
        key.isEmpty || key.hasSuffix("/") ? key : key + "/"
    }

    /// A location below this one: `s3://b/out/` + `part-0.csv` = `s3://b/out/part-0.csv`.
    public func appending(_ relativeKey: String) -> S3Location {
        S3Location(bucket: bucket, key: folderPrefix + relativeKey)
    }
}
