import GlueCore

/// Row hashes for hash joins, hash aggregation and hash partitioning.
///
/// The hashes are deterministic (no per-process seed), so partitioning is stable across runs.
/// Equal values hash equally when the columns have the same type, and also across the integer
/// types (an `int` 7 and a `bigint` 7), across `float` and `double` holding the same number, and
/// between dictionary-encoded and plain text. Floating point hashes as Spark groups it: `-0.0`
/// like `0.0`, and every NaN alike. A null hashes to a fixed value, so null keys group together
/// (joins drop them themselves).
public enum RowHash {
    /// The starting hash of each row before any column is mixed in.
    public static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    /// The hash of a null value.
    public static let nullHash: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of each row over `columns`, in order.
    ///
    /// - Precondition: every column has the same number of rows.
    /// - Complexity: O(*n* × *k*) for *k* columns, plus the bytes of text columns.
    public static func hash(_ columns: [Column]) -> [UInt64] {
        let count = columns.first?.count ?? 0
        var hashes = [UInt64](repeating: seed, count: count)
        for column in columns { column.combineHashes(into: &hashes) }
        return hashes
    }

    /// A 64-bit finalizer with good avalanche (MurmurHash3's `fmix64`).
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// Mixes a value's hash into a running row hash (order matters).
    @inlinable @inline(__always)
    public static func combine(_ running: UInt64, _ value: UInt64) -> UInt64 {
        mix(running &* 0x100_0000_01B3 ^ value)
    }

    /// The hash of a byte string.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return mix(state) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            state = (state ^ mix(word)) &* 0xBF58_476D_1CE4_E5B9
            state = (state << 27) | (state >> 37)
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return mix(state ^ mix(tail ^ 0x94D0_49BB_1331_11EB))
    }

    /// The hash of a floating-point value, after Spark's normalisation of -0.0 and NaN.
    @inlinable @inline(__always)
    public static func hashDouble(_ value: Double) -> UInt64 {
        if value.isNaN { return mix(0x7FF8_0000_0000_0000) }
        return mix(value == 0 ? 0 : value.bitPattern)
    }
}

extension Column {
    /// Mixes each row's value hash into `hashes` (see ``RowHash``).
    ///
    /// - Precondition: `hashes.count == count`.
    /// - Complexity: O(*n*), plus the bytes of a text column.
    public func combineHashes(into hashes: inout [UInt64]) {
        precondition(hashes.count == count, "one hash per row is needed")
        let valueHashes = hashValues()
        let validity = self.validity
        valueHashes.withUnsafeBufferPointer { values in
            hashes.withUnsafeMutableBufferPointer { hashes in
                for index in 0..<hashes.count {
                    let value = (validity?.isValid(at: index) ?? true) ? values[index] : RowHash.nullHash
                    hashes[index] = RowHash.combine(hashes[index], value)
                }
            }
        }
    }

    /// The hash of each row's value, ignoring validity (null rows hash their placeholder).
    func hashValues() -> [UInt64] {
        switch storage {
        case .boolean(let values): return values.map { RowHash.mix($0 ? 1 : 0) }
        case .int8(let values): return values.map { RowHash.mix(UInt64(bitPattern: Int64($0))) }
        case .int16(let values): return values.map { RowHash.mix(UInt64(bitPattern: Int64($0))) }
        case .int32(let values): return values.map { RowHash.mix(UInt64(bitPattern: Int64($0))) }
        case .int64(let values): return values.map { RowHash.mix(UInt64(bitPattern: $0)) }
        case .float32(let values): return values.map { RowHash.hashDouble(Double($0)) }
        case .float64(let values): return values.map { RowHash.hashDouble($0) }
        case .int128(let values):
            return values.map { RowHash.combine(RowHash.mix(UInt64(truncatingIfNeeded: $0)), UInt64(truncatingIfNeeded: $0 >> 64)) }
        case .bytes(let buffer):
            var result = [UInt64](repeating: 0, count: buffer.count)
            CastSupport.forEachValue(buffer) { index, bytes in result[index] = RowHash.hashBytes(bytes) }
            return result
        case .dictionary(let keys, let values):
            var entries = [UInt64](repeating: 0, count: values.count)
            CastSupport.forEachValue(values) { index, bytes in entries[index] = RowHash.hashBytes(bytes) }
            return keys.map { key in
                let index = Int(key)
                return index >= 0 && index < entries.count ? entries[index] : RowHash.nullHash
            }
        case .list(let offsets, let child):
            let childHashes = child.rowHashesWithNulls()
            return (0..<count).map { row in
                var hash = RowHash.mix(UInt64(offsets[row + 1] - offsets[row]))
                for element in offsets[row]..<offsets[row + 1] { hash = RowHash.combine(hash, childHashes[element]) }
                return hash
            }
        case .structure(let children):
            var hashes = [UInt64](repeating: RowHash.seed, count: count)
            for child in children { child.combineHashes(into: &hashes) }
            return hashes
        case .union(let branchIndices, let branches):
            let branchHashes = branches.map { $0.rowHashesWithNulls() }
            return (0..<count).map { row in
                let branch = Int(branchIndices[row])
                guard branch >= 0 && branch < branchHashes.count else { return RowHash.nullHash }
                return branchHashes[branch][row]
            }
        }
    }

    /// Value hashes with null rows replaced by ``RowHash/nullHash``.
    func rowHashesWithNulls() -> [UInt64] {
        var hashes = hashValues()
        if let validity {
            for index in 0..<count where !validity.isValid(at: index) { hashes[index] = RowHash.nullHash }
        }
        return hashes
    }
}
