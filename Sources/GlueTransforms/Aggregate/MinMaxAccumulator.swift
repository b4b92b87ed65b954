import GlueColumnar
import GlueCore

/// `min(col)` and `max(col)` in Spark's order: numbers by value with NaN above every number, text
/// and binary by unsigned bytes, `false` before `true`, dates and timestamps by time. Null for a
/// group without values.
struct MinMaxAccumulator: Accumulator {
    let isMax: Bool
    let dataType: DataType
    var seen: [Bool] = []
    var integers: [Int64] = []
    var doubles: [Double] = []
    var decimals: [Int128] = []
    var texts: [[UInt8]] = []

    init(isMax: Bool, dataType: DataType) {
        self.isMax = isMax
        self.dataType = dataType
    }

    @inline(__always)
    private func better<T: Comparable>(_ candidate: T, than current: T) -> Bool {
        isMax ? candidate > current : candidate < current
    }

    @inline(__always)
    private func betterDouble(_ candidate: Double, than current: Double) -> Bool {
        // NaN is the largest value.
        if candidate.isNaN { return isMax && !current.isNaN }
        if current.isNaN { return !isMax }
        return isMax ? candidate > current : candidate < current
    }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        seen.grow(to: groupCount, with: false)
        let validity = column.validity
        func each(_ body: (Int, Int) -> Void) {
            for (row, group) in groups.enumerated() where validity?.isValid(at: row) ?? true { body(row, group) }
        }
        switch column.storage {
        case .boolean(let values):
            integers.grow(to: groupCount, with: 0)
            each { row, group in consider(Int64(values[row] ? 1 : 0), group) }
        case .int8(let values):
            integers.grow(to: groupCount, with: 0)
            each { row, group in consider(Int64(values[row]), group) }
        case .int16(let values):
            integers.grow(to: groupCount, with: 0)
            each { row, group in consider(Int64(values[row]), group) }
        case .int32(let values):
            integers.grow(to: groupCount, with: 0)
            each { row, group in consider(Int64(values[row]), group) }
        case .int64(let values):
            integers.grow(to: groupCount, with: 0)
            each { row, group in consider(values[row], group) }
        case .float32(let values):
            doubles.grow(to: groupCount, with: 0)
            each { row, group in considerDouble(Double(values[row]), group) }
        case .float64(let values):
            doubles.grow(to: groupCount, with: 0)
            each { row, group in considerDouble(values[row], group) }
        case .int128(let values):
            decimals.grow(to: groupCount, with: 0)
            each { row, group in
                if !seen[group] || better(values[row], than: decimals[group]) { decimals[group] = values[row]; seen[group] = true }
            }
        case .bytes(let buffer):
            texts.grow(to: groupCount, with: [])
            each { row, group in considerText(buffer[row], group) }
        case .dictionary(let keys, let values):
            texts.grow(to: groupCount, with: [])
            each { row, group in
                let key = Int(keys[row])
                if key >= 0 && key < values.count { considerText(values[key], group) }
            }
        default:
            throw GlueError(.invalidInput, "min and max cannot take a column of type \(column.dataType).")
        }
    }

    @inline(__always)
    private mutating func consider(_ value: Int64, _ group: Int) {
        if !seen[group] || better(value, than: integers[group]) {
            integers[group] = value
            seen[group] = true
        }
    }

    @inline(__always)
    private mutating func considerDouble(_ value: Double, _ group: Int) {
        if !seen[group] || betterDouble(value, than: doubles[group]) {
            doubles[group] = value
            seen[group] = true
        }
    }

    private mutating func considerText(_ value: ArraySlice<UInt8>, _ group: Int) {
        if !seen[group] || better(value, than: texts[group]) {
            texts[group] = Array(value)
            seen[group] = true
        }
    }

    private func better(_ candidate: ArraySlice<UInt8>, than current: [UInt8]) -> Bool {
        let less = candidate.lexicographicallyPrecedes(current)
        let greater = current.lexicographicallyPrecedes(candidate)
        return isMax ? greater : less
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? MinMaxAccumulator else { return }
        seen.grow(to: groupCount, with: false)
        if !other.integers.isEmpty { integers.grow(to: groupCount, with: 0) }
        if !other.doubles.isEmpty { doubles.grow(to: groupCount, with: 0) }
        if !other.decimals.isEmpty { decimals.grow(to: groupCount, with: 0) }
        if !other.texts.isEmpty { texts.grow(to: groupCount, with: []) }
        for (group, target) in mapping.enumerated() where group < other.seen.count && other.seen[group] {
            if group < other.integers.count { consider(other.integers[group], target) }
            if group < other.doubles.count { considerDouble(other.doubles[group], target) }
            if group < other.decimals.count, !seen[target] || better(other.decimals[group], than: decimals[target]) {
                decimals[target] = other.decimals[group]
                seen[target] = true
            }
            if group < other.texts.count { considerText(other.texts[group][...], target) }
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        var seen = self.seen
        seen.grow(to: groupCount, with: false)
        let validity = ValidityBitmap(seen)
        func padded<T>(_ values: [T], _ zero: T) -> [T] {
            var copy = values
            copy.grow(to: groupCount, with: zero)
            return Array(copy.prefix(groupCount))
        }
        let storage: ColumnStorage
        switch dataType {
        case .boolean: storage = .boolean(padded(integers, 0).map { $0 != 0 })
        case .tinyint: storage = .int8(padded(integers, 0).map { Int8(truncatingIfNeeded: $0) })
        case .smallint: storage = .int16(padded(integers, 0).map { Int16(truncatingIfNeeded: $0) })
        case .int, .date: storage = .int32(padded(integers, 0).map { Int32(truncatingIfNeeded: $0) })
        case .bigint, .timestamp, .timestampNTZ: storage = .int64(padded(integers, 0))
        case .float: storage = .float32(padded(doubles, 0).map { Float($0) })
        case .double: storage = .float64(padded(doubles, 0))
        case .decimal: storage = .int128(padded(decimals, 0))
        case .string, .char, .varchar, .binary:
            var buffer = VariableWidthBuffer()
            for text in padded(texts, []) { buffer.append(text) }
            storage = .bytes(buffer)
        default:
            throw GlueError(.invalidInput, "min and max cannot take a column of type \(dataType).")
        }
        return Column(dataType, storage: storage, validity: validity)
    }
}
