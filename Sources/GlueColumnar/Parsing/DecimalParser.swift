/// Parses `decimal(p,s)` values from UTF-8 bytes as Spark's `CAST(string AS DECIMAL(p,s))` does
/// with ANSI mode off (`Decimal.fromString`, then `changePrecision` with `ROUND_HALF_UP`).
///
/// Accepted, after trimming bytes `0x00...0x20` (Java's `BigDecimal` syntax):
/// `[+-]digits[.digits][(e|E)[+-]digits]` with at least one digit (`"1."`, `".5"`, `"1.5E3"`).
/// The value is rounded to `scale` digits after the point, half away from zero (`2.345` in
/// `decimal(4,2)` is `2.35`, `-2.345` is `-2.35`). The result is `nil` when the text is not a
/// number, has more than 38 integral digits, or does not fit `precision` digits after rounding.
/// No `BigDecimal` is built: the digits are read twice from the bytes.
public enum DecimalParser {
    /// Parses a decimal into its unscaled value (`12.34` at scale 2 is `1234`).
    ///
    /// - Parameters:
    ///   - bytes: the text's UTF-8 bytes.
    ///   - precision: total digits allowed, 1...38.
    ///   - scale: digits after the point, 0...precision.
    /// - Returns: the unscaled value, or `nil` for bad text or overflow.
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, precision: Int, scale: Int) -> Int128? {
        guard precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision else { return nil }
        let text = ByteTrimming.javaTrimmed(bytes)
        let end = text.count
        guard end > 0 else { return nil }
        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        // Pass 1: validate, find the first significant digit, count digits and the fraction.
        var firstSignificant = -1
        var significantCount = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        while index < end {
            let byte = text[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if inFraction { fractionDigits += 1 }
                if firstSignificant < 0 && digit != 0 { firstSignificant = index }
                if firstSignificant >= 0 { significantCount += 1 }
            } else if byte == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        let digitsEnd = index
        var exponent = 0
        if index < end {
            guard text[index] | 0x20 == UInt8(ascii: "e") else { return nil }
            index += 1
            var exponentNegative = false
            if index < end && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < end else { return nil }
            while index < end {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                exponent = exponent * 10 + Int(digit)
                // Java's BigDecimal rejects exponents beyond Int32.
                guard exponent <= Int(Int32.max) else { return nil }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        guard firstSignificant >= 0 else { return 0 }
        // value = S × 10^(exponent − fractionDigits), S the significant digits.
        let power = exponent - fractionDigits
        let integralDigits = significantCount + power
        if integralDigits > 38 { return nil }
        let kept = integralDigits + scale
        if kept > 38 { return nil }
        if kept < 0 { return 0 }
        // Pass 2: accumulate the first `kept` significant digits, then round on the next one.
        var unscaled: Int128 = 0
        var taken = 0
        var roundUp = false
        index = firstSignificant
        while index < digitsEnd {
            let digit = text[index] &- UInt8(ascii: "0")
            if digit < 10 {
                if taken < kept {
                    unscaled = unscaled * 10 + Int128(digit)
                    taken += 1
                } else {
                    roundUp = digit >= 5
                    break
                }
            }
            index += 1
        }
        while taken < kept {
            unscaled *= 10
            taken += 1
        }
        if roundUp { unscaled += 1 }
        guard Decimal128.fits(unscaled, precision: precision) else { return nil }
        return negative ? -unscaled : unscaled
    }
}
