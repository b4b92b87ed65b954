// StorageBench: LocalFileSystemObjectStore throughput and listing (release build).
// Usage: StorageBench put-get MEGABYTES | list KEYS; data lives in $LOCALGLUE_BENCH_DIR (default
// the temporary folder) and is removed at the end.
import Foundation

import GlueCore
import GlueStorage

/// A generator body: `count` bytes of a repeating pseudo-random block, in 1 MiB chunks.
struct GeneratedSource: ByteSource {
    var remaining: Int
    let block: [UInt8]

    init(count: Int) {
        remaining = count
        var state: UInt64 = 42
        block = (0..<(1 << 20)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    mutating func nextChunk(maxLength: Int) throws(GlueError) -> [UInt8]? {
        guard remaining > 0 else { return nil }
        let count = min(remaining, maxLength, block.count)
        remaining -= count
        return count == block.count ? block : Array(block[0..<count])
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments.dropFirst()
guard let mode = arguments.first else {
    print("usage: StorageBenchmarks put-get MEGABYTES | list KEYS")
    exit(2)
}
let scratch = (ProcessInfo.processInfo.environment["LOCALGLUE_BENCH_DIR"] ?? NSTemporaryDirectory()) + "/storage-bench-\(UUID().uuidString)"
defer { try? FileManager.default.removeItem(atPath: scratch) }
let store = try LocalFileSystemObjectStore(lakeDirectory: scratch)
try store.createBucket("bench-bucket")

switch mode {
case "put-get":
    let megabytes = Int(arguments.dropFirst().first ?? "1024") ?? 1024
    let bytes = megabytes << 20
    var source = GeneratedSource(count: bytes)
    var metadata: ObjectMetadata?
    let put = try seconds { metadata = try store.putObject(bucket: "bench-bucket", key: "big/object.bin", body: &source, options: PutObjectOptions()) }
    print(String(format: "putObject  %d MiB in %.2f s: %.0f MB/s (ETag %@)", megabytes, put, Double(bytes) / 1e6 / put, metadata?.eTag ?? "-"))
    var total = 0
    var checksum: UInt8 = 0
    let get = try seconds {
        try store.getObject(bucket: "bench-bucket", key: "big/object.bin", range: nil) { chunk throws(GlueError) in
            total += chunk.count
            checksum ^= chunk.last ?? 0
        }
    }
    print(String(format: "getObject  %d MiB in %.2f s: %.0f MB/s (read %d bytes, x%02x)", megabytes, get, Double(total) / 1e6 / get, total, checksum))
case "list":
    let count = Int(arguments.dropFirst().first ?? "100000") ?? 100_000
    let unsynchronized = try LocalFileSystemObjectStore(lakeDirectory: scratch, synchronizesWrites: false)
    try? unsynchronized.createBucket("bench-bucket")
    let fill = try seconds {
        for index in 0..<count {
            let key = String(format: "year=%04d/month=%02d/part-%05d.csv", 2000 + index % 20, index / 20 % 12 + 1, index)
            try unsynchronized.putObject(bucket: "bench-bucket", key: key, bytes: [UInt8(truncatingIfNeeded: index)])
        }
    }
    print(String(format: "setup: %d keys written in %.1f s (no fsync)", count, fill))
    var listed = 0
    var pages = 0
    let flat = try seconds {
        var request = ListObjectsV2Request()
        while true {
            let page = try store.listObjectsV2(bucket: "bench-bucket", request: request)
            listed += page.keyCount
            pages += 1
            guard let token = page.nextContinuationToken else { break }
            request.continuationToken = token
        }
    }
    print(String(format: "listObjectsV2 all keys: %d keys, %d pages in %.2f s (%.0f keys/s)", listed, pages, flat, Double(listed) / flat))
    var prefixes = 0
    let grouped = try seconds {
        prefixes = try store.listObjectsV2(bucket: "bench-bucket", request: ListObjectsV2Request(delimiter: "/")).commonPrefixes.count
    }
    print(String(format: "listObjectsV2 delimiter '/': %d common prefixes in %.3f s", prefixes, grouped))
    var inOne = 0
    let narrow = try seconds {
        inOne = try store.listObjectsV2(bucket: "bench-bucket", request: ListObjectsV2Request(prefix: "year=2007/month=03/")).keyCount
    }
    print(String(format: "listObjectsV2 one partition prefix: %d keys in %.3f s", inOne, narrow))
default:
    print("unknown mode \(mode)")
    exit(2)
}
