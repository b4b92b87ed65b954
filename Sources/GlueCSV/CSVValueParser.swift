#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlueColumnar
import GlueCore

/// Byte-level parsers for CSV field text: no `String`, no allocation on the fast paths.
///
/// Each takes a pointer and a length and returns `nil` when the bytes are not a value of the type;
/// the slow ``failureReason(_:_:_:)`` then explains why for the error record.
enum CSVValueParser {
    /// Parses an optionally signed decimal integer that fits in `Int64`.
    @inline(__always)
    static func int64(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        } else if p[0] == UInt8(ascii: "+") {
            i = 1
        }
        guard i < n else { return nil }
        if n - i <= 18 {
            var value: Int64 = 0
            while i < n {
                let digit = p[i] &- 48
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int64(digit)
                i += 1
            }
            return negative ? -value : value
        }
        // Long inputs: accumulate negatively so Int64.min fits, checking overflow.
        var value: Int64 = 0
        while i < n {
            let digit = p[i] &- 48
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// Powers of ten exactly representable as `Double`.
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a floating-point number: `12`, `-1.5`, `.5`, `5.`, `1e-7`, `NaN`, `Infinity`, `-Inf`.
    ///
    /// Uses Clinger's fast path (an exact mantissa below 2^53 times an exact power of ten) and
    /// falls back to `strtod` for the rest, so results are correctly rounded.
    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        } else if p[0] == UInt8(ascii: "+") {
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var fractionDigits = 0
        while i < n {
            let digit = p[i] &- 48
            if digit >= 10 { break }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significant += 1 }
            } else {
                return strtodFallback(p, n)
            }
            digits += 1
            i += 1
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n {
                let digit = p[i] &- 48
                if digit >= 10 { break }
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significant += 1 }
                } else {
                    return strtodFallback(p, n)
                }
                fractionDigits += 1
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return special(p, n) }
        var exponent = 0
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { return nil }
            while i < n {
                let digit = p[i] &- 48
                guard digit < 10 else { return nil }
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                i += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        // Java accepts a trailing type suffix: 1.5d, 2f.
        if i == n - 1 && (p[i] | 0x20 == UInt8(ascii: "d") || p[i] | 0x20 == UInt8(ascii: "f")) { i += 1 }
        guard i == n else { return nil }
        let power = exponent - fractionDigits
        if mantissa < (1 << 53) && power >= -22 && power <= 22 {
            var value = Double(mantissa)
            if power < 0 { value /= exactPowersOfTen[-power] } else { value *= exactPowersOfTen[power] }
            return negative ? -value : value
        }
        return strtodFallback(p, n)
    }

    /// `NaN`, `Infinity`, `Inf` with an optional sign, in any case.
    static func special(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var i = 0
        var negative = false
        if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        let rest = UnsafeBufferPointer(start: p + i, count: n - i)
        if equalsIgnoringCase(rest, "nan") { return .nan }
        if equalsIgnoringCase(rest, "infinity") || equalsIgnoringCase(rest, "inf") { return negative ? -.infinity : .infinity }
        return nil
    }

    @inline(never)
    static func strtodFallback(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        // Check the grammar first (strtod accepts hex, leading spaces, "nan(...)").
        var i = 0
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") { i = 1 }
        var sawDigit = false
        while i < n, p[i] &- 48 < 10 { i += 1; sawDigit = true }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 < 10 { i += 1; sawDigit = true }
        }
        guard sawDigit else { return nil }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { i += 1 }
            var sawExponentDigit = false
            while i < n, p[i] &- 48 < 10 { i += 1; sawExponentDigit = true }
            guard sawExponentDigit else { return nil }
        }
        var end = n
        if i == n - 1 && (p[i] | 0x20 == UInt8(ascii: "d") || p[i] | 0x20 == UInt8(ascii: "f")) { end = n - 1; i += 1 }
        guard i == n else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end + 1) { text -> Double? in
            for index in 0..<end { text[index] = CChar(bitPattern: p[index]) }
            text[end] = 0
            guard let start = text.baseAddress else { return nil }
            return strtod(start, nil)
        }
    }

    /// Parses an exact decimal into an unscaled value of `scale`, rounding half up (Spark) when the
    /// text has more fraction digits; `nil` when it is not a number or needs more than `precision`
    /// digits.
    static func decimal(_ p: UnsafePointer<UInt8>, _ n: Int, precision: Int, scale: Int) -> Int128? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        } else if p[0] == UInt8(ascii: "+") {
            i = 1
        }
        var unscaled: Int128 = 0
        var kept = 0
        var digits = 0
        var literalScale = 0
        var droppedFirst: UInt8 = 0
        var droppedAny = false
        var integerDigitsDropped = 0
        var inFraction = false
        while i < n {
            let byte = p[i]
            if byte == UInt8(ascii: ".") {
                if inFraction { return nil }
                inFraction = true
                i += 1
                continue
            }
            let digit = byte &- 48
            if digit >= 10 { break }
            digits += 1
            if kept < 38 {
                if unscaled != 0 || digit != 0 { kept += 1 }
                unscaled = unscaled * 10 + Int128(digit)
                if inFraction { literalScale += 1 }
            } else if inFraction {
                if !droppedAny { droppedFirst = digit }
                droppedAny = true
            } else {
                integerDigitsDropped += 1
            }
            i += 1
        }
        guard digits > 0, integerDigitsDropped == 0 else { return nil }
        if i < n && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var sawDigit = false
            while i < n, p[i] &- 48 < 10 {
                if exponent < 10_000 { exponent = exponent * 10 + Int(p[i] &- 48) }
                sawDigit = true
                i += 1
            }
            guard sawDigit else { return nil }
            literalScale += exponentNegative ? exponent : -exponent
        }
        guard i == n else { return nil }
        if droppedAny && literalScale < scale { return nil }
        if literalScale < 0 {
            guard -literalScale <= 38 else { return unscaled == 0 ? 0 : nil }
            let (product, overflow) = unscaled.multipliedReportingOverflow(by: Decimal128.powersOfTen[-literalScale])
            if overflow { return nil }
            unscaled = product
            literalScale = 0
        }
        var value: Int128
        if literalScale > scale {
            // HALF_UP needs only the first discarded digit, which is still among the kept ones.
            guard let rounded = Decimal128.rescaleRounding(unscaled, from: literalScale, to: scale) else { return nil }
            value = rounded
        } else {
            guard let widened = Decimal128.rescale(unscaled, from: literalScale, to: scale) else { return nil }
            value = widened
            if droppedAny && droppedFirst >= 5 { value += 1 }
        }
        if negative { value = -value }
        return Decimal128.fits(value, precision: precision) ? value : nil
    }

    /// `true` or `false` in any case.
    @inline(__always)
    static func boolean(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        if n == 4 && p[0] | 0x20 == UInt8(ascii: "t") && p[1] | 0x20 == UInt8(ascii: "r") && p[2] | 0x20 == UInt8(ascii: "u")
            && p[3] | 0x20 == UInt8(ascii: "e")
        {
            return true
        }
        if n == 5 && p[0] | 0x20 == UInt8(ascii: "f") && p[1] | 0x20 == UInt8(ascii: "a") && p[2] | 0x20 == UInt8(ascii: "l")
            && p[3] | 0x20 == UInt8(ascii: "s") && p[4] | 0x20 == UInt8(ascii: "e")
        {
            return false
        }
        return nil
    }

    /// Reads 1...`maximum` digits at `i`, advancing it.
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, minimum: Int, maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while i < n && count < maximum {
            let digit = p[i] &- 48
            if digit >= 10 { break }
            value = value * 10 + Int(digit)
            count += 1
            i += 1
        }
        return count >= minimum ? value : nil
    }

    /// Parses the date part `[+-]YYYY[-M[M][-D[D]]]` at `i`, returning days since the epoch.
    @inline(__always)
    static func datePart(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Int? {
        var negative = false
        if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        guard var year = digits(p, n, &i, minimum: 4, maximum: 6) else { return nil }
        if negative { year = -year }
        var month = 1
        var day = 1
        if i < n && p[i] == UInt8(ascii: "-") {
            i += 1
            guard let m = digits(p, n, &i, minimum: 1, maximum: 2) else { return nil }
            month = m
            if i < n && p[i] == UInt8(ascii: "-") {
                i += 1
                guard let d = digits(p, n, &i, minimum: 1, maximum: 2) else { return nil }
                day = d
            }
        }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        return date.daysSinceEpoch
    }

    /// Parses a date `YYYY-MM-DD` (also `YYYY`, `YYYY-MM`, and a trailing time part, as Spark 3).
    static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        var i = 0
        guard let days = datePart(p, n, &i) else { return nil }
        if i < n {
            guard p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: " ") else { return nil }
        }
        return Int32(exactly: days)
    }

    /// Parses a timestamp: `YYYY-MM-DD[( |T)HH:MM[:SS[.fffffffff]]][Z|±HH[:MM]|±HHMM]`, returning
    /// microseconds since the epoch in UTC (a value without zone is taken as UTC). Fractions
    /// beyond microseconds are truncated, as Spark does.
    @inline(__always)
    static func timestamp(_ p: UnsafePointer<UInt8>, _ n: Int, allowZone: Bool = true) -> Int64? {
        var i = 0
        guard let days = datePart(p, n, &i) else { return nil }
        var micros = Int64(days) * 86_400_000_000
        if i == n { return micros }
        guard p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = digits(p, n, &i, minimum: 1, maximum: 2), hour < 24,
            i < n, p[i] == UInt8(ascii: ":"),
            case _ = (i += 1),
            let minute = digits(p, n, &i, minimum: 1, maximum: 2), minute < 60
        else { return nil }
        var second = 0
        var fraction: Int64 = 0
        if i < n && p[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = digits(p, n, &i, minimum: 1, maximum: 2), s < 60 else { return nil }
            second = s
            if i < n && p[i] == UInt8(ascii: ".") {
                i += 1
                var count = 0
                while i < n {
                    let digit = p[i] &- 48
                    if digit >= 10 { break }
                    if count < 6 { fraction = fraction * 10 + Int64(digit) }
                    count += 1
                    i += 1
                }
                guard count > 0, count <= 9 else { return nil }
                var scale = count
                while scale < 6 {
                    fraction *= 10
                    scale += 1
                }
            }
        }
        micros += Int64(hour * 3_600 + minute * 60 + second) * 1_000_000 + fraction
        if i == n { return micros }
        guard allowZone else { return nil }
        if p[i] == UInt8(ascii: "Z") && i == n - 1 { return micros }
        if p[i] == UInt8(ascii: " ") && i + 4 == n && p[i + 1] == UInt8(ascii: "U") && p[i + 2] == UInt8(ascii: "T")
            && p[i + 3] == UInt8(ascii: "C")
        {
            return micros
        }
        guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = p[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let offsetHours = digits(p, n, &i, minimum: 2, maximum: 2), offsetHours <= 18 else { return nil }
        var offsetMinutes = 0
        if i < n && p[i] == UInt8(ascii: ":") { i += 1 }
        if i < n {
            guard let m = digits(p, n, &i, minimum: 2, maximum: 2), m < 60 else { return nil }
            offsetMinutes = m
        }
        guard i == n else { return nil }
        return micros - sign * Int64(offsetHours * 3_600 + offsetMinutes * 60) * 1_000_000
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] { return false }
        return true
    }

    /// Why `bytes` is not a value of `type` (the slow path behind an error record).
    static func failureReason(_ bytes: UnsafeBufferPointer<UInt8>, _ type: DataType, column: String) -> String {
        let text = String(decoding: bytes.prefix(64), as: UTF8.self)
        let shown = bytes.count > 64 ? text + "..." : text
        switch type {
        case .tinyint, .smallint, .int, .bigint:
            if isIntegerText(bytes) { return "value \"\(shown)\" is out of range for \(type) column \(column)" }
            return "cannot parse \"\(shown)\" as \(type) for column \(column)"
        case .decimal(let precision, let scale):
            if isDecimalText(bytes) {
                return "value \"\(shown)\" does not fit decimal(\(precision),\(scale)) for column \(column)"
            }
            return "cannot parse \"\(shown)\" as decimal(\(precision),\(scale)) for column \(column)"
        case .string, .char, .varchar:
            return "invalid UTF-8 in column \(column)"
        default:
            return "cannot parse \"\(shown)\" as \(type) for column \(column)"
        }
    }

    static func isIntegerText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 &- 48 < 10 }
    }

    static func isDecimalText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        var sawPoint = false
        for (index, byte) in bytes.enumerated() {
            if byte &- 48 < 10 {
                sawDigit = true
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if index == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) {
                continue
            } else {
                return false
            }
        }
        return sawDigit
    }
}
