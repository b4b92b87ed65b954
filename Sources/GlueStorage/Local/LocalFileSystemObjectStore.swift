#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GRDB
import GlueCore

/// An ``ObjectStore`` whose buckets are plain folders: `LAKE/buckets/NAME/KEY`, or any folder
/// mounted as a bucket. Objects stay browsable as ordinary files.
///
/// - The bucket registry (owner, mounted folder, policy, default key) lives in the lake's SQLite
///   database (`storage_buckets`).
/// - Object metadata (ETag, content type, user metadata, tags, encryption) lives in each file's
///   extended attribute `user.localglue.s3`, so it moves with the bytes in one rename. A file put
///   there by other means gets its ETag computed on first use.
/// - Every write goes to `BUCKET/.localglue-s3/tmp/`, is fsynced, then renamed into place:
///   readers see the old object or the new one, and a crash leaves no partial object.
/// - `BUCKET/.localglue-s3/` is never listed and no key may enter it.
public final class LocalFileSystemObjectStore: ObjectStore {
    /// The lake folder.
    public let lakeDirectory: String
    private let registry: BucketRegistry
    private let defaultAccount: AccountID
    let chunkSize: Int
    let synchronizesWrites: Bool

    /// Opens the store of the lake at `lakeDirectory`, migrating `database` if needed.
    ///
    /// - Parameters:
    ///   - account: the owner of buckets created without an explicit account.
    ///   - chunkSize: the read and write buffer size.
    ///   - synchronizesWrites: fsync each object before it becomes visible (turn off only for
    ///     throwaway test data).
    /// - Throws: `InternalError` when the folder or the database cannot be prepared.
    public init(
        lakeDirectory: String, database: any DatabaseWriter, account: AccountID = .default, chunkSize: Int = 1 << 20,
        synchronizesWrites: Bool = true
    ) throws(GlueError) {
        self.synchronizesWrites = synchronizesWrites
        self.lakeDirectory = lakeDirectory.hasSuffix("/") && lakeDirectory.count > 1 ? String(lakeDirectory.dropLast()) : lakeDirectory
        self.registry = BucketRegistry(database: database)
        self.defaultAccount = account
        self.chunkSize = max(4096, chunkSize)
        try StorageSchema.migrate(database)
        try POSIX.makeDirectories(bucketsDirectory)
    }

    /// Opens a store over `lakeDirectory/buckets` with a bucket registry in memory: every valid
    /// folder there is a bucket of the default account (for tools and benchmarks without a lake
    /// database).
    ///
    /// - Throws: `InternalError` when the folder cannot be prepared.
    public convenience init(lakeDirectory: String, synchronizesWrites: Bool = true) throws(GlueError) {
        let registry: DatabaseQueue
        do { registry = try DatabaseQueue() } catch { throw GlueError.database(error) }
        try self.init(lakeDirectory: lakeDirectory, database: registry, synchronizesWrites: synchronizesWrites)
    }

    /// `LAKE/buckets`.
    public var bucketsDirectory: String { lakeDirectory + "/buckets" }

    // MARK: Buckets

    @discardableResult
    public func createBucket(_ bucket: String, options: CreateBucketOptions) throws(GlueError) -> BucketInfo {
        let name = try BucketName(bucket)
        var mounted: String?
        if let path = options.mountedPath {
            guard let resolved = POSIX.resolvedPath(path), POSIX.status(resolved)?.isDirectory == true else {
                throw GlueError(.invalidArgument, "The folder \(path) to mount as bucket \(bucket) does not exist or is not a folder.")
            }
            mounted = resolved
        }
        let info = BucketInfo(name: name, creationDate: Date(), ownerAccount: options.ownerAccount ?? defaultAccount, mountedPath: mounted)
        if let existing = try registry.lookup(bucket) {
            throw Self.alreadyExists(existing.info, requester: info.ownerAccount)
        }
        let root = mounted ?? bucketsDirectory + "/" + bucket
        let rootExisted = POSIX.status(root) != nil
        do throws(GlueError) {
            try POSIX.makeDirectories(root)
            try POSIX.makeDirectories(root + "/" + ObjectKey.reservedFolderName + "/tmp")
            try POSIX.makeDirectories(root + "/" + ObjectKey.reservedFolderName + "/staging")
            if let existing = try registry.insert(info) {
                throw Self.alreadyExists(existing.info, requester: info.ownerAccount)
            }
        } catch {
            if !rootExisted { POSIX.removeTree(root) }
            throw error
        }
        return info
    }

    private static func alreadyExists(_ existing: BucketInfo, requester: AccountID) -> GlueError {
        if existing.ownerAccount == requester {
            return GlueError(.bucketAlreadyOwnedByYou, "Your previous request to create the named bucket succeeded and you already own it.")
        }
        return GlueError(.bucketAlreadyExists, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.")
    }

    public func deleteBucket(_ bucket: String) throws(GlueError) {
        let row = try registryRow(bucket)
        let root = rootPath(row.info)
        let page = try listObjectsV2(bucket: bucket, request: ListObjectsV2Request(maxKeys: 1))
        guard page.contents.isEmpty else {
            throw GlueError(.bucketNotEmpty, "The bucket you tried to delete is not empty")
        }
        if row.info.mountedPath == nil {
            // Only LocalGlue's own bookkeeping and empty folders may remain.
            let leftovers = ((try? POSIX.entries(root)) ?? []).filter { $0.name != ObjectKey.reservedFolderName && !Self.isEmptyTree(root + "/" + $0.name) }
            guard leftovers.isEmpty else {
                throw GlueError(.bucketNotEmpty, "The bucket you tried to delete is not empty (the folder \(root) holds files that are not objects: \(leftovers.prefix(3).map(\.name).joined(separator: ", "))).")
            }
        }
        try registry.remove(bucket)
        POSIX.removeTree(root + "/" + ObjectKey.reservedFolderName)
        if row.info.mountedPath == nil { POSIX.removeTree(root) }
    }

    private static func isEmptyTree(_ path: String) -> Bool {
        guard let info = POSIX.lstatus(path), info.isDirectory else { return false }
        return ((try? POSIX.entries(path)) ?? []).allSatisfy { isEmptyTree(path + "/" + $0.name) }
    }

    public func listBuckets() throws(GlueError) -> [BucketInfo] {
        try adoptUnregisteredFolders()
        return try registry.all().map(\.info)
    }

    public func bucketInfo(_ bucket: String) throws(GlueError) -> BucketInfo {
        try registryRow(bucket).info
    }

    public func bucketPolicy(_ bucket: String) throws(GlueError) -> String? {
        try registryRow(bucket).policy
    }

    public func setBucketPolicy(_ bucket: String, policy: String?) throws(GlueError) {
        _ = try registryRow(bucket)
        try registry.update(bucket, column: "policy", value: policy)
    }

    public func setBucketDefaultKMSKey(_ bucket: String, keyID: String?) throws(GlueError) {
        _ = try registryRow(bucket)
        try registry.update(bucket, column: "default_kms_key_id", value: keyID)
    }

    /// The folder holding a bucket's objects.
    ///
    /// - Throws: `NoSuchBucket`.
    public func folder(of bucket: String) throws(GlueError) -> String {
        rootPath(try registryRow(bucket).info)
    }

    func rootPath(_ info: BucketInfo) -> String {
        info.mountedPath ?? bucketsDirectory + "/" + info.name.rawValue
    }

    /// The registry row of a bucket; a valid folder under `buckets/` that nobody registered is
    /// adopted as a bucket of the default account.
    func registryRow(_ bucket: String) throws(GlueError) -> BucketRegistry.Row {
        if let row = try registry.lookup(bucket) { return row }
        if let name = try? BucketName(bucket), POSIX.lstatus(bucketsDirectory + "/" + bucket)?.isDirectory == true {
            _ = try? createBucket(name.rawValue, options: CreateBucketOptions())
            if let row = try registry.lookup(bucket) { return row }
        }
        throw .noSuchBucket(bucket)
    }

    private func adoptUnregisteredFolders() throws(GlueError) {
        for entry in (try? POSIX.entries(bucketsDirectory)) ?? [] where entry.kind == .directory {
            if (try? BucketName(entry.name)) != nil, try registry.lookup(entry.name) == nil {
                _ = try? createBucket(entry.name, options: CreateBucketOptions())
            }
        }
    }

    // MARK: Objects

    @discardableResult
    public func putObject(bucket: String, key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        let row = try registryRow(bucket)
        let root = rootPath(row.info)
        try ObjectKey.validate(key)
        try options.validate()
        try precheckCollision(root: root, key: key)
        let written = try writeTemporary(root: root, key: key, body: &body, options: options, defaultKMSKeyID: row.info.defaultKMSKeyID)
        do throws(GlueError) {
            try publish(temporary: written.path, base: root, key: key)
        } catch {
            _ = POSIX.removeFile(written.path)
            throw error
        }
        return written.metadata
    }

    /// Streams `body` into a new temporary file of the bucket, fsynced, with its metadata attribute.
    func writeTemporary(
        root: String, key: String, body: inout some ByteSource, options: PutObjectOptions, defaultKMSKeyID: String?
    ) throws(GlueError) -> (path: String, metadata: ObjectMetadata) {
        let path = root + "/" + ObjectKey.reservedFolderName + "/tmp/" + UUID().uuidString
        try POSIX.makeDirectories(POSIX.parentPath(path))
        let fd = try POSIX.createExclusive(path)
        do throws(GlueError) {
            var md5 = MD5()
            var size: Int64 = 0
            while let chunk = try body.nextChunk(maxLength: chunkSize) {
                try withGlueErrors {
                    try chunk.withUnsafeBytes { raw in
                        md5.update(raw)
                        try POSIX.writeAll(fd, raw, path: path)
                    }
                }
                size += Int64(chunk.count)
            }
            if synchronizesWrites { try POSIX.sync(fd, path: path) }
            let status = try POSIX.status(descriptor: fd, path: path)
            let encryption = options.serverSideEncryption ?? defaultKMSKeyID.map { .awsKMS(keyID: $0) }
            let record = ObjectRecord(
                eTag: md5.finalizeHex(), size: size, modificationNanoseconds: status.modificationNanoseconds,
                contentType: options.contentType, metadata: options.normalizedMetadata.isEmpty ? nil : options.normalizedMetadata,
                tags: options.tags.isEmpty ? nil : options.tags, serverSideEncryption: encryption?.headerValue, kmsKeyID: encryption?.kmsKeyID)
            let code = POSIX.setAttribute(fd, record.encoded())
            if code != 0, !(POSIX.isUnsupportedAttribute(code) && !record.carriesMoreThanTheBytes) {
                throw GlueError(
                    .notImplemented,
                    "The folder of this bucket cannot keep object metadata (extended attributes): \(String(cString: strerror(code))). Put the object without metadata, tags or encryption, or use a folder on a file system with user extended attributes.")
            }
            close(fd)
            return (path, record.metadata(key: key, lastModified: status.modificationDate))
        } catch {
            close(fd)
            _ = POSIX.removeFile(path)
            throw error
        }
    }

    /// Fails early when `key` cannot become a file of the bucket (a parent is a file).
    func precheckCollision(root: String, key: String) throws(GlueError) {
        var path = root
        var keySoFar = ""
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments.dropLast() {
            path += "/" + segment
            keySoFar += keySoFar.isEmpty ? String(segment) : "/" + segment
            guard let status = POSIX.status(path) else { return }
            if !status.isDirectory { throw .keyFolderCollision(key, with: keySoFar) }
        }
        if let status = POSIX.lstatus(root + "/" + key), status.isDirectory, !Self.isEmptyTree(root + "/" + key) {
            throw .keyFolderCollision(key, with: key + "/...")
        }
    }

    /// Renames a finished file to `base/key`, creating parent folders; on failure removes the
    /// folders it created and leaves `temporary` for the caller.
    func publish(temporary: String, base: String, key: String) throws(GlueError) {
        let realBase = POSIX.resolvedPath(base) ?? base
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        var attempt = 0
        while true {
            attempt += 1
            var created: [String] = []
            func undo() { for folder in created.reversed() { _ = POSIX.removeDirectory(folder) } }
            var folder = base
            var keySoFar = ""
            for segment in segments.dropLast() {
                folder += "/" + segment
                keySoFar += keySoFar.isEmpty ? String(segment) : "/" + segment
                var tries = 0
                while true {
                    tries += 1
                    if let status = POSIX.lstatus(folder) {
                        if status.isDirectory { break }
                        if status.isSymbolicLink, let real = POSIX.resolvedPath(folder), POSIX.status(real)?.isDirectory == true {
                            guard real.utf8HasPrefix(realBase + "/"), !real.utf8HasPrefix(realBase + "/" + ObjectKey.reservedFolderName) else {
                                undo()
                                throw GlueError.keyOutsideBucket(key)
                            }
                            break
                        }
                        undo()
                        throw GlueError.keyFolderCollision(key, with: keySoFar)
                    }
                    let code = POSIX.makeDirectory(folder)
                    if code == 0 {
                        created.append(folder)
                        break
                    }
                    if code == EEXIST, tries < 5 { continue }
                    undo()
                    throw POSIX.error("mkdir", folder, code: code)
                }
            }
            let target = folder + "/" + String(segments.last ?? "")
            if let status = POSIX.lstatus(target), status.isDirectory {
                if POSIX.removeDirectory(target) != 0 {
                    undo()
                    throw GlueError.keyFolderCollision(key, with: key + "/...")
                }
            }
            let code = POSIX.rename(temporary, target)
            if code == 0 {
                if synchronizesWrites { POSIX.syncDirectory(folder) }
                return
            }
            undo()
            if code == ENOENT, attempt < 5 { continue }  // a concurrent delete pruned a parent folder
            if code == EISDIR || code == ENOTEMPTY || code == EEXIST { throw GlueError.keyFolderCollision(key, with: key + "/...") }
            if code == ENOTDIR { throw GlueError.keyFolderCollision(key, with: keySoFar) }
            throw POSIX.error("rename", target, code: code)
        }
    }

    /// An object file opened for reading: one consistent version.
    struct OpenedObject {
        var descriptor: Int32
        var path: String
        var metadata: ObjectMetadata
    }

    /// Opens the file of `key`; the caller closes `descriptor`.
    ///
    /// - Parameter listed: the key was just found by walking the bucket folder (which enters no
    ///   linked folder), so only a link in the last segment needs resolving.
    func openObject(root: String, key: String, listed: Bool = false) throws(GlueError) -> OpenedObject {
        try ObjectKey.validate(key)
        let path = root + "/" + key
        var real = path
        var fd: Int32 = -1
        if listed {
            fd = POSIX.openForReading(path, followingLinks: false)
        }
        if fd < 0 {
            guard let resolved = POSIX.resolvedPath(path) else { throw .noSuchKey(key) }
            let realRoot = POSIX.resolvedPath(root) ?? root
            guard resolved.utf8HasPrefix(realRoot + "/"), !resolved.utf8HasPrefix(realRoot + "/" + ObjectKey.reservedFolderName + "/") else {
                throw .keyOutsideBucket(key)
            }
            real = resolved
            fd = POSIX.openForReading(real)
        }
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR || code == EISDIR { throw .noSuchKey(key) }
            throw POSIX.error("open", real, code: code)
        }
        do throws(GlueError) {
            let status = try POSIX.status(descriptor: fd, path: real)
            guard status.isRegularFile else { throw GlueError.noSuchKey(key) }
            let metadata = try loadMetadata(descriptor: fd, path: real, key: key, status: status)
            return OpenedObject(descriptor: fd, path: real, metadata: metadata)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Reads the metadata attribute of an open file, recomputing the ETag when the record is
    /// missing or no longer matches the bytes.
    private func loadMetadata(descriptor fd: Int32, path: String, key: String, status: POSIX.FileStatus) throws(GlueError) -> ObjectMetadata {
        var record = POSIX.attribute(fd).flatMap(ObjectRecord.decode)
        if let current = record, current.size == status.size, current.modificationNanoseconds == status.modificationNanoseconds {
            return current.metadata(key: key, lastModified: status.modificationDate)
        }
        let eTag = try computeMD5(descriptor: fd, path: path, size: status.size)
        if record == nil {
            record = ObjectRecord(eTag: eTag, size: status.size, modificationNanoseconds: status.modificationNanoseconds)
        }
        record?.eTag = eTag
        record?.size = status.size
        record?.modificationNanoseconds = status.modificationNanoseconds
        guard let record else { throw GlueError(.internalError, "unreachable") }
        _ = POSIX.setAttribute(fd, record.encoded())  // a cache; failing to keep it is harmless
        return record.metadata(key: key, lastModified: status.modificationDate)
    }

    private func computeMD5(descriptor fd: Int32, path: String, size: Int64) throws(GlueError) -> String {
        var md5 = MD5()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while true {
            let got = try POSIX.readFully(fd, into: buffer, count: chunkSize, at: offset, path: path)
            if got == 0 { break }
            md5.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += Int64(got)
        }
        return md5.finalizeHex()
    }

    @discardableResult
    public func getObject(
        bucket: String, key: String, range: ByteRange?, consume: (UnsafeRawBufferPointer) throws(GlueError) -> Void
    ) throws(GlueError) -> ObjectMetadata {
        let root = try folder(of: bucket)
        let object = try openObject(root: root, key: key)
        defer { close(object.descriptor) }
        let selected = try range.map { range throws(GlueError) in try range.resolve(size: object.metadata.size) } ?? 0..<object.metadata.size
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = selected.lowerBound
        while offset < selected.upperBound {
            let want = Int(min(Int64(chunkSize), selected.upperBound - offset))
            let got = try POSIX.readFully(object.descriptor, into: buffer, count: want, at: offset, path: object.path)
            if got == 0 { break }
            try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += Int64(got)
        }
        return object.metadata
    }

    public func headObject(bucket: String, key: String) throws(GlueError) -> ObjectMetadata {
        let root = try folder(of: bucket)
        let object = try openObject(root: root, key: key)
        close(object.descriptor)
        return object.metadata
    }

    public func deleteObject(bucket: String, key: String) throws(GlueError) {
        let root = try folder(of: bucket)
        try ObjectKey.validate(key)
        let path = root + "/" + key
        let parent = POSIX.parentPath(path)
        guard let status = POSIX.lstatus(path), !status.isDirectory else { return }
        let realRoot = POSIX.resolvedPath(root) ?? root
        guard let realParent = POSIX.resolvedPath(parent), realParent == realRoot || realParent.utf8HasPrefix(realRoot + "/") else {
            throw .keyOutsideBucket(key)
        }
        let code = POSIX.removeFile(path)
        guard code == 0 || code == ENOENT else { throw POSIX.error("unlink", path, code: code) }
        if synchronizesWrites { POSIX.syncDirectory(parent) }
        // Folders exist only to hold keys: prune the ones this delete emptied.
        var folder = parent
        while folder.utf8Count > root.utf8Count, folder.utf8HasPrefix(root + "/"), POSIX.lstatus(folder)?.isDirectory == true {
            guard POSIX.removeDirectory(folder) == 0 else { break }
            folder = POSIX.parentPath(folder)
        }
    }

    @discardableResult
    public func copyObject(
        sourceBucket: String, sourceKey: String, bucket: String, key: String, metadataDirective: MetadataDirective, options: PutObjectOptions
    ) throws(GlueError) -> ObjectMetadata {
        let sourceRoot = try folder(of: sourceBucket)
        let object = try openObject(root: sourceRoot, key: sourceKey)
        defer { close(object.descriptor) }
        var copyOptions = options
        if metadataDirective == .copy {
            copyOptions.contentType = object.metadata.contentType == ObjectMetadata.defaultContentType ? nil : object.metadata.contentType
            copyOptions.metadata = object.metadata.metadata
            copyOptions.tags = object.metadata.tags
        }
        var body = LocalFileByteSource(descriptor: object.descriptor, path: object.path, range: 0..<object.metadata.size)
        return try putObject(bucket: bucket, key: key, body: &body, options: copyOptions)
    }

    public func beginStagedWrite(bucket: String) throws(GlueError) -> any StagedWriteSession {
        let row = try registryRow(bucket)
        return try LocalStagedWriteSession(store: self, bucket: bucket, root: rootPath(row.info), defaultKMSKeyID: row.info.defaultKMSKeyID)
    }
}

extension GlueError {
    static func keyOutsideBucket(_ key: String) -> GlueError {
        GlueError(.invalidArgument, "Object key \"\(key.debugEscaped)\" resolves outside its bucket folder (through a symbolic link).")
    }
}

extension String {
    var utf8Count: Int { utf8.count }
}
