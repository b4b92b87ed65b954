import GlueCore
import GlueParquet
import GlueStorage

/// The bytes of a Parquet object, read with ranged `GetObject` calls (each one authorized), so a
/// reader fetches only the footer and the column chunks it needs.
struct ObjectParquetSource: ParquetByteSource {
    let store: any ObjectStore
    let object: S3ObjectReference

    var count: Int { Int(object.size) }

    func bytes(in range: Range<Int>) throws(GlueError) -> [UInt8] {
        guard !range.isEmpty else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        try store.getObject(
            bucket: object.bucket, key: object.key,
            range: .closed(first: Int64(range.lowerBound), last: Int64(range.upperBound - 1))
        ) { chunk throws(GlueError) in
            bytes.append(contentsOf: chunk)
        }
        guard bytes.count == range.count else {
            throw GlueError(.invalidData, "\(object.location) changed while it was read: expected \(range.count) bytes at \(range.lowerBound), got \(bytes.count).")
        }
        return bytes
    }
}
