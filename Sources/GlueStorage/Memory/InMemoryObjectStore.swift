#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GlueCore
import Synchronization

/// An ``ObjectStore`` that keeps buckets in memory: the reference backend for tests.
///
/// It follows the same rules as ``LocalFileSystemObjectStore`` (key checks, folder collisions,
/// ordering), so a job tested in memory behaves the same on disk.
public final class InMemoryObjectStore: ObjectStore {
    struct StoredObject: Sendable {
        var metadata: ObjectMetadata
        var body: [UInt8]
    }

    struct Bucket: Sendable {
        var info: BucketInfo
        var policy: String?
        /// Keys in UTF-8 order.
        var keys: [String] = []
        var objects: [ObjectKey: StoredObject] = [:]

        func insertionIndex(of key: String) -> Int {
            var low = 0
            var high = keys.count
            while low < high {
                let mid = (low + high) / 2
                if keys[mid].utf8Precedes(key) { low = mid + 1 } else { high = mid }
            }
            return low
        }

        /// The key that makes `key` impossible as a file path, if any.
        func collision(for key: String, ignoring pending: [ObjectKey: StoredObject] = [:]) -> String? {
            var index = key.utf8.startIndex
            for byte in key.utf8 {
                if byte == UInt8(ascii: "/") {
                    let parent = String(decoding: key.utf8[key.utf8.startIndex..<index], as: UTF8.self)
                    if objects[ObjectKey(unchecked: parent)] != nil || pending[ObjectKey(unchecked: parent)] != nil { return parent }
                }
                index = key.utf8.index(after: index)
            }
            let folder = key + "/"
            let start = insertionIndex(of: folder)
            if start < keys.count, keys[start].utf8HasPrefix(folder) { return keys[start] }
            if let other = pending.keys.first(where: { $0.rawValue.utf8HasPrefix(folder) }) { return other.rawValue }
            return nil
        }

        mutating func store(_ object: StoredObject) {
            let key = ObjectKey(unchecked: object.metadata.key)
            if objects.updateValue(object, forKey: key) == nil {
                keys.insert(object.metadata.key, at: insertionIndex(of: object.metadata.key))
            }
        }

        mutating func remove(_ key: String) {
            guard objects.removeValue(forKey: ObjectKey(unchecked: key)) != nil else { return }
            let index = insertionIndex(of: key)
            if index < keys.count, keys[index].utf8Equals(key) { keys.remove(at: index) }
        }
    }

    private let buckets = Mutex<[String: Bucket]>([:])
    private let defaultAccount: AccountID
    private let clock: @Sendable () -> Date

    /// Creates an empty store whose buckets belong to `account` unless told otherwise.
    public init(account: AccountID = .default, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.defaultAccount = account
        self.clock = clock
    }

    @discardableResult
    public func createBucket(_ bucket: String, options: CreateBucketOptions) throws(GlueError) -> BucketInfo {
        let name = try BucketName(bucket)
        let info = BucketInfo(name: name, creationDate: clock(), ownerAccount: options.ownerAccount ?? defaultAccount)
        return try buckets.withLock { buckets throws(GlueError) -> BucketInfo in
            if let existing = buckets[bucket] {
                if existing.info.ownerAccount == info.ownerAccount {
                    throw GlueError(.bucketAlreadyOwnedByYou, "Your previous request to create the named bucket succeeded and you already own it.")
                }
                throw GlueError(.bucketAlreadyExists, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.")
            }
            buckets[bucket] = Bucket(info: info)
            return info
        }
    }

    public func deleteBucket(_ bucket: String) throws(GlueError) {
        try buckets.withLock { buckets throws(GlueError) in
            guard let existing = buckets[bucket] else { throw .noSuchBucket(bucket) }
            guard existing.keys.isEmpty else {
                throw GlueError(.bucketNotEmpty, "The bucket you tried to delete is not empty")
            }
            buckets[bucket] = nil
        }
    }

    public func listBuckets() throws(GlueError) -> [BucketInfo] {
        buckets.withLock { $0.values.map(\.info) }.sorted { $0.name < $1.name }
    }

    public func bucketInfo(_ bucket: String) throws(GlueError) -> BucketInfo {
        try withBucket(bucket) { $0.info }
    }

    public func bucketPolicy(_ bucket: String) throws(GlueError) -> String? {
        try withBucket(bucket) { $0.policy }
    }

    public func setBucketPolicy(_ bucket: String, policy: String?) throws(GlueError) {
        try withBucket(bucket) { $0.policy = policy }
    }

    public func setBucketDefaultKMSKey(_ bucket: String, keyID: String?) throws(GlueError) {
        try withBucket(bucket) { $0.info.defaultKMSKeyID = keyID }
    }

    @discardableResult
    public func putObject(bucket: String, key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        let object = try makeObject(bucket: bucket, key: key, body: &body, options: options)
        try withBucket(bucket) { (stored: inout Bucket) throws(GlueError) in
            if let other = stored.collision(for: key) { throw .keyFolderCollision(key, with: other) }
            stored.store(object)
        }
        return object.metadata
    }

    func makeObject(bucket: String, key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> StoredObject {
        try ObjectKey.validate(key)
        try options.validate()
        let defaultKey = try bucketInfo(bucket).defaultKMSKeyID
        var bytes: [UInt8] = []
        while let chunk = try body.nextChunk(maxLength: 1 << 20) { bytes += chunk }
        let metadata = ObjectMetadata(
            key: key, size: Int64(bytes.count), eTag: "\"\(MD5.hex(bytes))\"", lastModified: clock(),
            contentType: options.contentType ?? ObjectMetadata.defaultContentType, metadata: options.normalizedMetadata,
            tags: options.tags, serverSideEncryption: options.serverSideEncryption ?? defaultKey.map { .awsKMS(keyID: $0) })
        return StoredObject(metadata: metadata, body: bytes)
    }

    @discardableResult
    public func getObject(
        bucket: String, key: String, range: ByteRange?, consume: (UnsafeRawBufferPointer) throws(GlueError) -> Void
    ) throws(GlueError) -> ObjectMetadata {
        let object = try stored(bucket: bucket, key: key)
        let size = Int64(object.body.count)
        let selected = try range.map { range throws(GlueError) in try range.resolve(size: size) } ?? 0..<size
        var offset = Int(selected.lowerBound)
        let end = Int(selected.upperBound)
        try withGlueErrors { try object.body.withUnsafeBytes { all in
            while offset < end {
                let next = min(end, offset + (1 << 20))
                try consume(UnsafeRawBufferPointer(rebasing: all[offset..<next]))
                offset = next
            }
        } }
        return object.metadata
    }

    public func headObject(bucket: String, key: String) throws(GlueError) -> ObjectMetadata {
        try stored(bucket: bucket, key: key).metadata
    }

    public func deleteObject(bucket: String, key: String) throws(GlueError) {
        try ObjectKey.validate(key)
        try withBucket(bucket) { $0.remove(key) }
    }

    @discardableResult
    public func copyObject(
        sourceBucket: String, sourceKey: String, bucket: String, key: String, metadataDirective: MetadataDirective, options: PutObjectOptions
    ) throws(GlueError) -> ObjectMetadata {
        let source = try stored(bucket: sourceBucket, key: sourceKey)
        var copyOptions = options
        if metadataDirective == .copy {
            copyOptions.contentType = source.metadata.contentType
            copyOptions.metadata = source.metadata.metadata
            copyOptions.tags = source.metadata.tags
        }
        var body = ByteArraySource(source.body)
        return try putObject(bucket: bucket, key: key, body: &body, options: copyOptions)
    }

    public func listObjectsV2(bucket: String, request: ListObjectsV2Request) throws(GlueError) -> ListObjectsV2Output {
        var paginator = try ListingPaginator(request: request)
        let summaries = try withBucket(bucket) { (stored: inout Bucket) -> [ObjectSummary] in
            var index = paginator.walkAfter.map { stored.insertionIndex(of: $0) } ?? 0
            if let prefix = request.prefix, !prefix.isEmpty { index = max(index, stored.insertionIndex(of: prefix)) }
            walk: while index < stored.keys.count {
                switch paginator.visit(stored.keys[index]) {
                case .next: index += 1
                case .stop: break walk
                case .skip(let prefix):
                    // Jump past every key under the prefix: the first key not starting with it.
                    index += 1
                    while index < stored.keys.count, stored.keys[index].utf8HasPrefix(prefix) { index += 1 }
                }
            }
            return paginator.keys.compactMap { stored.objects[ObjectKey(unchecked: $0)].map { ObjectSummary($0.metadata) } }
        }
        return paginator.output(bucket: bucket, summaries: summaries)
    }

    public func beginStagedWrite(bucket: String) throws(GlueError) -> any StagedWriteSession {
        _ = try bucketInfo(bucket)
        return InMemoryStagedWriteSession(store: self, bucket: bucket)
    }

    /// Publishes staged objects all at once, or none when one collides.
    func publish(bucket: String, objects: [ObjectKey: StoredObject]) throws(GlueError) {
        try withBucket(bucket) { (stored: inout Bucket) throws(GlueError) in
            for (key, _) in objects {
                var others = objects
                others[key] = nil
                if let other = stored.collision(for: key.rawValue, ignoring: others) { throw .keyFolderCollision(key.rawValue, with: other) }
            }
            let now = clock()
            for (_, object) in objects {
                var published = object
                published.metadata.lastModified = now
                stored.store(published)
            }
        }
    }

    private func stored(bucket: String, key: String) throws(GlueError) -> StoredObject {
        try ObjectKey.validate(key)
        let object = try withBucket(bucket) { $0.objects[ObjectKey(unchecked: key)] }
        guard let object else { throw .noSuchKey(key) }
        return object
    }

    private func withBucket<R>(_ bucket: String, _ body: (inout Bucket) throws(GlueError) -> R) throws(GlueError) -> R {
        try buckets.withLock { buckets throws(GlueError) -> R in
            guard var stored = buckets[bucket] else { throw .noSuchBucket(bucket) }
            buckets[bucket] = nil
            defer { buckets[bucket] = stored }
            return try body(&stored)
        }
    }
}
