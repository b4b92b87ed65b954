/// `x-amz-metadata-directive` of `CopyObject`.
public enum MetadataDirective: String, Sendable, Hashable {
    /// Keep the source's metadata (S3's default).
    case copy = "COPY"
    /// Use the metadata given with the copy request.
    case replace = "REPLACE"
}
