/// A dictionary of distinct fixed-width values (INT32, INT64, or float bit patterns).
struct ValueDictionary<Key: Hashable & BitwiseCopyable> {
    private(set) var keys: [Key] = []
    private var map: [Key: Int32] = [:]

    var count: Int { keys.count }
    var plainByteCount: Int { keys.count * MemoryLayout<Key>.stride }

    mutating func index(of key: Key) -> Int32 {
        if let index = map[key] { return index }
        let index = Int32(keys.count)
        keys.append(key)
        map[key] = index
        return index
    }

    mutating func truncate(to count: Int) {
        guard count < keys.count else { return }
        for key in keys[count...] { map[key] = nil }
        keys.removeSubrange(count...)
    }

    /// The PLAIN bytes of the entries.
    var plainBytes: [UInt8] {
        keys.withUnsafeBytes { Array($0) }
    }
}
