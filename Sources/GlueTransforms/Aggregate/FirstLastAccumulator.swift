import GlueColumnar
import GlueCore

/// `first(col)` and `last(col)`: the value of the group's first or last row in input order (batch
/// sequence, then row), nulls included, as Spark's `first`/`last` with `ignoreNulls` false. Input
/// order makes the result the same at any parallelism.
struct FirstLastAccumulator: Accumulator {
    let isLast: Bool
    let dataType: DataType
    var positions: [Int64] = []
    var values: [Value] = []

    init(isLast: Bool, dataType: DataType) {
        self.isLast = isLast
        self.dataType = dataType
    }

    private var empty: Int64 { isLast ? Int64.min : Int64.max }

    @inline(__always)
    private func better(_ candidate: Int64, _ current: Int64) -> Bool {
        isLast ? candidate > current : candidate < current
    }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        positions.grow(to: groupCount, with: empty)
        values.grow(to: groupCount, with: .null)
        // One row per group of this batch: the first or the last one; box only that value.
        var chosen: [Int: Int] = [:]
        for (row, group) in groups.enumerated() {
            if isLast || chosen[group] == nil { chosen[group] = row }
        }
        let base = Int64(sequence) << 32
        for (group, row) in chosen {
            let position = base | Int64(row)
            if better(position, positions[group]) {
                positions[group] = position
                values[group] = column.value(at: row)
            }
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? FirstLastAccumulator else { return }
        positions.grow(to: groupCount, with: empty)
        values.grow(to: groupCount, with: .null)
        for (group, target) in mapping.enumerated() where group < other.positions.count && better(other.positions[group], positions[target]) {
            positions[target] = other.positions[group]
            values[target] = other.values[group]
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        var values = self.values
        values.grow(to: groupCount, with: .null)
        return try Column(dataType, values: values.prefix(groupCount))
    }
}
