#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import GlueCore

extension LocalFileSystemObjectStore {
    /// Mirrors S3 `ListObjectsV2` over the bucket folder.
    ///
    /// The folder tree is walked depth first with each folder's entries sorted by name, a folder
    /// counting as `name/`; that visits keys in UTF-8 binary order. Subtrees before the start key,
    /// outside the prefix, or under an already returned common prefix are not entered.
    public func listObjectsV2(bucket: String, request: ListObjectsV2Request) throws(GlueError) -> ListObjectsV2Output {
        let root = try folder(of: bucket)
        var paginator = try ListingPaginator(request: request)
        var walker = FolderWalker(root: root, prefix: request.prefix ?? "", after: paginator.walkAfter)
        walker.walk { key in paginator.visit(key) }
        var summaries: [ObjectSummary] = []
        summaries.reserveCapacity(paginator.keys.count)
        for key in paginator.keys {
            guard let object = try? openObject(root: root, key: key, listed: true) else { continue }  // deleted meanwhile
            close(object.descriptor)
            summaries.append(ObjectSummary(object.metadata))
        }
        return paginator.output(bucket: bucket, summaries: summaries)
    }
}

/// Walks a bucket folder in key order, pruning what a listing cannot need.
struct FolderWalker {
    let root: String
    let realRoot: String
    let prefix: String
    let after: String?
    private var skipPrefix: String?
    private var stopped = false

    init(root: String, prefix: String, after: String?) {
        self.root = root
        self.realRoot = POSIX.resolvedPath(root) ?? root
        self.prefix = prefix
        self.after = after
    }

    mutating func walk(_ visit: (String) -> WalkControl) {
        walkFolder(path: root, keyPrefix: "", visit)
    }

    private struct Entry {
        var name: String
        var sortName: String
        var isFolder: Bool
    }

    private mutating func walkFolder(path: String, keyPrefix: String, _ visit: (String) -> WalkControl) {
        guard let raw = try? POSIX.entries(path) else { return }
        var entries: [Entry] = []
        entries.reserveCapacity(raw.count)
        for entry in raw {
            if keyPrefix.isEmpty, entry.name == ObjectKey.reservedFolderName { continue }
            let full = path + "/" + entry.name
            var isFolder: Bool
            switch entry.kind {
            case .directory: isFolder = true
            case .file: isFolder = false
            case .other: continue
            case .unknown:
                guard let status = POSIX.lstatus(full) else { continue }
                if status.isDirectory { isFolder = true } else if status.isRegularFile { isFolder = false } else { continue }
            case .symbolicLink:
                // A link is an object when it resolves to a file inside the bucket; linked
                // folders are not entered (no cycles, no escape).
                guard let real = POSIX.resolvedPath(full), real.utf8HasPrefix(realRoot + "/"),
                    !real.utf8HasPrefix(realRoot + "/" + ObjectKey.reservedFolderName + "/"),
                    POSIX.status(real)?.isRegularFile == true
                else { continue }
                isFolder = false
            }
            entries.append(Entry(name: entry.name, sortName: isFolder ? entry.name + "/" : entry.name, isFolder: isFolder))
        }
        entries.sort { $0.sortName.utf8Precedes($1.sortName) }
        for entry in entries {
            if stopped { return }
            let key = keyPrefix + entry.sortName
            if let skip = skipPrefix {
                if key.utf8HasPrefix(skip) { continue }
                if !skip.utf8HasPrefix(key) { skipPrefix = nil }
            }
            if entry.isFolder {
                // Every key below starts with `key`.
                if !(key.utf8HasPrefix(prefix) || prefix.utf8HasPrefix(key)) {
                    if prefix.utf8Precedes(key) { stopped = true; return }
                    continue
                }
                if let after, key.utf8Precedes(after), !after.utf8HasPrefix(key) { continue }
                walkFolder(path: path + "/" + entry.name, keyPrefix: key, visit)
            } else {
                if let after, !after.utf8Precedes(key) { continue }
                guard key.utf8Count <= 1024 else { continue }
                switch visit(key) {
                case .next: break
                case .stop: stopped = true; return
                case .skip(let prefix): skipPrefix = prefix
                }
            }
        }
    }
}
