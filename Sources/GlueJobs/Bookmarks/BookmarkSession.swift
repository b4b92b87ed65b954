import Foundation
import GlueCore
import Synchronization

/// One run's view of its job's bookmark: which objects each source still has to read, and the new
/// state to commit when (and only when) the run succeeds.
///
/// | option | reads | commits |
/// | --- | --- | --- |
/// | `job-bookmark-disable` | everything | nothing |
/// | `job-bookmark-enable` | what the last committed state has not seen | the new state |
/// | `job-bookmark-pause` | what the last state has not seen, or with `--job-bookmark-from/to` what run `to` had seen and run `from` had not | nothing |
///
/// A node without a transformation context is not bookmarked (in a visual job each node's key is
/// its context, as in Glue Studio's generated scripts).
public final class BookmarkSession: Sendable {
    /// The option in effect.
    public let option: JobArguments.BookmarkOption
    let jobName: String
    let loadedVersion: Int
    let previous: [String: S3BookmarkState]
    let rangeStart: [String: S3BookmarkState]?
    let rangeEnd: [String: S3BookmarkState]?
    let pending = Mutex<[String: S3BookmarkState]>([:])
    /// Set when a Swift job ended without `job.commit()`: the bookmark stays where it was.
    let isWithheld = Mutex(false)

    /// Loads the bookmark of a run's job.
    ///
    /// - Throws: `InvalidInputException` when `--job-bookmark-from`/`--job-bookmark-to` name runs
    ///   that committed no bookmark.
    public init(store: JobStore, jobName: String, arguments: JobArguments) throws(GlueError) {
        option = arguments.bookmarkOption
        self.jobName = jobName
        if option == .disable {
            loadedVersion = 0
            previous = [:]
            rangeStart = nil
            rangeEnd = nil
            return
        }
        let loaded = try store.loadBookmark(jobName: jobName)
        loadedVersion = loaded.version
        previous = loaded.states
        if option == .pause, let from = arguments["--job-bookmark-from"], let to = arguments["--job-bookmark-to"] {
            rangeStart = try store.bookmarkStates(jobName: jobName, runId: from)
            rangeEnd = try store.bookmarkStates(jobName: jobName, runId: to)
        } else {
            rangeStart = nil
            rangeEnd = nil
        }
    }

    /// The objects a source with this context reads in this run, and (when enabled) the state
    /// recorded for the commit.
    ///
    /// - Parameters:
    ///   - context: the node's transformation context; `nil` reads everything.
    ///   - runStart: when the run started; objects modified later wait for the next run.
    ///   - bandMillis: the source's `MaxBand`.
    public func select(_ objects: [S3ObjectReference], context: String?, runStart: Date, bandMillis: Int64 = S3BookmarkState.defaultBandMillis) -> [S3ObjectReference] {
        guard option != .disable, let context else { return objects }
        let selected: [S3ObjectReference]
        if let rangeStart, let rangeEnd {
            selected = objects.filter { object in
                let seenByEnd = rangeEnd[context]?.hasProcessed(key: object.key, lastModified: object.lastModified) ?? false
                let seenByStart = rangeStart[context]?.hasProcessed(key: object.key, lastModified: object.lastModified) ?? false
                return seenByEnd && !seenByStart
            }
        } else {
            selected = objects.filter { object in
                object.lastModified <= runStart
                    && !(previous[context]?.hasProcessed(key: object.key, lastModified: object.lastModified) ?? false)
            }
        }
        if option == .enable {
            let processed = objects.filter { object in
                object.lastModified <= runStart
                    && ((previous[context]?.hasProcessed(key: object.key, lastModified: object.lastModified) ?? false)
                        || selected.contains(object))
            }.map { (key: $0.key, lastModified: $0.lastModified) }
            let state = previous[context].map { $0.advanced(runStart: runStart, processed: processed, bandMillis: bandMillis) }
                ?? S3BookmarkState.initial(runStart: runStart, processed: processed, bandMillis: bandMillis)
            pending.withLock { $0[context] = state }
        }
        return selected
    }

    /// Keeps the bookmark where it was when the run succeeds (a Swift job that did not call
    /// `job.commit()`, as in Glue).
    public func withhold() {
        isWithheld.withLock { $0 = true }
    }

    /// Checks that no other run committed the bookmark since this run loaded it.
    ///
    /// - Throws: `VersionMismatchException`.
    public func checkVersion(store: JobStore) throws(GlueError) {
        guard option == .enable, !isWithheld.withLock({ $0 }) else { return }
        let current = try store.loadBookmark(jobName: jobName).version
        guard current == loadedVersion else {
            throw GlueError(
                .versionMismatch,
                "GLUE_JOB_BOOKMARK_VERSION_MISMATCH_ERROR: the bookmark of job \(jobName) is at version \(current), but this run started from version \(loadedVersion); another run committed first.")
        }
    }

    /// Commits the recorded states after a successful run (only with `job-bookmark-enable`).
    ///
    /// - Throws: `VersionMismatchException` when another run committed first.
    public func commit(store: JobStore, run: JobRun) throws(GlueError) {
        guard option == .enable, !isWithheld.withLock({ $0 }) else { return }
        let states = pending.withLock { $0 }
        try store.commitBookmark(jobName: jobName, loadedVersion: loadedVersion, run: run, states: states)
    }
}
