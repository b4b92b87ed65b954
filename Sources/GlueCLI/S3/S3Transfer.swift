import Foundation
import GlueCore
import GlueStorage

/// The work behind `s3 cp`, `mv` and `sync`: uploads, downloads and copies, one object at a time,
/// each an authorized S3 call, each printed as the AWS CLI prints it.
struct S3Transfer {
    let store: any ObjectStore
    let console: Console
    let dryRun: Bool

    /// One planned transfer.
    enum Item {
        case upload(local: String, to: S3URI)
        case download(S3URI, local: String)
        case copy(S3URI, to: S3URI)
    }

    /// Plans what `cp`/`sync` does for a source and destination.
    func plan(source: String, destination: String, recursive: Bool) throws -> [Item] {
        switch (S3URI(source), S3URI(destination)) {
        case (nil, nil):
            throw ParameterError(option: "paths", reason: "Error: Invalid argument type: at least one of the paths must be s3://")
        case (nil, let target?):
            if recursive {
                return try localFiles(under: source).map { relative in
                    .upload(local: (source as NSString).appendingPathComponent(relative), to: S3URI(bucket: target.bucket, key: Self.join(target.key, relative)))
                }
            }
            let key = target.key.isEmpty || target.key.hasSuffix("/") ? target.key + (source as NSString).lastPathComponent : target.key
            return [.upload(local: source, to: S3URI(bucket: target.bucket, key: key))]
        case (let origin?, nil):
            if recursive {
                return try keys(under: origin).map { key in
                    .download(S3URI(bucket: origin.bucket, key: key), local: (destination as NSString).appendingPathComponent(Self.relative(key, to: origin.key)))
                }
            }
            var isDirectory: ObjCBool = false
            let local = FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) && isDirectory.boolValue || destination.hasSuffix("/")
                ? (destination as NSString).appendingPathComponent((origin.key as NSString).lastPathComponent) : destination
            return [.download(origin, local: local)]
        case (let origin?, let target?):
            if recursive {
                return try keys(under: origin).map { key in
                    .copy(S3URI(bucket: origin.bucket, key: key), to: S3URI(bucket: target.bucket, key: Self.join(target.key, Self.relative(key, to: origin.key))))
                }
            }
            let key = target.key.isEmpty || target.key.hasSuffix("/") ? target.key + (origin.key as NSString).lastPathComponent : target.key
            return [.copy(origin, to: S3URI(bucket: target.bucket, key: key))]
        }
    }

    /// Runs one item and prints its line.
    func run(_ item: Item) throws {
        switch item {
        case .upload(let local, let target):
            if !dryRun {
                var source = try LocalFileByteSource(path: local)
                try store.putObject(bucket: target.bucket, key: target.key, body: &source, options: PutObjectOptions(contentType: Self.contentType(local)))
            }
            console.print("\(dryRun ? "(dryrun) " : "")upload: \(local) to \(target.description)")
        case .download(let origin, let local):
            if !dryRun { try download(origin, to: local) }
            console.print("\(dryRun ? "(dryrun) " : "")download: \(origin.description) to \(local)")
        case .copy(let origin, let target):
            if !dryRun { try store.copyObject(sourceBucket: origin.bucket, sourceKey: origin.key, bucket: target.bucket, key: target.key) }
            console.print("\(dryRun ? "(dryrun) " : "")copy: \(origin.description) to \(target.description)")
        }
    }

    /// Streams an object into a local file through a temporary file and a rename.
    func download(_ origin: S3URI, to local: String) throws {
        let folder = (local as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temporary = local + ".localglue-download-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ConfigurationError("Cannot write \(local).")
        }
        do {
            try store.getObject(bucket: origin.bucket, key: origin.key, range: nil) { chunk throws(GlueError) in
                do { try handle.write(contentsOf: Data(chunk)) } catch { throw GlueError(.internalError, "Cannot write \(local): \(error)") }
            }
            try handle.close()
            _ = try? FileManager.default.removeItem(atPath: local)
            try FileManager.default.moveItem(atPath: temporary, toPath: local)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Every key under a prefix (as a folder: `prefix/` unless the prefix is empty or ends with `/`).
    func keys(under origin: S3URI) throws -> [String] {
        let prefix = origin.key.isEmpty || origin.key.hasSuffix("/") ? origin.key : origin.key + "/"
        return try store.listAllObjects(bucket: origin.bucket, prefix: prefix.isEmpty ? nil : prefix).contents.map(\.key)
    }

    /// Every regular file under a local folder, as relative paths in order.
    func localFiles(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw ConfigurationError("The user-provided path \(folder) does not exist.")
        }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(item), isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(item)
            }
        }
        return files.sorted()
    }

    static func join(_ prefix: String, _ relative: String) -> String {
        prefix.isEmpty ? relative : (prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative)
    }

    static func relative(_ key: String, to prefix: String) -> String {
        let folder = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        return key.hasPrefix(folder) ? String(key.dropFirst(folder.count)) : key
    }

    static func contentType(_ path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": "text/csv"
        case "json": "application/json"
        case "txt": "text/plain"
        case "parquet": "application/octet-stream"
        default: nil
        }
    }
}
