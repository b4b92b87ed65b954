import GlueCore
import GlueStorage

/// Pulls an object's bytes in order with ranged `GetObject` calls (each authorized), for the
/// streaming CSV and JSON readers: memory holds one buffer, whatever the object's size.
final class ObjectByteReader {
    let store: any ObjectStore
    let object: S3ObjectReference
    private var offset: Int64 = 0

    init(store: any ObjectStore, object: S3ObjectReference) {
        self.store = store
        self.object = object
    }

    /// Fills `buffer` with the next bytes; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        let remaining = object.size - offset
        guard remaining > 0, buffer.count > 0 else { return 0 }
        let wanted = Int(min(Int64(buffer.count), remaining))
        var filled = 0
        try store.getObject(
            bucket: object.bucket, key: object.key, range: .closed(first: offset, last: offset + Int64(wanted) - 1)
        ) { chunk throws(GlueError) in
            let count = min(chunk.count, wanted - filled)
            guard count > 0, let base = buffer.baseAddress, let source = chunk.baseAddress else { return }
            (base + filled).copyMemory(from: source, byteCount: count)
            filled += count
        }
        offset += Int64(filled)
        return filled
    }

    /// A source closure for the format readers.
    var source: (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        { buffer throws(GlueError) in try self.read(into: buffer) }
    }
}
