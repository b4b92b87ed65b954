import GlueColumnar
import GlueCore

/// The running state of one aggregation over every group of a hash aggregate.
///
/// Kept per worker (no lock); `merge` folds another worker's accumulator in with a mapping from
/// its group numbers to this table's.
protocol Accumulator: Sendable {
    /// Adds a batch: `groups[i]` is the group of row `i`; `groupCount` groups exist now.
    /// `sequence` orders batches for `first`/`last`.
    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError)
    /// Folds in another accumulator of the same kind; `mapping[g]` is its group `g` here.
    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int)
    /// The result column, one row per group.
    func finish(groupCount: Int) throws(GlueError) -> Column
}

enum Accumulators {
    /// A fresh accumulator for a function over an input type.
    static func make(_ function: AggFunc, input: DataType) throws(GlueError) -> any Accumulator {
        let result = try function.resultType(for: input)
        switch function {
        case .count: return CountAccumulator()
        case .sum: return SumAccumulator(resultType: result)
        case .avg:
            if case .decimal(let precision, let scale) = input { return DecimalAverageAccumulator(precision: precision, scale: scale, resultType: result) }
            return MomentsAccumulator(function: .avg)
        case .var_samp, .var_pop, .stddev_samp, .stddev_pop, .skewness, .kurtosis: return MomentsAccumulator(function: function)
        case .min, .max: return MinMaxAccumulator(isMax: function == .max, dataType: input)
        case .first, .last: return FirstLastAccumulator(isLast: function == .last, dataType: input)
        case .countDistinct, .sumDistinct: return DistinctAccumulator(function: function, resultType: result)
        }
    }
}

/// A column's numbers in the widest form of their family, for numeric accumulators.
enum NumericValues {
    case integers([Int64])
    case doubles([Double])
    case decimals([Int128], scale: Int)

    /// Reads a numeric column; text is cast to `double` first, as Spark does for `sum('1.5')`.
    init(_ column: Column) throws(GlueError) {
        switch column.storage {
        case .int8(let values): self = .integers(values.map { Int64($0) })
        case .int16(let values): self = .integers(values.map { Int64($0) })
        case .int32(let values): self = .integers(values.map { Int64($0) })
        case .int64(let values): self = .integers(values)
        case .float32(let values): self = .doubles(values.map { Double($0) })
        case .float64(let values): self = .doubles(values)
        case .int128(let values):
            guard case .decimal(_, let scale) = column.dataType else { throw GlueError(.invalidInput, "Not a numeric column: \(column.dataType).") }
            self = .decimals(values, scale: scale)
        default:
            let cast = try column.cast(to: .double)
            guard case .float64(let values) = cast.storage else { throw GlueError(.invalidInput, "Not a numeric column: \(column.dataType).") }
            self = .doubles(values)
        }
    }

    /// The values as doubles.
    var doubles: [Double] {
        switch self {
        case .integers(let values): return values.map { Double($0) }
        case .doubles(let values): return values
        case .decimals(let values, let scale):
            let divisor = (0..<scale).reduce(1.0) { value, _ in value * 10 }
            return values.map { Double($0) / divisor }
        }
    }
}

extension Array {
    /// Grows the array to `count` elements with `value`.
    mutating func grow(to count: Int, with value: Element) {
        if self.count < count { append(contentsOf: repeatElement(value, count: count - self.count)) }
    }
}
