/// Parses `double` and `float` values from UTF-8 bytes as Spark's `CAST(string AS DOUBLE/FLOAT)`
/// does with ANSI mode off: Java's `Double.parseDouble` / `Float.parseFloat`, then Spark's
/// special literals.
///
/// Accepted, after trimming bytes `0x00...0x20` at both ends (Java's `trim`):
/// - `[+-]digits[.digits][(e|E)[+-]digits][f|F|d|D]`, with at least one digit before or after the
///   point (`"1."`, `".5"`, `"1e3"`, `"2.5d"`);
/// - Java's `NaN`, `Infinity`, `+Infinity`, `-Infinity` (case-sensitive, optional sign);
/// - Spark's extra literals, any case: `inf`, `+inf`, `infinity`, `+infinity`, `-inf`,
///   `-infinity`, `nan`.
///
/// Not accepted (unlike Java): hexadecimal floating point (`0x1p3`), which is `nil`.
/// Results are correctly rounded: a fast exact path (Clinger) for up to 15-19 significant digits
/// and a small power of ten, and the C library's `strtod`/`strtof` otherwise.
public enum FloatingPointParser {
    /// Parses a `double`; `nil` when the text is not a number.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let text = ByteTrimming.javaTrimmed(bytes)
        switch scan(text) {
        case .number(let negative, let mantissa, let exponent, let exact):
            if exact && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
                var value = Double(mantissa)
                if exponent < 0 { value /= powerOfTen(-exponent) } else if exponent > 0 { value *= powerOfTen(exponent) }
                return negative ? -value : value
            }
            if mantissa == 0 && exact { return negative ? -0.0 : 0.0 }
            return slowDouble(text)
        case .infinity(let negative): return negative ? -.infinity : .infinity
        case .nan: return .nan
        case .invalid: return nil
        }
    }

    /// Parses a `float`, rounding the decimal text directly to binary32 as Java does.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Float? {
        let text = ByteTrimming.javaTrimmed(bytes)
        switch scan(text) {
        case .number(let negative, let mantissa, let exponent, let exact):
            if exact && mantissa <= 1 << 24 && exponent >= -10 && exponent <= 10 {
                var value = Float(mantissa)
                let scale = Float(powerOfTen(exponent < 0 ? -exponent : exponent))
                if exponent < 0 { value /= scale } else if exponent > 0 { value *= scale }
                return negative ? -value : value
            }
            if mantissa == 0 && exact { return negative ? -0.0 : 0.0 }
            return slowFloat(text)
        case .infinity(let negative): return negative ? -.infinity : .infinity
        case .nan: return .nan
        case .invalid: return nil
        }
    }

    /// What the scanner found.
    @usableFromInline
    enum Scanned {
        /// `mantissa × 10^exponent`; `exact` is false when digits beyond 19 were dropped.
        case number(negative: Bool, mantissa: UInt64, exponent: Int, exact: Bool)
        case infinity(negative: Bool)
        case nan
        case invalid
    }

    @inlinable @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Validates the Java grammar and collects up to 19 significant digits.
    @inlinable
    static func scan(_ text: UnsafeBufferPointer<UInt8>) -> Scanned {
        let end = text.count
        guard end > 0 else { return .invalid }
        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < end else { return .invalid }
        let lead = text[index]
        if lead &- UInt8(ascii: "0") >= 10 && lead != UInt8(ascii: ".") { return special(text) }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var exact = true
        var sawDigit = false
        while index < end, case let digit = text[index] &- UInt8(ascii: "0"), digit < 10 {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                if digit != 0 { exact = false }
            }
            index += 1
        }
        if index < end && text[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, case let digit = text[index] &- UInt8(ascii: "0"), digit < 10 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if digit != 0 {
                    exact = false
                }
                index += 1
            }
        }
        guard sawDigit else { return .invalid }
        if index < end && (text[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < end, case let digit = text[index] &- UInt8(ascii: "0"), digit < 10 {
                sawExponentDigit = true
                if written < 100_000_000 { written = written * 10 + Int(digit) }
                index += 1
            }
            guard sawExponentDigit else { return .invalid }
            exponent += exponentNegative ? -written : written
        }
        if index < end {
            let suffix = text[index] | 0x20
            if suffix == UInt8(ascii: "f") || suffix == UInt8(ascii: "d") { index += 1 }
        }
        guard index == end else { return .invalid }
        return .number(negative: negative, mantissa: mantissa, exponent: exponent, exact: exact)
    }

    /// Java's `NaN`/`Infinity` (with an optional sign) and Spark's case-insensitive literals.
    @inlinable
    static func special(_ text: UnsafeBufferPointer<UInt8>) -> Scanned {
        var index = 0
        var negative = false
        var signed = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            signed = true
            index = 1
        }
        let body = UnsafeBufferPointer(rebasing: text[index...])
        if matches(body, "NaN", ignoringCase: false) { return .nan }
        if matches(body, "Infinity", ignoringCase: false) { return .infinity(negative: negative) }
        if matches(body, "inf", ignoringCase: true) || matches(body, "infinity", ignoringCase: true) {
            return .infinity(negative: negative)
        }
        if !signed && matches(body, "nan", ignoringCase: true) { return .nan }
        return .invalid
    }

    @inlinable
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString, ignoringCase: Bool) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            for index in 0..<expected.count {
                let byte = bytes[index]
                if ignoringCase {
                    if byte | 0x20 != expected[index] | 0x20 { return false }
                } else if byte != expected[index] {
                    return false
                }
            }
            return true
        }
    }

    /// Text the fast path cannot round exactly, through the C library (correctly rounded).
    @usableFromInline @inline(never)
    static func slowDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: withoutSuffix(text), as: UTF8.self))
    }

    @usableFromInline @inline(never)
    static func slowFloat(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        Float(String(decoding: withoutSuffix(text), as: UTF8.self))
    }

    static func withoutSuffix(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let last = text.last else { return text }
        let lower = last | 0x20
        if lower == UInt8(ascii: "f") || lower == UInt8(ascii: "d") { return UnsafeBufferPointer(rebasing: text.dropLast()) }
        return text
    }
}
