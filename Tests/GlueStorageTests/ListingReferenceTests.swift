import Foundation
import GlueCore
import Testing
@testable import GlueStorage

/// `ListObjectsV2` against a straightforward reference over a few thousand keys, for every
/// combination of prefix, delimiter, max-keys, start-after and continuation tokens.
@Suite struct ListingReferenceTests {
    /// Folder names and file names chosen so that `-`, `.`, `/`, digits and non-ASCII interleave
    /// in UTF-8 order; no name is both a folder and a file at the same level.
    static let folders = ["d", "d-x", "d.y", "d0", "dé", "e"]
    static let files = ["f", "f-1", "f.txt", "g0", "é", "éa", "z", "F", "a b", "~"]

    static let keys: [String] = {
        var keys: [String] = []
        func add(_ prefix: String, depth: Int) {
            for file in files { keys.append(prefix + file) }
            guard depth < 3 else { return }
            for folder in folders { add(prefix + folder + "/", depth: depth + 1) }
        }
        add("", depth: 0)
        return keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }()

    enum Entry: Equatable, CustomStringConvertible {
        case key(String)
        case commonPrefix(String)
        var description: String {
            switch self {
            case .key(let key): "key:\(key)"
            case .commonPrefix(let prefix): "prefix:\(prefix)"
            }
        }
    }

    /// The reference: filter, group, then cut into pages.
    static let keyBytes: [[UInt8]] = keys.map { Array($0.utf8) }

    static func referenceEntries(prefix: String?, delimiter: String?, startAfter: String?) -> [Entry] {
        var entries: [Entry] = []
        let prefixBytes = Array((prefix ?? "").utf8)
        for (key, bytes) in zip(keys, keyBytes) {
            if let startAfter, !startAfter.isEmpty, !startAfter.utf8.lexicographicallyPrecedes(bytes) { continue }
            guard bytes.starts(with: prefixBytes) else { continue }
            if let delimiter, !delimiter.isEmpty {
                let rest = Array(bytes[prefixBytes.count...])
                let delimiterBytes = Array(delimiter.utf8)
                var found: Int?
                if rest.count >= delimiterBytes.count {
                    for index in 0...(rest.count - delimiterBytes.count) where Array(rest[index..<(index + delimiterBytes.count)]) == delimiterBytes {
                        found = index
                        break
                    }
                }
                if let found {
                    let common = String(decoding: prefixBytes + rest[0..<(found + delimiterBytes.count)], as: UTF8.self)
                    if entries.last != .commonPrefix(common) { entries.append(.commonPrefix(common)) }
                    continue
                }
            }
            entries.append(.key(key))
        }
        return entries
    }

    static func pages(_ entries: [Entry], maxKeys: Int) -> [[Entry]] {
        guard maxKeys > 0 else { return [[]] }
        var pages: [[Entry]] = []
        var index = 0
        while index < entries.count {
            pages.append(Array(entries[index..<min(entries.count, index + maxKeys)]))
            index += maxKeys
        }
        return pages.isEmpty ? [[]] : pages
    }

    static func populate(_ store: any ObjectStore) throws {
        try store.createBucket("listing")
        for key in keys { try store.putObject(bucket: "listing", key: key, bytes: Array(key.utf8.prefix(3))) }
    }

    static let prefixes: [String?] = [nil, "", "d", "d/", "d-x/", "dé/", "f", "d/d.y/", "e/e/e/"]
    static let delimiters: [String?] = [nil, "/", "-", ".", "é"]
    static let maxKeysValues: [Int?] = [nil, 0, 1, 7, 250]
    static let startAfters: [String?] = [nil, "", "d/d/f", "d-x", "é", "d/d0/e/~"]

    @Test("Every combination agrees with the reference", arguments: [StoreKind.memory, .local])
    func combinations(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try Self.populate(store)
        #expect(Self.keys.count > 2000)
        var combinations = 0
        for prefix in Self.prefixes {
            for delimiter in Self.delimiters {
                for startAfter in Self.startAfters {
                    let entries = Self.referenceEntries(prefix: prefix, delimiter: delimiter, startAfter: startAfter)
                    for maxKeys in Self.maxKeysValues {
                        combinations += 1
                        let expected = Self.pages(entries, maxKeys: maxKeys ?? 1000)
                        // Small pages over big results: check the first pages and the last one, to keep the suite quick.
                        let pageLimit = (maxKeys ?? 1000) < 250 ? 6 : Int.max
                        var request = ListObjectsV2Request(prefix: prefix, delimiter: delimiter, maxKeys: maxKeys, startAfter: startAfter)
                        var pageIndex = 0
                        while pageIndex < min(expected.count, pageLimit) {
                            let page = try store.listObjectsV2(bucket: "listing", request: request)
                            let got = page.contents.map { Entry.key($0.key) } + page.commonPrefixes.map { Entry.commonPrefix($0) }
                            let want = expected[pageIndex]
                            let label = "prefix=\(prefix ?? "nil") delimiter=\(delimiter ?? "nil") maxKeys=\(maxKeys.map(String.init) ?? "nil") startAfter=\(startAfter ?? "nil") page=\(pageIndex)"
                            // S3 returns keys and prefixes in separate lists; compare as a set of entries in order.
                            let sortedGot = got.sorted { Self.order($0).lexicographicallyPrecedes(Self.order($1)) }
                            #expect(sortedGot == want, "\(label)")
                            #expect(page.keyCount == want.count, "\(label)")
                            let last = pageIndex == expected.count - 1
                            #expect(page.isTruncated == !last, "\(label)")
                            #expect((page.nextContinuationToken != nil) == !last, "\(label)")
                            if sortedGot != want { return }
                            guard let token = page.nextContinuationToken else { break }
                            request.continuationToken = token
                            pageIndex += 1
                        }
                    }
                }
            }
        }
        #expect(combinations == 9 * 5 * 5 * 6)
    }

    static func order(_ entry: Entry) -> [UInt8] {
        switch entry {
        case .key(let key): Array(key.utf8)
        case .commonPrefix(let prefix): Array(prefix.utf8)
        }
    }
}
