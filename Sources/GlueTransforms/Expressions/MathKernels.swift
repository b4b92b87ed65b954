import Foundation
import GlueColumnar
import GlueCore

/// Math functions with Spark's result types: `floor`/`ceil` of a `double` are `bigint`, `round`
/// rounds `HALF_UP` on the value's decimal text (`round(2.675, 2)` is 2.68, as in Spark), `bround`
/// rounds `HALF_EVEN`; `sqrt` of a negative number is NaN; `ln` of zero or less is null.
enum MathKernels {
    static func evaluate(_ function: ScalarFunction, _ columns: [Column], digits: Int, resultType: DataType) throws(GlueError) -> Column {
        let input = columns[0]
        let validity = input.validity
        switch (function, input.storage) {
        case (.abs, .int8(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { $0 == .min ? $0 : Swift.abs($0) }
        case (.abs, .int16(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { $0 == .min ? $0 : Swift.abs($0) }
        case (.abs, .int32(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { $0 == .min ? $0 : Swift.abs($0) }
        case (.abs, .int64(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { $0 == .min ? $0 : Swift.abs($0) }
        case (.abs, .float32(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { Swift.abs($0) }
        case (.abs, .float64(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { Swift.abs($0) }
        case (.abs, .int128(let values)): return ExpressionKernels.unary(resultType, values, validity: validity) { $0 < 0 ? 0 - $0 : $0 }
        case (.floor, .int64(let values)), (.ceil, .int64(let values)):
            return Column(.bigint, storage: .int64(values), validity: validity)
        case (.floor, .float64(let values)), (.ceil, .float64(let values)):
            let rule: FloatingPointRoundingRule = function == .floor ? .down : .up
            return ExpressionKernels.unary(.bigint, values, validity: validity) { (value: Double) -> Int64? in
                let rounded = value.rounded(rule)
                if rounded.isNaN { return 0 }
                if rounded >= 9.223372036854775807e18 { return .max }
                if rounded <= -9.223372036854775808e18 { return .min }
                return Int64(rounded)
            }
        case (.floor, .int128(let values)), (.ceil, .int128(let values)):
            guard case .decimal(_, let scale) = input.dataType, case .decimal(let precision, _) = resultType else { break }
            let divisor = Decimal128.powersOfTen[min(scale, 38)]
            return ExpressionKernels.unary(resultType, values, validity: validity) { (value: Int128) -> Int128? in
                var (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
                if function == .floor && remainder < 0 { quotient -= 1 }
                if function == .ceil && remainder > 0 { quotient += 1 }
                return Decimal128.fits(quotient, precision: precision) ? quotient : nil
            }
        case (.round, _), (.bround, _):
            return roundColumn(input, digits: digits, halfEven: function == .bround, resultType: resultType)
        case (.pow, .float64(let base)):
            guard case .float64(let exponent) = columns[1].storage else { break }
            return ExpressionKernels.binaryTotal(.double, base, exponent, validity: ValidityBitmap.intersection(validity, columns[1].validity)) { Foundation.pow($0, $1) }
        case (.sqrt, .float64(let values)): return ExpressionKernels.unary(.double, values, validity: validity) { $0.squareRoot() }
        case (.exp, .float64(let values)): return ExpressionKernels.unary(.double, values, validity: validity) { Foundation.exp($0) }
        case (.ln, .float64(let values)): return ExpressionKernels.unary(.double, values, validity: validity) { $0 <= 0 ? nil : Foundation.log($0) }
        case (.log10, .float64(let values)): return ExpressionKernels.unary(.double, values, validity: validity) { $0 <= 0 ? nil : Foundation.log10($0) }
        case (.log2, .float64(let values)): return ExpressionKernels.unary(.double, values, validity: validity) { $0 <= 0 ? nil : Foundation.log2($0) }
        case (.signum, .float64(let values)):
            return ExpressionKernels.unary(.double, values, validity: validity) { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
        default:
            break
        }
        throw GlueError(.internalService, "\(function.rawValue) got an argument of unexpected type \(input.dataType).")
    }

    static func roundColumn(_ input: Column, digits: Int, halfEven: Bool, resultType: DataType) -> Column {
        let validity = input.validity
        func roundInteger<T: FixedWidthInteger & FixedWidthValue>(_ values: [T]) -> Column {
            if digits >= 0 { return Column(resultType, storage: T.storage(values), validity: validity) }
            let divisor = Decimal128.powersOfTen[min(-digits, 38)]
            return ExpressionKernels.unary(resultType, values, validity: validity) { (value: T) -> T? in
                let rounded = roundUnscaled(Int128(value), divisor: divisor, halfEven: halfEven) * divisor
                return T(exactly: rounded) ?? T(truncatingIfNeeded: rounded)
            }
        }
        switch input.storage {
        case .int8(let values): return roundInteger(values)
        case .int16(let values): return roundInteger(values)
        case .int32(let values): return roundInteger(values)
        case .int64(let values): return roundInteger(values)
        case .float64(let values):
            return ExpressionKernels.unary(.double, values, validity: validity) { roundDouble($0, digits: digits, halfEven: halfEven) }
        case .float32(let values):
            return ExpressionKernels.unary(.float, values, validity: validity) { Float(roundDouble(Double($0), digits: digits, halfEven: halfEven)) }
        case .int128(let values):
            guard case .decimal(_, let scale) = input.dataType, case .decimal(let precision, let newScale) = resultType else { break }
            let drop = scale - max(digits, 0) < 0 ? 0 : scale - min(max(digits, 0), scale)
            return ExpressionKernels.unary(resultType, values, validity: validity) { (value: Int128) -> Int128? in
                var result = drop > 0 ? roundUnscaled(value, divisor: Decimal128.powersOfTen[drop], halfEven: halfEven) : value
                if digits < 0 {
                    let divisor = Decimal128.powersOfTen[min(-digits, 38)]
                    result = roundUnscaled(result, divisor: divisor, halfEven: halfEven) * divisor
                }
                _ = newScale
                return Decimal128.fits(result, precision: precision) ? result : nil
            }
        default: break
        }
        return .nulls(resultType, count: input.count)
    }

    /// `value / divisor` rounded half up (away from zero) or half even.
    static func roundUnscaled(_ value: Int128, divisor: Int128, halfEven: Bool) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        let twice = remainder.magnitude * 2
        let away = value < 0 ? quotient - 1 : quotient + 1
        if twice > divisor.magnitude { return away }
        if twice == divisor.magnitude { return halfEven ? (quotient % 2 == 0 ? quotient : away) : away }
        return quotient
    }

    /// Spark's `round` of a double: the shortest decimal text of the value, rounded at `digits`.
    static func roundDouble(_ value: Double, digits: Int, halfEven: Bool) -> Double {
        guard value.isFinite else { return value }
        let text = value.description
        guard let exact = text.utf8.withContiguousStorageIfAvailable({ DecimalParser.parse($0, precision: 38, scale: 17) }) ?? nil,
            abs(value) < 1e20
        else {
            return value
        }
        let scale = 17
        let keep = min(max(digits, -20), scale)
        let divisor = Decimal128.powersOfTen[scale - keep]
        let rounded = roundUnscaled(exact, divisor: divisor, halfEven: halfEven)
        if keep >= 0 { return Double(Decimal128.format(rounded, scale: keep)) ?? value }
        return (Double(Decimal128.format(rounded, scale: 0)) ?? value) * Foundation.pow(10, Double(-keep))
    }
}
