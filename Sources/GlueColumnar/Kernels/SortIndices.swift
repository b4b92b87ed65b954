import GlueCore

/// One key of a sort: a column, its direction and where its nulls go.
public struct SortKey: Sendable {
    /// The values to sort by.
    public var column: Column
    /// Ascending (smallest first) or descending.
    public var ascending: Bool
    /// Whether nulls come before all values.
    public var nullsFirst: Bool

    /// A sort key; by default nulls come first when ascending and last when descending, as in
    /// Spark's `ORDER BY`.
    public init(_ column: Column, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.column = column
        self.ascending = ascending
        self.nullsFirst = nullsFirst ?? ascending
    }
}

extension Column {
    /// The row order that sorts by `keys` (first key first), stable: rows that compare equal keep
    /// their original order.
    ///
    /// Values order as Spark orders them: numbers by value with NaN above everything, text and
    /// binary by unsigned bytes, `false` before `true`, dates and timestamps by time.
    ///
    /// - Precondition: every key column has the same number of rows.
    /// - Complexity: O(*n* log *n*) comparisons.
    public static func sortIndices(by keys: [SortKey]) -> [Int] {
        let count = keys.first?.column.count ?? 0
        precondition(keys.allSatisfy { $0.column.count == count }, "sort keys of different lengths")
        let comparators = keys.map { SortComparator($0) }
        var indices = Array(0..<count)
        guard count > 1, !comparators.isEmpty else { return indices }
        var scratch = indices
        // Bottom-up merge sort: stable, O(n log n), no recursion.
        var width = 1
        while width < count {
            var start = 0
            while start < count {
                let middle = min(start + width, count)
                let end = min(start + 2 * width, count)
                var left = start
                var right = middle
                var out = start
                while left < middle && right < end {
                    var order = 0
                    for comparator in comparators {
                        order = comparator.compare(indices[right], indices[left])
                        if order != 0 { break }
                    }
                    if order < 0 {
                        scratch[out] = indices[right]
                        right += 1
                    } else {
                        scratch[out] = indices[left]
                        left += 1
                    }
                    out += 1
                }
                while left < middle { scratch[out] = indices[left]; left += 1; out += 1 }
                while right < end { scratch[out] = indices[right]; right += 1; out += 1 }
                start += 2 * width
            }
            swap(&indices, &scratch)
            width *= 2
        }
        return indices
    }

    /// The row order for keys given as tuples (see ``sortIndices(by:)-([SortKey])``).
    public static func sortIndices(by keys: [(column: Column, ascending: Bool, nullsFirst: Bool)]) -> [Int] {
        sortIndices(by: keys.map { SortKey($0.column, ascending: $0.ascending, nullsFirst: $0.nullsFirst) })
    }
}

/// Compares two rows of one sort key, with direction and null placement applied.
struct SortComparator {
    private let compareValues: (Int, Int) -> Int
    private let validity: ValidityBitmap?
    private let ascending: Bool
    private let nullsFirst: Bool

    init(_ key: SortKey) {
        validity = key.column.validity
        ascending = key.ascending
        nullsFirst = key.nullsFirst
        compareValues = SortComparator.valueComparator(key.column)
    }

    /// -1 when row `a` sorts before row `b`, 1 after, 0 when equal.
    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int {
        if let validity {
            let aValid = validity.isValid(at: a)
            let bValid = validity.isValid(at: b)
            if !aValid || !bValid {
                if aValid == bValid { return 0 }
                return aValid == nullsFirst ? 1 : -1
            }
        }
        let order = compareValues(a, b)
        return ascending ? order : -order
    }

    static func valueComparator(_ column: Column) -> (Int, Int) -> Int {
        switch column.storage {
        case .boolean(let values): return { (values[$0] ? 1 : 0) - (values[$1] ? 1 : 0) }
        case .int8(let values): return { Comparison.threeWay(values[$0], values[$1]) }
        case .int16(let values): return { Comparison.threeWay(values[$0], values[$1]) }
        case .int32(let values): return { Comparison.threeWay(values[$0], values[$1]) }
        case .int64(let values): return { Comparison.threeWay(values[$0], values[$1]) }
        case .int128(let values): return { Comparison.threeWay(values[$0], values[$1]) }
        case .float32(let values): return { Comparison.sparkThreeWay(values[$0], values[$1]) }
        case .float64(let values): return { Comparison.sparkThreeWay(values[$0], values[$1]) }
        case .bytes(let buffer):
            let bytes = buffer.bytes
            let offsets = buffer.offsets
            return { a, b in
                bytes.withUnsafeBufferPointer { base in
                    ByteRows.compare(
                        UnsafeBufferPointer(rebasing: base[offsets[a]..<offsets[a + 1]]),
                        UnsafeBufferPointer(rebasing: base[offsets[b]..<offsets[b + 1]]))
                }
            }
        case .dictionary(let keys, let values):
            // Rank the distinct values once; rows then compare by rank.
            let entries = Column(.binary, storage: .bytes(values))
            let order = Column.sortIndices(by: [SortKey(entries)])
            var rank = [Int](repeating: 0, count: values.count)
            values.bytes.withUnsafeBufferPointer { base in
                var current = 0
                for position in order.indices {
                    let entry = order[position]
                    if position > 0 {
                        let previous = UnsafeBufferPointer(rebasing: base[values.range(at: order[position - 1])])
                        if ByteRows.compare(previous, UnsafeBufferPointer(rebasing: base[values.range(at: entry)])) != 0 { current += 1 }
                    }
                    rank[entry] = current
                }
            }
            return { a, b in
                let keyA = Int(keys[a])
                let keyB = Int(keys[b])
                let rankA = keyA >= 0 && keyA < rank.count ? rank[keyA] : -1
                let rankB = keyB >= 0 && keyB < rank.count ? rank[keyB] : -1
                return Comparison.threeWay(rankA, rankB)
            }
        default:
            // Nested values have no order in Spark's ORDER BY of this engine: keep input order.
            return { _, _ in 0 }
        }
    }
}
