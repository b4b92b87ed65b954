import GlueColumnar
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing hash index from encoded keys (``RowKeys``) to dense entry numbers
/// `0, 1, 2, ...` in insertion order: the group table of hash aggregation and de-duplication, and
/// the distinct-key table of a hash join's build side.
struct KeyIndex {
    /// Entry number per slot, -1 when empty; the slot count is a power of two.
    private var slots: [Int32]
    private var mask: Int
    /// The hash of each entry's key.
    private(set) var entryHashes: [UInt64] = []
    /// Each entry's key bytes, back to back.
    private var keyBytes: [UInt8] = []
    private var keyOffsets: [Int] = [0]

    /// The number of entries.
    var count: Int { entryHashes.count }

    /// The approximate bytes the index holds.
    var byteCount: Int { slots.count * 4 + entryHashes.count * 8 + keyBytes.count + keyOffsets.count * 8 }

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The entry of the key, inserting it when new; `inserted` says which.
    @inline(__always)
    mutating func findOrInsert(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (entry: Int, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 {
                let new = count
                slots[slot] = Int32(truncatingIfNeeded: new)
                entryHashes.append(hash)
                keyBytes.append(contentsOf: key)
                keyOffsets.append(keyBytes.count)
                return (new, true)
            }
            if entryHashes[entry] == hash && keyEquals(entry, key) { return (entry, false) }
            slot = (slot + 1) & mask
        }
    }

    /// The entry of the key, or `nil`.
    @inline(__always)
    func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entryHashes[entry] == hash && keyEquals(entry, key) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// The key bytes of an entry.
    func withKey<R>(_ entry: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        keyBytes.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[keyOffsets[entry]..<keyOffsets[entry + 1]])) }
    }

    @inline(__always)
    private func keyEquals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = keyOffsets[entry]
        let length = keyOffsets[entry + 1] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return keyBytes.withUnsafeBytes { all in
            guard let base = all.baseAddress, let other = key.baseAddress else { return false }
            return memcmp(base + start, other, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for entry in 0..<count {
            var slot = Int(truncatingIfNeeded: entryHashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: entry)
        }
    }
}
