import GlueCore

/// What a key walk should do after one key.
enum WalkControl {
    /// Go on with the next key.
    case next
    /// Skip every further key that begins with this prefix.
    case skip(prefix: String)
    /// Stop the walk.
    case stop
}

/// Turns a walk over keys in UTF-8 order into one `ListObjectsV2` page; shared by every store so
/// that they agree on prefixes, delimiters, pages and tokens.
struct ListingPaginator {
    let request: ListObjectsV2Request
    let prefix: String
    let delimiter: String?
    let maxKeys: Int
    /// Keys at or before this one are not listed.
    let after: String?
    /// Keys under this common prefix are not listed (the previous page ended on it).
    let skipPrefix: String?

    private(set) var keys: [String] = []
    private(set) var commonPrefixes: [String] = []
    private(set) var isTruncated = false
    private var lastEntry: ContinuationToken?
    private var count = 0

    init(request: ListObjectsV2Request) throws(GlueError) {
        self.request = request
        prefix = request.prefix ?? ""
        delimiter = (request.delimiter?.isEmpty ?? true) ? nil : request.delimiter
        if let maxKeys = request.maxKeys, maxKeys < 0 {
            throw GlueError(.invalidArgument, "Argument maxKeys must be an integer between 0 and 2147483647")
        }
        maxKeys = request.effectiveMaxKeys
        if let token = request.continuationToken {
            let decoded = try ContinuationToken(decoding: token)
            after = decoded.marker
            skipPrefix = decoded.isCommonPrefix ? decoded.marker : nil
        } else {
            after = request.startAfter.flatMap { $0.isEmpty ? nil : $0 }
            skipPrefix = nil
        }
    }

    /// The smallest key the walk needs to visit (exclusive), combining prefix and start.
    var walkAfter: String? { after }

    /// Feeds one key (in increasing UTF-8 order, strictly after `walkAfter`).
    mutating func visit(_ key: String) -> WalkControl {
        if let after, !after.utf8Precedes(key) { return .next }
        if let skipPrefix, key.utf8HasPrefix(skipPrefix) { return .skip(prefix: skipPrefix) }
        guard key.utf8HasPrefix(prefix) else {
            return prefix.utf8Precedes(key) ? .stop : .next
        }
        var entry = ContinuationToken(marker: key, isCommonPrefix: false)
        if let delimiter {
            let rest = key.utf8.dropFirst(prefix.utf8.count)
            if let range = rest.firstRange(of: delimiter.utf8) {
                let common = String(decoding: key.utf8[key.utf8.startIndex..<range.upperBound], as: UTF8.self)
                entry = ContinuationToken(marker: common, isCommonPrefix: true)
            }
        }
        if count == maxKeys {
            isTruncated = count > 0 || maxKeys > 0 ? true : false
            return .stop
        }
        count += 1
        lastEntry = entry
        if entry.isCommonPrefix {
            commonPrefixes.append(entry.marker)
            return .skip(prefix: entry.marker)
        }
        keys.append(key)
        return .next
    }

    /// The page, given the metadata of the listed keys (keys that vanished meanwhile are dropped).
    func output(bucket: String, summaries: [ObjectSummary]) -> ListObjectsV2Output {
        let truncated = isTruncated && maxKeys > 0
        return ListObjectsV2Output(
            name: bucket, prefix: request.prefix, delimiter: request.delimiter, maxKeys: maxKeys,
            startAfter: request.startAfter, continuationToken: request.continuationToken,
            contents: summaries, commonPrefixes: commonPrefixes, isTruncated: truncated,
            nextContinuationToken: truncated ? lastEntry?.encoded() : nil)
    }
}
