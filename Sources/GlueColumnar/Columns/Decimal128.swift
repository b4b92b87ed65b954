/// Exact arithmetic helpers for decimals stored as unscaled `Int128` values.
public enum Decimal128 {
    /// `10^n` for `n` in `0...38`.
    public static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// Whether an unscaled value has at most `precision` digits.
    @inlinable
    public static func fits(_ unscaled: Int128, precision: Int) -> Bool {
        guard precision >= 1, precision <= 38 else { return false }
        let limit = powersOfTen[precision]
        return unscaled < limit && unscaled > -limit
    }

    /// Changes the scale exactly: multiplies when the scale grows, divides only when no non-zero
    /// digit is dropped. Returns `nil` on overflow or loss.
    public static func rescale(_ unscaled: Int128, from: Int, to: Int) -> Int128? {
        if from == to { return unscaled }
        guard from >= 0, to >= 0, abs(to - from) <= 38 else { return nil }
        if to > from {
            let (product, overflow) = unscaled.multipliedReportingOverflow(by: powersOfTen[to - from])
            return overflow ? nil : product
        }
        let divisor = powersOfTen[from - to]
        let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: divisor)
        return remainder == 0 ? quotient : nil
    }

    /// Changes the scale, rounding half away from zero when digits are dropped (Spark's HALF_UP).
    /// Returns `nil` on overflow.
    public static func rescaleRounding(_ unscaled: Int128, from: Int, to: Int) -> Int128? {
        if to >= from { return rescale(unscaled, from: from, to: to) }
        guard from - to <= 38 else { return 0 }
        let divisor = powersOfTen[from - to]
        let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: divisor)
        if remainder.magnitude * 2 >= divisor.magnitude {
            return unscaled < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// The decimal text of an unscaled value: `format(1234, scale: 2)` is `"12.34"`.
    public static func format(_ unscaled: Int128, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return negative ? "-" + digits : digits
    }
}
