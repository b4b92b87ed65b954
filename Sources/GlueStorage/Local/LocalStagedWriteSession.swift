#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GlueCore
import Synchronization

/// A ``StagedWriteSession`` of ``LocalFileSystemObjectStore``: objects are written under
/// `BUCKET/.localglue-s3/staging/SESSION/KEY` (never listed, never readable as objects) and
/// renamed into place by ``commit()``.
final class LocalStagedWriteSession: StagedWriteSession {
    let bucket: String
    let sessionID: String
    private let store: LocalFileSystemObjectStore
    private let root: String
    private let stagingFolder: String
    private let defaultKMSKeyID: String?
    /// Staged keys; `nil` once the session ended.
    private let staged = Mutex<Set<ObjectKey>?>([])

    init(store: LocalFileSystemObjectStore, bucket: String, root: String, defaultKMSKeyID: String?) throws(GlueError) {
        self.store = store
        self.bucket = bucket
        self.root = root
        self.defaultKMSKeyID = defaultKMSKeyID
        sessionID = UUID().uuidString
        stagingFolder = root + "/" + ObjectKey.reservedFolderName + "/staging/" + sessionID
        try POSIX.makeDirectories(stagingFolder)
    }

    @discardableResult
    func putObject(key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        try ObjectKey.validate(key)
        try options.validate()
        guard staged.withLock({ $0 != nil }) else { throw GlueError.sessionEnded }
        try store.precheckCollision(root: root, key: key)
        let written = try store.writeTemporary(root: root, key: key, body: &body, options: options, defaultKMSKeyID: defaultKMSKeyID)
        do throws(GlueError) {
            try staged.withLock { staged throws(GlueError) in
                guard staged != nil else { throw GlueError.sessionEnded }
                try store.publish(temporary: written.path, base: stagingFolder, key: key)
                staged?.insert(ObjectKey(unchecked: key))
            }
        } catch {
            _ = POSIX.removeFile(written.path)
            throw error
        }
        return written.metadata
    }

    var stagedKeys: [String] {
        staged.withLock { ($0 ?? []).sorted().map(\.rawValue) }
    }

    @discardableResult
    func commit() throws(GlueError) -> [String] {
        try staged.withLock { staged throws(GlueError) -> [String] in
            guard let keys = staged?.sorted() else { throw GlueError.sessionEnded }
            // Check every key first so that a collision publishes nothing.
            for key in keys {
                try store.precheckCollision(root: root, key: key.rawValue)
                for other in keys where other != key && other.rawValue.utf8HasPrefix(key.rawValue + "/") {
                    throw GlueError.keyFolderCollision(key.rawValue, with: other.rawValue)
                }
            }
            var published: [String] = []
            for key in keys {
                try store.publish(temporary: stagingFolder + "/" + key.rawValue, base: root, key: key.rawValue)
                published.append(key.rawValue)
                staged?.remove(key)
            }
            staged = nil
            POSIX.removeTree(stagingFolder)
            return published
        }
    }

    func abort() {
        staged.withLock { staged in
            staged = nil
            POSIX.removeTree(stagingFolder)
        }
    }
}
