import GlueCore
import Synchronization

/// A ``StagedWriteSession`` of ``InMemoryObjectStore``: staged objects live in the session until
/// commit inserts them all under the store's lock.
final class InMemoryStagedWriteSession: StagedWriteSession {
    let bucket: String
    private let store: InMemoryObjectStore
    /// `nil` once committed or aborted.
    private let staged = Mutex<[ObjectKey: InMemoryObjectStore.StoredObject]?>([:])

    init(store: InMemoryObjectStore, bucket: String) {
        self.store = store
        self.bucket = bucket
    }

    @discardableResult
    func putObject(key: String, body: inout some ByteSource, options: PutObjectOptions) throws(GlueError) -> ObjectMetadata {
        let object = try store.makeObject(bucket: bucket, key: key, body: &body, options: options)
        try staged.withLock { staged throws(GlueError) in
            guard staged != nil else { throw GlueError.sessionEnded }
            staged?[ObjectKey(unchecked: key)] = object
        }
        return object.metadata
    }

    var stagedKeys: [String] {
        staged.withLock { ($0 ?? [:]).keys.sorted().map(\.rawValue) }
    }

    @discardableResult
    func commit() throws(GlueError) -> [String] {
        try staged.withLock { staged throws(GlueError) -> [String] in
            guard let objects = staged else { throw GlueError.sessionEnded }
            try store.publish(bucket: bucket, objects: objects)
            staged = nil
            return objects.keys.sorted().map(\.rawValue)
        }
    }

    func abort() {
        staged.withLock { $0 = nil }
    }
}

extension GlueError {
    static var sessionEnded: GlueError {
        GlueError(.invalidState, "The staged write session has already been committed or aborted.")
    }
}
