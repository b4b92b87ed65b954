import GlueCore

/// An S3-like object store: buckets of objects addressed by key, in S3's words.
///
/// Implementations: ``LocalFileSystemObjectStore`` (each bucket a plain folder),
/// ``InMemoryObjectStore`` (tests), and ``PolicyEnforcingObjectStore`` (a decorator that
/// authorizes every call with IAM's rules). Every store checks keys with ``ObjectKey``, lists in
/// UTF-8 binary key order, writes atomically (readers see the old object or the new one), and
/// leaves nothing behind when a call fails.
///
/// ## Implementing an ObjectStore
/// Run `ObjectStoreContractTests` against the new store; they pin down the semantics.
public protocol ObjectStore: Sendable {
    /// Mirrors S3 `CreateBucket`.
    ///
    /// - Throws: `InvalidBucketName`, `BucketAlreadyOwnedByYou`, `BucketAlreadyExists`,
    ///   `InvalidArgument` (a mounted path that is not a folder).
    @discardableResult
    func createBucket(_ bucket: String, options: CreateBucketOptions) throws(GlueError) -> BucketInfo

    /// Mirrors S3 `DeleteBucket`.
    ///
    /// - Throws: `NoSuchBucket`, `BucketNotEmpty`.
    func deleteBucket(_ bucket: String) throws(GlueError)

    /// Mirrors S3 `ListBuckets`, sorted by name.
    func listBuckets() throws(GlueError) -> [BucketInfo]

    /// Mirrors S3 `HeadBucket`, with the owner and configuration LocalGlue keeps.
    ///
    /// - Throws: `NoSuchBucket`.
    func bucketInfo(_ bucket: String) throws(GlueError) -> BucketInfo

    /// Mirrors S3 `GetBucketPolicy`: the policy JSON text, `nil` when the bucket has none.
    func bucketPolicy(_ bucket: String) throws(GlueError) -> String?

    /// Mirrors S3 `PutBucketPolicy` (the caller validates the document) and
    /// `DeleteBucketPolicy` (`nil`).
    func setBucketPolicy(_ bucket: String, policy: String?) throws(GlueError)

    /// Mirrors S3 `PutBucketEncryption` with an `aws:kms` default key, or
    /// `DeleteBucketEncryption` (`nil`).
    func setBucketDefaultKMSKey(_ bucket: String, keyID: String?) throws(GlueError)

    /// Mirrors S3 `PutObject`: streams `body` into the object and returns its metadata.
    ///
    /// - Throws: `NoSuchBucket`, `InvalidArgument` (a bad key, or one that collides with a folder
    ///   of other objects), `MetadataTooLarge`, errors of `body`.
    @discardableResult
    func putObject(bucket: String, key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata

    /// Mirrors S3 `GetObject`: calls `consume` with consecutive chunks of the object (or of
    /// `range`), from one consistent version, and returns the object's metadata.
    ///
    /// - Throws: `NoSuchBucket`, `NoSuchKey`, `InvalidRange`, errors of `consume`.
    @discardableResult
    func getObject(
        bucket: String, key: String, range: ByteRange?,
        consume: (UnsafeRawBufferPointer) throws(GlueError) -> Void
    ) throws(GlueError) -> ObjectMetadata

    /// Mirrors S3 `HeadObject`.
    ///
    /// - Throws: `NoSuchBucket`, `NoSuchKey`.
    func headObject(bucket: String, key: String) throws(GlueError) -> ObjectMetadata

    /// Mirrors S3 `DeleteObject`; deleting a missing key succeeds, as in S3.
    ///
    /// - Throws: `NoSuchBucket`, `InvalidArgument`.
    func deleteObject(bucket: String, key: String) throws(GlueError)

    /// Mirrors S3 `CopyObject`.
    ///
    /// - Throws: `NoSuchBucket`, `NoSuchKey`, the errors of `putObject`.
    @discardableResult
    func copyObject(
        sourceBucket: String, sourceKey: String, bucket: String, key: String,
        metadataDirective: MetadataDirective, options: PutObjectOptions
    ) throws(GlueError) -> ObjectMetadata

    /// Mirrors S3 `ListObjectsV2`.
    ///
    /// - Throws: `NoSuchBucket`, `InvalidArgument` (a bad continuation token or max-keys).
    /// - Complexity: O(*k* log *n*) for *k* listed keys, plus the keys skipped under a delimiter.
    func listObjectsV2(bucket: String, request: ListObjectsV2Request) throws(GlueError) -> ListObjectsV2Output

    /// Starts a writer session whose objects stay hidden until ``StagedWriteSession/commit()``.
    ///
    /// - Throws: `NoSuchBucket`.
    func beginStagedWrite(bucket: String) throws(GlueError) -> any StagedWriteSession
}

/// A set of objects written out of sight and published together: the job runner's output.
///
/// Staged objects are never listed or readable; ``commit()`` makes them visible (one rename each)
/// and ``abort()`` removes them. Either ends the session.
public protocol StagedWriteSession: Sendable {
    /// The bucket the session writes into.
    var bucket: String { get }

    /// Stages one object; a later put of the same key in the session replaces it.
    ///
    /// - Throws: the errors of ``ObjectStore/putObject(bucket:key:body:options:)``;
    ///   `InvalidState` once the session has ended.
    @discardableResult
    func putObject(key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata

    /// The keys staged so far, in key order.
    var stagedKeys: [String] { get }

    /// Publishes every staged object and ends the session; returns the published keys.
    ///
    /// - Throws: `InvalidArgument` when a key collides with a folder (nothing is published then),
    ///   `InvalidState` once the session has ended.
    @discardableResult
    func commit() throws(GlueError) -> [String]

    /// Removes every staged object and ends the session. Safe to call more than once.
    func abort()
}

extension ObjectStore {
    /// Mirrors S3 `CreateBucket` with the default owner, under the lake.
    @discardableResult
    public func createBucket(_ bucket: String) throws(GlueError) -> BucketInfo {
        try createBucket(bucket, options: CreateBucketOptions())
    }

    /// Mirrors S3 `PutObject` with bytes in memory.
    @discardableResult
    public func putObject(bucket: String, key: String, bytes: [UInt8], options: PutObjectOptions = PutObjectOptions()) throws(GlueError) -> ObjectMetadata {
        var source = ByteArraySource(bytes)
        return try putObject(bucket: bucket, key: key, body: &source, options: options)
    }

    /// Mirrors S3 `GetObject`, collecting the body in memory.
    public func getObjectBytes(bucket: String, key: String, range: ByteRange? = nil) throws(GlueError) -> (metadata: ObjectMetadata, body: [UInt8]) {
        var body: [UInt8] = []
        let metadata = try getObject(bucket: bucket, key: key, range: range) { chunk throws(GlueError) in
            body.append(contentsOf: chunk)
        }
        return (metadata, body)
    }

    /// Mirrors S3 `DeleteObjects`: deletes each key, collecting per-key errors.
    ///
    /// - Throws: `NoSuchBucket`.
    public func deleteObjects(bucket: String, keys: [String]) throws(GlueError) -> DeleteObjectsOutput {
        var output = DeleteObjectsOutput()
        for key in keys {
            do throws(GlueError) {
                try deleteObject(bucket: bucket, key: key)
                output.deleted.append(key)
            } catch {
                if error.code == .noSuchBucket { throw error }
                output.errors.append(.init(key: key, code: error.code.rawValue, message: error.message))
            }
        }
        return output
    }

    /// Mirrors S3 `CopyObject` keeping the source's metadata.
    @discardableResult
    public func copyObject(sourceBucket: String, sourceKey: String, bucket: String, key: String) throws(GlueError) -> ObjectMetadata {
        try copyObject(sourceBucket: sourceBucket, sourceKey: sourceKey, bucket: bucket, key: key, metadataDirective: .copy, options: PutObjectOptions())
    }

    /// Lists every page of `ListObjectsV2`, following continuation tokens.
    public func listAllObjects(bucket: String, prefix: String? = nil, delimiter: String? = nil) throws(GlueError) -> (contents: [ObjectSummary], commonPrefixes: [String]) {
        var request = ListObjectsV2Request(prefix: prefix, delimiter: delimiter)
        var contents: [ObjectSummary] = []
        var prefixes: [String] = []
        while true {
            let page = try listObjectsV2(bucket: bucket, request: request)
            contents += page.contents
            prefixes += page.commonPrefixes
            guard page.isTruncated, let token = page.nextContinuationToken else { break }
            request.continuationToken = token
        }
        return (contents, prefixes)
    }
}

extension StagedWriteSession {
    /// Stages one object from bytes in memory.
    @discardableResult
    public func putObject(key: String, bytes: [UInt8], options: PutObjectOptions = PutObjectOptions()) throws(GlueError) -> ObjectMetadata {
        var source = ByteArraySource(bytes)
        return try putObject(key: key, body: &source, options: options)
    }
}

extension GlueError {
    static func noSuchBucket(_ bucket: String) -> GlueError {
        GlueError(.noSuchBucket, "The specified bucket does not exist")
    }

    static func noSuchKey(_ key: String) -> GlueError {
        GlueError(.noSuchKey, "The specified key does not exist.")
    }

    static func keyFolderCollision(_ key: String, with other: String) -> GlueError {
        GlueError(
            .invalidArgument,
            "Object key \"\(key)\" collides with \"\(other)\": a local bucket keeps keys as file paths, so a key cannot also be a folder of other keys.")
    }
}
