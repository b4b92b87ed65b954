import Foundation
import Synchronization
import GlueCore
import Testing
@testable import GlueStorage

/// The semantics every ``ObjectStore`` must share, run against each backend.
@Suite struct ObjectStoreContractTests {
    @Test("Buckets: create, list in name order, duplicates, owners, delete", arguments: StoreKind.allCases)
    func buckets(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try store.createBucket("zeta-bucket")
        let other = try AccountID("444455556666")
        try store.createBucket("alpha-bucket", options: CreateBucketOptions(ownerAccount: other))
        #expect(try store.listBuckets().map(\.name.rawValue) == ["alpha-bucket", "zeta-bucket"])
        if kind == .enforcedLocal {
            // Another account's bucket: the lake's administrator is a cross-account caller there.
            expectCode(.accessDenied) { _ = try store.bucketInfo("alpha-bucket") }
            #expect(try fixture.local?.bucketInfo("alpha-bucket").ownerAccount == other)
        } else {
            #expect(try store.bucketInfo("alpha-bucket").ownerAccount == other)
        }
        #expect(try store.bucketInfo("zeta-bucket").ownerAccount == .default)
        expectCode(.bucketAlreadyOwnedByYou) { try store.createBucket("zeta-bucket") }
        expectCode(.bucketAlreadyExists) { try store.createBucket("alpha-bucket") }
        expectCode(.invalidBucketName) { try store.createBucket("Bad_Name") }
        expectCode(.noSuchBucket) { _ = try store.bucketInfo("missing-bucket") }
        try store.putObject(bucket: "zeta-bucket", key: "k", bytes: [1])
        expectCode(.bucketNotEmpty) { try store.deleteBucket("zeta-bucket") }
        try store.deleteObject(bucket: "zeta-bucket", key: "k")
        try store.deleteBucket("zeta-bucket")
        expectCode(.noSuchBucket) { try store.deleteBucket("zeta-bucket") }
        #expect(try store.listBuckets().map(\.name.rawValue) == ["alpha-bucket"])
    }

    @Test("Bucket policy and default key are kept", arguments: StoreKind.allCases)
    func bucketConfiguration(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        let keyARN = fixture.kmsKeyARN
        try store.createBucket("b1x")
        #expect(try store.bucketPolicy("b1x") == nil)
        try store.setBucketPolicy("b1x", policy: #"{"Version":"2012-10-17","Statement":[]}"#)
        #expect(try store.bucketPolicy("b1x") == #"{"Version":"2012-10-17","Statement":[]}"#)
        try store.setBucketPolicy("b1x", policy: nil)
        #expect(try store.bucketPolicy("b1x") == nil)
        try store.setBucketDefaultKMSKey("b1x", keyID: keyARN)
        let metadata = try store.putObject(bucket: "b1x", key: "x", bytes: [1, 2])
        #expect(metadata.serverSideEncryption == .awsKMS(keyID: keyARN))
        #expect(try store.headObject(bucket: "b1x", key: "x").serverSideEncryption == .awsKMS(keyID: keyARN))
        expectCode(.noSuchBucket) { try store.setBucketPolicy("nope-bucket", policy: "{}") }
    }

    @Test("Put, get and head round-trip bytes and metadata", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("data")
        let body = [UInt8].random(count: 3_000_001, seed: 1)
        let options = PutObjectOptions(contentType: "text/csv", metadata: ["Owner": "team-a"], tags: ["env": "dev"])
        let put = try store.putObject(bucket: "data", key: "in/2024/é data.csv", bytes: body, options: options)
        #expect(put.eTag == "\"\(MD5.hex(body))\"")
        #expect(put.size == Int64(body.count))
        let (head, got) = try store.getObjectBytes(bucket: "data", key: "in/2024/é data.csv")
        #expect(got == body)
        #expect(head.eTag == put.eTag)
        #expect(head.contentType == "text/csv")
        #expect(head.metadata == ["owner": "team-a"])
        #expect(head.tags == ["env": "dev"])
        let headOnly = try store.headObject(bucket: "data", key: "in/2024/é data.csv")
        #expect(headOnly == head)
        #expect(abs(headOnly.lastModified.timeIntervalSinceNow) < 600)

        let empty = try store.putObject(bucket: "data", key: "empty", bytes: [])
        #expect(empty.eTag == "\"d41d8cd98f00b204e9800998ecf8427e\"")
        #expect(try store.getObjectBytes(bucket: "data", key: "empty").body.isEmpty)
        #expect(try store.headObject(bucket: "data", key: "empty").contentType == "binary/octet-stream")

        // Overwrite replaces bytes and metadata.
        try store.putObject(bucket: "data", key: "empty", bytes: [9, 9])
        #expect(try store.getObjectBytes(bucket: "data", key: "empty").body == [9, 9])
    }

    @Test("Byte ranges select what HTTP says", arguments: StoreKind.allCases)
    func ranges(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("data")
        let body = [UInt8].random(count: 5000, seed: 2)
        try store.putObject(bucket: "data", key: "r", bytes: body)
        func get(_ header: String) throws -> [UInt8] {
            try store.getObjectBytes(bucket: "data", key: "r", range: ByteRange(parsing: header)).body
        }
        #expect(try get("bytes=0-0") == [body[0]])
        #expect(try get("bytes=10-19") == Array(body[10...19]))
        #expect(try get("bytes=4990-") == Array(body[4990...]))
        #expect(try get("bytes=-10") == Array(body[4990...]))
        #expect(try get("bytes=-99999") == body)
        #expect(try get("bytes=4000-99999") == Array(body[4000...]))
        expectCode(.invalidRange) { _ = try get("bytes=5000-") }
        expectCode(.invalidRange) { _ = try get("bytes=6000-7000") }
        expectCode(.invalidArgument) { _ = try get("bytes=9-3") }
        expectCode(.invalidArgument) { _ = try get("items=0-1") }
        try store.putObject(bucket: "data", key: "zero", bytes: [])
        expectCode(.invalidRange) { _ = try store.getObjectBytes(bucket: "data", key: "zero", range: .suffix(length: 1)) }
    }

    @Test("Missing buckets and keys answer NoSuchBucket and NoSuchKey", arguments: StoreKind.allCases)
    func missing(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("data")
        try store.putObject(bucket: "data", key: "dir/file", bytes: [1])
        expectCode(.noSuchKey) { _ = try store.headObject(bucket: "data", key: "nope") }
        expectCode(.noSuchKey) { _ = try store.getObjectBytes(bucket: "data", key: "dir") }
        expectCode(.noSuchKey) { _ = try store.headObject(bucket: "data", key: "dir/file/deeper") }
        expectCode(.noSuchBucket) { _ = try store.headObject(bucket: "nobucket", key: "x") }
        expectCode(.noSuchBucket) { try store.putObject(bucket: "nobucket", key: "x", bytes: [1]) }
        expectCode(.noSuchBucket) { _ = try store.listObjectsV2(bucket: "nobucket", request: .init()) }
        // Deleting a missing key succeeds, as in S3.
        try store.deleteObject(bucket: "data", key: "nope")
        try store.deleteObject(bucket: "data", key: "dir")
        #expect(try store.headObject(bucket: "data", key: "dir/file").size == 1)
    }

    static let badKeys = [
        "", "/abs", "a//b", "a/", "..", "../x", "a/../b", ".", "a/./b", "x/..", "a\u{0}b",
        ".localglue-s3", ".localglue-s3/tmp/x", String(repeating: "k", count: 1025), String(repeating: "s", count: 256),
    ]

    @Test("Keys that could leave the bucket folder are refused and change nothing", arguments: StoreKind.allCases)
    func badKeysRefused(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try store.createBucket("data")
        let before = fixture.diskSnapshot()
        for key in Self.badKeys {
            do {
                try store.putObject(bucket: "data", key: key, bytes: [1])
                Issue.record("put \(key.debugDescription) succeeded")
            } catch {
                #expect(error.code == .invalidArgument || error.code == .keyTooLong, "\(key.debugDescription): \(error)")
            }
            #expect(throws: GlueError.self) { _ = try store.getObjectBytes(bucket: "data", key: key) }
            #expect(throws: GlueError.self) { _ = try store.headObject(bucket: "data", key: key) }
            #expect(throws: GlueError.self) { try store.deleteObject(bucket: "data", key: key) }
            #expect(throws: GlueError.self) { try store.copyObject(sourceBucket: "data", sourceKey: "x", bucket: "data", key: key) }
        }
        #expect(fixture.diskSnapshot() == before)
        #expect(try store.listObjectsV2(bucket: "data", request: .init()).contents.isEmpty)
    }

    @Test("A key that is also a folder of other keys is a clear error", arguments: StoreKind.allCases)
    func folderCollisions(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try store.createBucket("data")
        try store.putObject(bucket: "data", key: "a/b", bytes: [1])
        try store.putObject(bucket: "data", key: "c", bytes: [2])
        let before = fixture.diskSnapshot()
        for key in ["a", "c/d", "c/d/e", "a/b/x"] {
            do {
                try store.putObject(bucket: "data", key: key, bytes: [3])
                Issue.record("put \(key) succeeded")
            } catch {
                #expect(error.code == .invalidArgument)
                #expect(error.message.contains("collides"), "\(error.message)")
            }
        }
        #expect(fixture.diskSnapshot() == before)
        #expect(try store.listAllObjects(bucket: "data").contents.map(\.key) == ["a/b", "c"])
        // After the folder empties, the key is free.
        try store.deleteObject(bucket: "data", key: "a/b")
        try store.putObject(bucket: "data", key: "a", bytes: [4])
        #expect(try store.getObjectBytes(bucket: "data", key: "a").body == [4])
    }

    @Test("A failing body leaves nothing behind", arguments: StoreKind.allCases)
    func failedPut(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try store.createBucket("data")
        try store.putObject(bucket: "data", key: "keep", bytes: [1, 2, 3])
        let before = fixture.diskSnapshot()
        var source = FailingSource(remaining: 5000)
        expectCode(.internalError) { try store.putObject(bucket: "data", key: "new/deep/key", body: &source, options: .init()) }
        var again = FailingSource(remaining: 10)
        expectCode(.internalError) { try store.putObject(bucket: "data", key: "keep", body: &again, options: .init()) }
        #expect(fixture.diskSnapshot() == before)
        #expect(try store.getObjectBytes(bucket: "data", key: "keep").body == [1, 2, 3])
        expectCode(.noSuchKey) { _ = try store.headObject(bucket: "data", key: "new/deep/key") }
        expectCode(.metadataTooLarge) {
            try store.putObject(bucket: "data", key: "m", bytes: [1], options: PutObjectOptions(metadata: ["big": String(repeating: "x", count: 3000)]))
        }
        #expect(fixture.diskSnapshot() == before)
    }

    @Test("Delete, DeleteObjects and CopyObject", arguments: StoreKind.allCases)
    func deleteAndCopy(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("src")
        try store.createBucket("dst")
        try store.putObject(bucket: "src", key: "a/1", bytes: [1], options: PutObjectOptions(contentType: "text/plain", metadata: ["m": "v"]))
        try store.putObject(bucket: "src", key: "a/2", bytes: [2])
        let copied = try store.copyObject(sourceBucket: "src", sourceKey: "a/1", bucket: "dst", key: "copy/1")
        #expect(copied.contentType == "text/plain")
        #expect(copied.metadata == ["m": "v"])
        #expect(copied.eTag == "\"\(MD5.hex([1]))\"")
        let replaced = try store.copyObject(
            sourceBucket: "src", sourceKey: "a/1", bucket: "dst", key: "copy/2", metadataDirective: .replace,
            options: PutObjectOptions(contentType: "application/json"))
        #expect(replaced.contentType == "application/json")
        #expect(replaced.metadata.isEmpty)
        expectCode(.noSuchKey) { try store.copyObject(sourceBucket: "src", sourceKey: "none", bucket: "dst", key: "x") }
        let result = try store.deleteObjects(bucket: "src", keys: ["a/1", "missing", "bad//key"])
        #expect(result.deleted == ["a/1", "missing"])
        #expect(result.errors.map(\.key) == ["bad//key"])
        #expect(try store.listAllObjects(bucket: "src").contents.map(\.key) == ["a/2"])
    }

    @Test("Listing: prefixes, delimiters, pages and tokens on a small tree", arguments: StoreKind.allCases)
    func smallListing(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("data")
        let keys = ["photos/2006/jan/a.jpg", "photos/2006/feb/b.jpg", "photos/2007/c.jpg", "photos-old", "photos.txt", "readme", "z/é", "z/e"]
        for key in keys { try store.putObject(bucket: "data", key: key, bytes: Array(key.utf8)) }
        let all = try store.listObjectsV2(bucket: "data", request: .init())
        #expect(all.contents.map(\.key) == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(all.isTruncated == false)
        #expect(all.keyCount == keys.count)
        #expect(all.contents.first?.eTag == "\"\(MD5.hex(Array("photos-old".utf8)))\"")
        let top = try store.listObjectsV2(bucket: "data", request: .init(delimiter: "/"))
        #expect(top.commonPrefixes == ["photos/", "z/"])
        #expect(top.contents.map(\.key) == ["photos-old", "photos.txt", "readme"])
        let years = try store.listObjectsV2(bucket: "data", request: .init(prefix: "photos/", delimiter: "/"))
        #expect(years.commonPrefixes == ["photos/2006/", "photos/2007/"])
        #expect(years.contents.isEmpty)
        let page1 = try store.listObjectsV2(bucket: "data", request: .init(delimiter: "/", maxKeys: 2))
        #expect(page1.contents.map(\.key) == ["photos-old", "photos.txt"])
        #expect(page1.isTruncated)
        let token = try #require(page1.nextContinuationToken)
        let page2 = try store.listObjectsV2(bucket: "data", request: .init(delimiter: "/", maxKeys: 2, continuationToken: token))
        #expect(page2.commonPrefixes == ["photos/"])
        #expect(page2.contents.map(\.key) == ["readme"])
        expectCode(.invalidArgument) { _ = try store.listObjectsV2(bucket: "data", request: .init(continuationToken: "garbage!")) }
        expectCode(.invalidArgument) { _ = try store.listObjectsV2(bucket: "data", request: .init(maxKeys: -1)) }
        let none = try store.listObjectsV2(bucket: "data", request: .init(maxKeys: 0))
        #expect(none.keyCount == 0 && !none.isTruncated)
    }

    @Test("Staged objects are invisible until commit; abort removes them", arguments: StoreKind.allCases)
    func staging(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        let store = fixture.store
        try store.createBucket("out")
        try store.putObject(bucket: "out", key: "existing", bytes: [0])
        let session = try store.beginStagedWrite(bucket: "out")
        try session.putObject(key: "run/part-0", bytes: [1])
        try session.putObject(key: "run/part-1", bytes: [2])
        try session.putObject(key: "existing", bytes: [3])
        #expect(session.stagedKeys == ["existing", "run/part-0", "run/part-1"])
        #expect(try store.listAllObjects(bucket: "out").contents.map(\.key) == ["existing"])
        expectCode(.noSuchKey) { _ = try store.headObject(bucket: "out", key: "run/part-0") }
        #expect(try store.getObjectBytes(bucket: "out", key: "existing").body == [0])
        #expect(try session.commit() == ["existing", "run/part-0", "run/part-1"])
        #expect(try store.listAllObjects(bucket: "out").contents.map(\.key) == ["existing", "run/part-0", "run/part-1"])
        #expect(try store.getObjectBytes(bucket: "out", key: "existing").body == [3])
        expectCode(.invalidState) { try session.commit() }
        expectCode(.invalidState) { try session.putObject(key: "late", bytes: [1]) }

        let before = fixture.diskSnapshot()
        let aborted = try store.beginStagedWrite(bucket: "out")
        try aborted.putObject(key: "tmp/x", bytes: [9])
        aborted.abort()
        aborted.abort()
        #expect(try store.listAllObjects(bucket: "out").contents.count == 3)
        #expect(fixture.diskSnapshot() == before)

        // A collision found at commit publishes nothing.
        let clash = try store.beginStagedWrite(bucket: "out")
        try clash.putObject(key: "new-a", bytes: [1])
        try clash.putObject(key: "new-b", bytes: [1])
        try store.putObject(bucket: "out", key: "new-b/child", bytes: [1])
        expectCode(.invalidArgument) { try clash.commit() }
        expectCode(.noSuchKey) { _ = try store.headObject(bucket: "out", key: "new-a") }
        clash.abort()
    }

    @Test("Many writers to one key: the survivor is one whole write with its own ETag", arguments: StoreKind.allCases)
    func concurrentWriters(kind: StoreKind) throws {
        let store = try StoreFixture(kind).store
        try store.createBucket("race")
        let bodies = (0..<8).map { [UInt8].random(count: 200_000 + $0 * 1000, seed: UInt64($0)) }
        let etags = Set(bodies.map { "\"\(MD5.hex($0))\"" })
        try store.putObject(bucket: "race", key: "hot/key", bytes: bodies[0])
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 12) { worker in
            for round in 0..<6 {
                do {
                    if worker < 8 {
                        try store.putObject(bucket: "race", key: "hot/key", bytes: bodies[(worker + round) % 8])
                    } else {
                        let (metadata, body) = try store.getObjectBytes(bucket: "race", key: "hot/key")
                        if "\"\(MD5.hex(body))\"" != metadata.eTag || !etags.contains(metadata.eTag) || Int64(body.count) != metadata.size {
                            failures.add("torn read: \(metadata.eTag) size \(body.count)")
                        }
                        _ = try store.listObjectsV2(bucket: "race", request: .init(prefix: "hot/"))
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let (metadata, body) = try store.getObjectBytes(bucket: "race", key: "hot/key")
        #expect(bodies.contains(body))
        #expect(metadata.eTag == "\"\(MD5.hex(body))\"")
        #expect(try store.listAllObjects(bucket: "race").contents.map(\.key) == ["hot/key"])
    }
}

/// Thread-safe collection of failure messages for concurrent tests.
final class Failures: Sendable {
    private let messages = Mutex<[String]>([])
    func add(_ message: String) { messages.withLock { $0.append(message) } }
    var all: [String] { messages.withLock { $0 } }
}
