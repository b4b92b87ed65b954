import Foundation
import GlueCore
import GlueStorage
import Synchronization

/// A run's staged outputs: one staging session per bucket it writes, the temporary files behind
/// them, and the catalog updates to make once the objects are published.
///
/// Nothing is visible until ``commit()``; ``abort()`` removes every staged object and temporary
/// file.
public final class RunOutputs: OutputCommit {
    struct State {
        var sessions: [String: any StagedWriteSession] = [:]
        var afterCommit: [@Sendable () throws(GlueError) -> Void] = []
        var isEnded = false
        var nextPart = 0
    }

    private let store: any ObjectStore
    /// The folder for the run's temporary files (removed at the end).
    public let temporaryFolder: URL
    private let state = Mutex(State())

    /// Creates the outputs of a run writing through `store`, with temporary files under `temporaryFolder`.
    public init(store: any ObjectStore, temporaryFolder: URL) {
        self.store = store
        self.temporaryFolder = temporaryFolder
    }

    /// A part number unique within the run (`part-r-00000`, `00001`, ...).
    public func nextPartNumber() -> Int {
        state.withLock { state in
            defer { state.nextPart += 1 }
            return state.nextPart
        }
    }

    /// Stages an object in `bucket` from a local file, which is removed afterwards.
    ///
    /// - Throws: the store's errors (`AccessDenied`, `NoSuchBucket`, ...).
    public func stage(bucket: String, key: String, file: URL, options: PutObjectOptions = PutObjectOptions()) throws(GlueError) {
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try self.session(for: bucket)
        var body = try LocalFileByteSource(path: file.path)
        try session.putObject(key: key, body: &body, options: options)
    }

    /// Registers work to do after the objects are published (catalog partitions).
    public func afterCommit(_ action: @escaping @Sendable () throws(GlueError) -> Void) {
        state.withLock { $0.afterCommit.append(action) }
    }

    func session(for bucket: String) throws(GlueError) -> any StagedWriteSession {
        let existing: (any StagedWriteSession)?? = state.withLock { state in
            state.isEnded ? .some(nil) : state.sessions[bucket].map { .some($0) } ?? nil
        }
        if let existing {
            guard let existing else { throw GlueError(.invalidState, "The run's outputs are already published or discarded.") }
            return existing
        }
        let created = try store.beginStagedWrite(bucket: bucket)
        return state.withLock { state in
            if let raced = state.sessions[bucket] {
                created.abort()
                return raced
            }
            state.sessions[bucket] = created
            return created
        }
    }

    /// The keys staged so far, by bucket.
    public var stagedKeys: [String: [String]] {
        state.withLock { $0.sessions.mapValues(\.stagedKeys) }
    }

    public func commit() throws(GlueError) {
        let (sessions, actions) = state.withLock { state -> ([any StagedWriteSession], [@Sendable () throws(GlueError) -> Void]) in
            state.isEnded = true
            return (state.sessions.keys.sorted().compactMap { state.sessions[$0] }, state.afterCommit)
        }
        defer { try? FileManager.default.removeItem(at: temporaryFolder) }
        var published = 0
        do {
            for session in sessions {
                try session.commit()
                published += 1
            }
        } catch {
            for session in sessions.dropFirst(published + 1) { session.abort() }
            throw error
        }
        for action in actions { try action() }
    }

    public func abort() {
        let sessions = state.withLock { state -> [any StagedWriteSession] in
            state.isEnded = true
            return Array(state.sessions.values)
        }
        for session in sessions { session.abort() }
        try? FileManager.default.removeItem(at: temporaryFolder)
    }
}
