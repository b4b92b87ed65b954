import Foundation
import GlueCore
import GlueStorage

/// One object a source reads.
public struct S3ObjectReference: Sendable, Hashable {
    /// The bucket.
    public var bucket: String
    /// The key.
    public var key: String
    /// The size in bytes.
    public var size: Int64
    /// When the object was last written (what job bookmarks compare).
    public var lastModified: Date

    /// `s3://bucket/key`.
    public var location: S3Location { S3Location(bucket: bucket, key: key) }
}

/// Lists the objects under a source's `Paths` as Glue's S3 reader does.
///
/// - A path naming an object reads that object; a path naming a prefix reads the objects below it
///   (all levels when `recurse`, else only those directly in the folder).
/// - Files Hadoop treats as hidden are skipped: names starting with `_` or `.` (`_SUCCESS`,
///   `_temporary/`, `.crc`), and folders of that kind.
/// - `exclusions` are Glue's glob patterns (`**` spans folders, `*` and `?` do not), matched
///   against the key.
public enum S3ObjectListing {
    /// The objects under `paths`, each once, in path order then key order.
    ///
    /// - Throws: the store's errors (`NoSuchBucket`, `AccessDenied`) and `InvalidInputException`
    ///   for a path that is not an S3 location.
    public static func objects(in store: any ObjectStore, paths: [String], recurse: Bool = true, exclusions: [String] = []) throws(GlueError) -> [S3ObjectReference] {
        let excluded = exclusions.map(GlobPattern.init)
        var seen = Set<String>()
        var result: [S3ObjectReference] = []
        for path in paths {
            let location = try S3Location(parsing: path)
            var found: [S3ObjectReference] = []
            if !location.key.isEmpty, !location.key.hasSuffix("/"),
                let metadata = try? store.headObject(bucket: location.bucket, key: location.key)
            {
                found = [S3ObjectReference(bucket: location.bucket, key: location.key, size: metadata.size, lastModified: metadata.lastModified)]
            } else {
                let prefix = location.folderPrefix
                var token: String? = nil
                repeat {
                    let page = try store.listObjectsV2(
                        bucket: location.bucket,
                        request: ListObjectsV2Request(prefix: prefix, delimiter: recurse ? nil : "/", continuationToken: token))
                    for object in page.contents {
                        let relative = String(object.key.dropFirst(prefix.count))
                        guard !relative.isEmpty, !relative.hasSuffix("/"), !isHidden(relative) else { continue }
                        found.append(S3ObjectReference(bucket: location.bucket, key: object.key, size: object.size, lastModified: object.lastModified))
                    }
                    token = page.isTruncated ? page.nextContinuationToken : nil
                } while token != nil
            }
            for object in found where !excluded.contains(where: { $0.matches(object.key) }) {
                if seen.insert(object.bucket + "/" + object.key).inserted { result.append(object) }
            }
        }
        return result
    }

    /// Whether any segment of a relative key starts with `_` or `.`.
    static func isHidden(_ relativeKey: String) -> Bool {
        relativeKey.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") }
    }
}

/// A Glue exclusion glob: `*` and `?` within one path segment, `**` across segments, `{a,b}`
/// alternatives, matched against the whole key.
struct GlobPattern: Sendable {
    let pattern: [UInt8]

    init(_ text: String) { pattern = Array(text.utf8) }

    func matches(_ key: String) -> Bool {
        GlobPattern.match(pattern[...], Array(key.utf8)[...])
    }

    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case UInt8(ascii: "*"):
            if rest.first == UInt8(ascii: "*") {
                let after = rest.dropFirst()
                var index = text.startIndex
                while true {
                    if match(after, text[index...]) { return true }
                    if index == text.endIndex { return false }
                    index += 1
                }
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                if index == text.endIndex || text[index] == UInt8(ascii: "/") { return false }
                index += 1
            }
        case UInt8(ascii: "?"):
            guard let character = text.first, character != UInt8(ascii: "/") else { return false }
            return match(rest, text.dropFirst())
        case UInt8(ascii: "{"):
            guard let close = rest.firstIndex(of: UInt8(ascii: "}")) else { return text.first == first && match(rest, text.dropFirst()) }
            let alternatives = rest[rest.startIndex..<close].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            let after = rest[(close + 1)...]
            return alternatives.contains { match(ArraySlice($0 + after), text) }
        default:
            guard text.first == first else { return false }
            return match(rest, text.dropFirst())
        }
    }
}
