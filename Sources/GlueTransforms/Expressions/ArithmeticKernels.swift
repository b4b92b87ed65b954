import GlueColumnar
import GlueCore

/// The arithmetic kernels behind ``ScalarExpression/arithmetic(_:_:_:_:)``: both operands already hold
/// the operator's input type.
///
/// ANSI mode off: integer overflow wraps (Java), division or remainder by zero is null, a decimal
/// result that needs more than its precision is null.
enum ArithmeticKernels {
    static func evaluate(_ op: ArithmeticOperator, _ lhs: Column, _ rhs: Column, result: DataType) throws(GlueError) -> Column {
        let validity = ValidityBitmap.intersection(lhs.validity, rhs.validity)
        switch (lhs.storage, rhs.storage) {
        case (.int8(let l), .int8(let r)): return integral(op, l, r, validity, result)
        case (.int16(let l), .int16(let r)): return integral(op, l, r, validity, result)
        case (.int32(let l), .int32(let r)): return integral(op, l, r, validity, result)
        case (.int64(let l), .int64(let r)): return integral(op, l, r, validity, result)
        case (.float32(let l), .float32(let r)): return fractional(op, l, r, validity, result)
        case (.float64(let l), .float64(let r)): return fractional(op, l, r, validity, result)
        case (.int128(let l), .int128(let r)):
            guard case .decimal(_, let s1) = lhs.dataType, case .decimal(_, let s2) = rhs.dataType else { break }
            return decimal(op, l, s1, r, s2, validity, result)
        default: break
        }
        throw GlueError(.internalService, "No arithmetic kernel for \(lhs.dataType) \(op.rawValue) \(rhs.dataType).")
    }

    static func integral<T: FixedWidthInteger & SignedInteger & FixedWidthValue>(
        _ op: ArithmeticOperator, _ l: [T], _ r: [T], _ validity: ValidityBitmap?, _ result: DataType
    ) -> Column {
        switch op {
        case .add: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 &+ $1 }
        case .subtract: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 &- $1 }
        case .multiply: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 &* $1 }
        case .remainder:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> T? in
                b == 0 ? nil : a.remainderReportingOverflow(dividingBy: b).partialValue
            }
        case .integralDivide:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> Int64? in
                b == 0 ? nil : Int64(truncatingIfNeeded: a.dividedReportingOverflow(by: b).partialValue)
            }
        case .divide:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> Double? in
                b == 0 ? nil : Double(a) / Double(b)
            }
        }
    }

    static func fractional<T: BinaryFloatingPoint & FixedWidthValue>(
        _ op: ArithmeticOperator, _ l: [T], _ r: [T], _ validity: ValidityBitmap?, _ result: DataType
    ) -> Column {
        switch op {
        case .add: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 + $1 }
        case .subtract: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 - $1 }
        case .multiply: return ExpressionKernels.binaryTotal(result, l, r, validity: validity) { $0 * $1 }
        case .divide: return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> T? in b == 0 ? nil : a / b }
        case .remainder:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> T? in
                b == 0 ? nil : a.truncatingRemainder(dividingBy: b)
            }
        case .integralDivide:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: T, b: T) -> Int64? in
                guard b != 0 else { return nil }
                let quotient = Double(a / b)
                guard quotient.isFinite else { return nil }
                return Int64(exactly: quotient.rounded(.towardZero)) ?? (quotient < 0 ? .min : .max)
            }
        }
    }

    static func decimal(
        _ op: ArithmeticOperator, _ l: [Int128], _ s1: Int, _ r: [Int128], _ s2: Int, _ validity: ValidityBitmap?, _ result: DataType
    ) -> Column {
        if op == .integralDivide {
            let scale = max(s1, s2)
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: Int128, b: Int128) -> Int64? in
                guard b != 0, let x = Decimal128.rescale(a, from: s1, to: scale), let y = Decimal128.rescale(b, from: s2, to: scale) else { return nil }
                return Int64(truncatingIfNeeded: x / y)
            }
        }
        guard case .decimal(let precision, let scale) = result else { return .nulls(result, count: l.count) }
        switch op {
        case .add, .subtract, .remainder:
            let common = max(s1, s2)
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: Int128, b: Int128) -> Int128? in
                guard let x = Decimal128.rescale(a, from: s1, to: common), let y = Decimal128.rescale(b, from: s2, to: common) else { return nil }
                let value: Int128
                switch op {
                case .add:
                    let (sum, overflow) = x.addingReportingOverflow(y)
                    if overflow { return nil }
                    value = sum
                case .subtract:
                    let (difference, overflow) = x.subtractingReportingOverflow(y)
                    if overflow { return nil }
                    value = difference
                default:
                    if y == 0 { return nil }
                    value = x.remainderReportingOverflow(dividingBy: y).partialValue
                }
                guard let scaled = Decimal128.rescaleRounding(value, from: common, to: scale), Decimal128.fits(scaled, precision: precision) else { return nil }
                return scaled
            }
        case .multiply:
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: Int128, b: Int128) -> Int128? in
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                if overflow { return nil }
                guard let scaled = Decimal128.rescaleRounding(product, from: s1 + s2, to: scale), Decimal128.fits(scaled, precision: precision) else { return nil }
                return scaled
            }
        case .divide:
            // a / b at `scale`: a·10^(scale + s2 − s1) / b, rounded HALF_UP.
            let shift = scale + s2 - s1
            return ExpressionKernels.binary(result, l, r, validity: validity) { (a: Int128, b: Int128) -> Int128? in
                guard b != 0 else { return nil }
                var numerator = a
                var denominator = b
                if shift >= 0 {
                    guard shift <= 38 else { return nil }
                    let (scaled, overflow) = a.multipliedReportingOverflow(by: Decimal128.powersOfTen[shift])
                    if overflow { return nil }
                    numerator = scaled
                } else {
                    guard -shift <= 38 else { return nil }
                    let (scaled, overflow) = b.multipliedReportingOverflow(by: Decimal128.powersOfTen[-shift])
                    if overflow { return nil }
                    denominator = scaled
                }
                let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
                var value = quotient
                if remainder.magnitude * 2 >= denominator.magnitude {
                    value += (numerator < 0) != (denominator < 0) ? -1 : 1
                }
                return Decimal128.fits(value, precision: precision) ? value : nil
            }
        case .integralDivide:
            return .nulls(result, count: l.count)
        }
    }

    /// Unary minus (integers wrap).
    static func negate(_ column: Column) throws(GlueError) -> Column {
        let v = column.validity
        switch column.storage {
        case .int8(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { 0 &- $0 }
        case .int16(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { 0 &- $0 }
        case .int32(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { 0 &- $0 }
        case .int64(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { 0 &- $0 }
        case .float32(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { -$0 }
        case .float64(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { -$0 }
        case .int128(let values): return ExpressionKernels.unary(column.dataType, values, validity: v) { 0 - $0 }
        default: throw GlueError(.invalidInput, "cannot resolve '-' due to data type mismatch: \(column.dataType) is not numeric.")
        }
    }
}
