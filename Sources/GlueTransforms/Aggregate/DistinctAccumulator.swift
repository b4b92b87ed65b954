import GlueColumnar
import GlueCore

/// `countDistinct(col)` and `sumDistinct(col)`: the distinct non-null values per group, kept as
/// encoded (group, value) keys in a hash index.
struct DistinctAccumulator: Accumulator {
    let function: AggFunc
    let resultType: DataType
    var index = KeyIndex()
    var entryGroups: [Int] = []
    var entryDoubles: [Double] = []
    var entryIntegers: [Int64] = []
    var entryDecimals: [Int128] = []

    init(function: AggFunc, resultType: DataType) {
        self.function = function
        self.resultType = resultType
    }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        let groupColumn = Column(.bigint, storage: .int64(groups.map { Int64($0) }))
        let keys = RowKeys([groupColumn, column], rowCount: column.count)
        let numbers: NumericValues? = function == .sumDistinct ? try NumericValues(column) : nil
        let validity = column.validity
        for row in 0..<column.count where validity?.isValid(at: row) ?? true {
            let (_, inserted) = keys.withKey(row) { index.findOrInsert($0, hash: keys.hashes[row]) }
            guard inserted else { continue }
            entryGroups.append(groups[row])
            switch numbers {
            case .integers(let values)?: entryIntegers.append(values[row])
            case .doubles(let values)?: entryDoubles.append(values[row])
            case .decimals(let values, _)?: entryDecimals.append(values[row])
            case nil: break
            }
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? DistinctAccumulator else { return }
        for entry in 0..<other.index.count {
            let target = mapping[other.entryGroups[entry]]
            // Re-key the entry under this table's group number: tag byte, 8-byte group, value.
            var key = other.index.withKey(entry) { Array($0) }
            guard key.count >= 9 else { continue }
            withUnsafeBytes(of: Int64(target).littleEndian) { groupBytes in
                for offset in 0..<8 { key[1 + offset] = groupBytes[offset] }
            }
            let hash = key.withUnsafeBufferPointer { RowHash.hashBytes($0) }
            let (_, inserted) = key.withUnsafeBytes { index.findOrInsert($0, hash: hash) }
            guard inserted else { continue }
            entryGroups.append(target)
            if entry < other.entryIntegers.count { entryIntegers.append(other.entryIntegers[entry]) }
            if entry < other.entryDoubles.count { entryDoubles.append(other.entryDoubles[entry]) }
            if entry < other.entryDecimals.count { entryDecimals.append(other.entryDecimals[entry]) }
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        if function == .countDistinct {
            var counts = [Int64](repeating: 0, count: groupCount)
            for group in entryGroups where group < groupCount { counts[group] += 1 }
            return Column(.bigint, storage: .int64(counts))
        }
        var seen = [Bool](repeating: false, count: groupCount)
        for group in entryGroups where group < groupCount { seen[group] = true }
        switch resultType {
        case .bigint:
            var sums = [Int64](repeating: 0, count: groupCount)
            for (entry, value) in entryIntegers.enumerated() { sums[entryGroups[entry]] &+= value }
            return Column(.bigint, storage: .int64(sums), validity: ValidityBitmap(seen))
        case .decimal:
            var sums = [Int128](repeating: 0, count: groupCount)
            for (entry, value) in entryDecimals.enumerated() { sums[entryGroups[entry]] &+= value }
            return Column(resultType, storage: .int128(sums), validity: ValidityBitmap(seen))
        default:
            var sums = [Double](repeating: 0, count: groupCount)
            for (entry, value) in entryDoubles.enumerated() { sums[entryGroups[entry]] += value }
            return Column(.double, storage: .float64(sums), validity: ValidityBitmap(seen))
        }
    }
}
