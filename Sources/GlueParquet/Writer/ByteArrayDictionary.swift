/// A hash table of distinct byte strings for dictionary encoding: entries are stored back to back
/// and found by an open-addressing table of entry numbers.
struct ByteArrayDictionary {
    private(set) var entries = ByteArrayValues()
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { entries.count }
    /// The PLAIN size of the entries (4-byte length prefixes included).
    var plainByteCount: Int { entries.bytes.count + 4 * entries.count }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }

    /// The entry number of `value`, adding it when new.
    mutating func index(of value: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.hash(value)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash {
                let range = entries.range(at: Int(entry))
                let equal = entries.bytes.withUnsafeBytes { stored in
                    range.count == value.count && (range.isEmpty || memcmpEqual(UnsafeRawBufferPointer(rebasing: stored[range]), value))
                }
                if equal { return entry }
            }
            slot = (slot + 1) & mask
        }
        let entry = Int32(entries.count)
        entries.append(value)
        hashes.append(hash)
        slots[slot] = entry
        if entries.count * 2 > slots.count { grow() }
        return entry
    }

    private func memcmpEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        rebuildSlots()
    }

    private mutating func rebuildSlots() {
        let mask = slots.count - 1
        for entry in 0..<entries.count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// Forgets the entries from `count` on (undoing a page that made the dictionary too large).
    mutating func truncate(to count: Int) {
        guard count < entries.count else { return }
        entries.bytes.removeSubrange(entries.offsets[count]...)
        entries.offsets.removeSubrange((count + 1)...)
        hashes.removeSubrange(count...)
        for index in slots.indices { slots[index] = -1 }
        rebuildSlots()
    }
}
