/// Row-by-row access to the bytes of a `bytes` or `dictionary` column without copying them:
/// row *i* of a dictionary column reads the dictionary entry its key names.
struct ByteRows {
    let bytes: [UInt8]
    let offsets: [Int]
    /// Dictionary keys per row, or `nil` for plain storage.
    let keys: [Int32]?

    /// A view on `storage`, or `nil` when it does not hold bytes.
    init?(_ storage: ColumnStorage) {
        switch storage {
        case .bytes(let buffer):
            bytes = buffer.bytes
            offsets = buffer.offsets
            keys = nil
        case .dictionary(let indices, let values):
            bytes = values.bytes
            offsets = values.offsets
            keys = indices
        default:
            return nil
        }
    }

    /// Calls `body` with a function that returns the bytes of a row. A dictionary key out of
    /// range reads as empty.
    @inline(__always)
    func withRows<Result>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            offsets.withUnsafeBufferPointer { offsets in
                let entryCount = offsets.count - 1
                if let keys {
                    return keys.withUnsafeBufferPointer { keys in
                        body { row in
                            let key = Int(keys[row])
                            guard key >= 0 && key < entryCount else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
                            return UnsafeBufferPointer(rebasing: bytes[offsets[key]..<offsets[key + 1]])
                        }
                    }
                }
                return body { row in UnsafeBufferPointer(rebasing: bytes[offsets[row]..<offsets[row + 1]]) }
            }
        }
    }

    /// Three-way comparison of byte strings (unsigned bytes, then length), as Spark compares
    /// UTF-8 strings and binary.
    @inline(__always)
    static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let result = memcmpBytes(left, right, common)
            if result != 0 { return result }
        }
        return lhs.count < rhs.count ? -1 : (lhs.count == rhs.count ? 0 : 1)
    }

    @inline(__always)
    static func memcmpBytes(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var index = 0
        // Compare 8 bytes at a time; the first differing word decides through its big-endian form.
        while index + 8 <= count {
            let left = UnsafeRawPointer(lhs + index).loadUnaligned(as: UInt64.self)
            let right = UnsafeRawPointer(rhs + index).loadUnaligned(as: UInt64.self)
            if left != right {
                return left.bigEndian < right.bigEndian ? -1 : 1
            }
            index += 8
        }
        while index < count {
            if lhs[index] != rhs[index] { return lhs[index] < rhs[index] ? -1 : 1 }
            index += 1
        }
        return 0
    }
}
