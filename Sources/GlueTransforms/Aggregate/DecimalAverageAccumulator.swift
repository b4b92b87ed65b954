import GlueColumnar
import GlueCore

/// `avg(col)` of a `decimal(p,s)` column, exactly as Spark computes it (`Average` with ANSI
/// off): the sum in `decimal(min(38,p+10), s)` (null when it overflows), divided by the count
/// with the precision and scale Spark's `Divide` gets for `decimal(p+10,s) / decimal(20,0)`
/// (scale `s+21`, reduced by `adjustPrecisionScale` past 38 digits), rounded HALF_UP, then cast
/// HALF_UP to the result type `decimal(min(38,p+4), min(38,s+4))` (null when it does not fit).
/// Null for a group without values.
///
/// Spark's `Decimal` division first rounds to 38 decimal places and then to the division's
/// scale; this rounds the exact quotient once at the division's scale, which can differ only in
/// the last digit, when the quotient's digits past that scale are `4999...` up to the 38th place
/// followed by a digit of 5 or more.
struct DecimalAverageAccumulator: Accumulator {
    let inputScale: Int
    let sumPrecision: Int
    let resultType: DataType
    var sums: [Int128] = []
    var counts: [Int64] = []

    init(precision: Int, scale: Int, resultType: DataType) {
        inputScale = scale
        sumPrecision = min(38, precision + 10)
        self.resultType = resultType
    }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        sums.grow(to: groupCount, with: 0)
        counts.grow(to: groupCount, with: 0)
        guard case .int128(let numbers) = column.storage else {
            throw GlueError(.internalService, "avg over a decimal column got \(column.dataType).")
        }
        let validity = column.validity
        for (row, group) in groups.enumerated() where validity?.isValid(at: row) ?? true {
            sums[group] &+= numbers[row]
            counts[group] += 1
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? DecimalAverageAccumulator else { return }
        sums.grow(to: groupCount, with: 0)
        counts.grow(to: groupCount, with: 0)
        for (group, target) in mapping.enumerated() where group < other.counts.count {
            sums[target] &+= other.sums[group]
            counts[target] += other.counts[group]
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        guard case .decimal(let precision, let scale) = resultType else {
            throw GlueError(.internalService, "avg over a decimal column must give a decimal, not \(resultType).")
        }
        // Spark's Divide of decimal(sumPrecision, s) by decimal(20, 0).
        let divisionPrecision = sumPrecision + 21
        let divisionScale = divisionPrecision > 38 ? max(38 - (sumPrecision - inputScale), 6) : inputScale + 21
        var values = [Int128](repeating: 0, count: groupCount)
        var valid = [Bool](repeating: false, count: groupCount)
        for group in 0..<min(groupCount, counts.count) where counts[group] > 0 {
            guard Decimal128.fits(sums[group], precision: sumPrecision),
                  let quotient = Self.divide(sums[group], by: counts[group], addingDigits: divisionScale - inputScale),
                  Decimal128.fits(quotient, precision: min(38, divisionPrecision)),
                  let average = Decimal128.rescaleRounding(quotient, from: divisionScale, to: scale),
                  Decimal128.fits(average, precision: precision)
            else { continue }
            values[group] = average
            valid[group] = true
        }
        return Column(resultType, storage: .int128(values), validity: ValidityBitmap(valid))
    }

    /// `value × 10^digits / count`, rounded half away from zero, by long division so that no
    /// intermediate overflows; `nil` when the result does not fit 128 bits.
    static func divide(_ value: Int128, by count: Int64, addingDigits digits: Int) -> Int128? {
        guard count > 0, digits >= 0 else { return nil }
        let divisor = Int128(count)
        var (result, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        var left = digits
        while left > 0 {
            // |remainder| < 2^63 and 10^18 < 2^60: each step stays within 128 bits.
            let step = min(left, 18)
            let scaled = remainder * Decimal128.powersOfTen[step]
            let (digitsValue, rest) = scaled.quotientAndRemainder(dividingBy: divisor)
            let (shifted, overflow) = result.multipliedReportingOverflow(by: Decimal128.powersOfTen[step])
            guard !overflow else { return nil }
            let (sum, overflowSum) = shifted.addingReportingOverflow(digitsValue)
            guard !overflowSum else { return nil }
            result = sum
            remainder = rest
            left -= step
        }
        if remainder.magnitude * 2 >= divisor.magnitude {
            result += value < 0 ? -1 : 1
        }
        return result
    }
}
