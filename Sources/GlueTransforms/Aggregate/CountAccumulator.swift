import GlueColumnar
import GlueCore

/// `count(col)`: the non-null values per group.
struct CountAccumulator: Accumulator {
    var counts: [Int64] = []

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        counts.grow(to: groupCount, with: 0)
        counts.withUnsafeMutableBufferPointer { counts in
            if let validity = column.validity {
                for (row, group) in groups.enumerated() where validity.isValid(at: row) { counts[group] &+= 1 }
            } else {
                for group in groups { counts[group] &+= 1 }
            }
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? CountAccumulator else { return }
        counts.grow(to: groupCount, with: 0)
        for (group, count) in other.counts.enumerated() { counts[mapping[group]] &+= count }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        var result = counts
        result.grow(to: groupCount, with: 0)
        return Column(.bigint, storage: .int64(result))
    }
}
