import GlueColumnar
import GlueCore

/// `sum(col)`: `bigint` for integers (wrapping on overflow, as Spark without ANSI mode),
/// `double` for floating point and text, `decimal(p+10,s)` for decimals. Null for a group
/// without values.
struct SumAccumulator: Accumulator {
    let resultType: DataType
    var integers: [Int64] = []
    var doubles: [Double] = []
    var decimals: [Int128] = []
    var seen: [Bool] = []

    init(resultType: DataType) { self.resultType = resultType }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        seen.grow(to: groupCount, with: false)
        let values = try NumericValues(column)
        let validity = column.validity
        switch (resultType, values) {
        case (.bigint, .integers(let numbers)):
            integers.grow(to: groupCount, with: 0)
            integers.withUnsafeMutableBufferPointer { sums in
                seen.withUnsafeMutableBufferPointer { seen in
                    numbers.withUnsafeBufferPointer { numbers in
                        for (row, group) in groups.enumerated() where validity?.isValid(at: row) ?? true {
                            sums[group] &+= numbers[row]
                            seen[group] = true
                        }
                    }
                }
            }
        case (.decimal, .decimals(let numbers, _)):
            decimals.grow(to: groupCount, with: 0)
            for (row, group) in groups.enumerated() where validity?.isValid(at: row) ?? true {
                decimals[group] &+= numbers[row]
                seen[group] = true
            }
        default:
            doubles.grow(to: groupCount, with: 0)
            let numbers = values.doubles
            doubles.withUnsafeMutableBufferPointer { sums in
                seen.withUnsafeMutableBufferPointer { seen in
                    numbers.withUnsafeBufferPointer { numbers in
                        if let validity {
                            for (row, group) in groups.enumerated() where validity.isValid(at: row) {
                                sums[group] += numbers[row]
                                seen[group] = true
                            }
                        } else {
                            for (row, group) in groups.enumerated() {
                                sums[group] += numbers[row]
                                seen[group] = true
                            }
                        }
                    }
                }
            }
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? SumAccumulator else { return }
        seen.grow(to: groupCount, with: false)
        integers.grow(to: groupCount, with: 0)
        doubles.grow(to: groupCount, with: 0)
        decimals.grow(to: groupCount, with: 0)
        for (group, target) in mapping.enumerated() where group < other.seen.count && other.seen[group] {
            seen[target] = true
            if group < other.integers.count { integers[target] &+= other.integers[group] }
            if group < other.doubles.count { doubles[target] += other.doubles[group] }
            if group < other.decimals.count { decimals[target] &+= other.decimals[group] }
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        var seen = self.seen
        seen.grow(to: groupCount, with: false)
        let validity = ValidityBitmap(seen)
        switch resultType {
        case .bigint:
            var values = integers
            values.grow(to: groupCount, with: 0)
            return Column(.bigint, storage: .int64(values), validity: validity)
        case .decimal(let precision, _):
            var values = decimals
            values.grow(to: groupCount, with: 0)
            // A sum past the result precision is null, as Spark's non-ANSI decimal overflow.
            let limit = (0..<precision).reduce(Int128(1)) { value, _ in value * 10 }
            let fits = values.map { $0 > -limit && $0 < limit }
            return Column(resultType, storage: .int128(values), validity: validity.intersection(ValidityBitmap(fits)))
        default:
            var values = doubles
            values.grow(to: groupCount, with: 0)
            return Column(.double, storage: .float64(values), validity: validity)
        }
    }
}
