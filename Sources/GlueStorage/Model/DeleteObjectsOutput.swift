/// What `DeleteObjects` returns: mirrors S3's `DeleteResult`.
public struct DeleteObjectsOutput: Sendable, Hashable {
    /// One key that could not be deleted.
    public struct Failure: Sendable, Hashable {
        /// The key.
        public var key: String
        /// S3's error code, such as `AccessDenied`.
        public var code: String
        /// S3's message.
        public var message: String
    }

    /// Keys deleted (S3 also lists keys that did not exist).
    public var deleted: [String]
    /// Keys that failed.
    public var errors: [Failure]

    /// Creates an output.
    public init(deleted: [String] = [], errors: [Failure] = []) {
        self.deleted = deleted
        self.errors = errors
    }
}
