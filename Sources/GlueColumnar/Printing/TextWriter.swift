/// Writes the text forms of values straight into a byte buffer, with no `String` per value:
/// integers, dates and timestamps as Spark prints them, decimals as Java's `BigDecimal.toString`.
///
/// Every writer takes a pointer with room for its maximum width and returns the bytes written.
enum TextWriter {
    /// The most bytes an `Int64` takes (`-9223372036854775808`).
    static let maximumIntegerWidth = 20
    /// The most bytes a date takes (`+5881580-07-11`, `-5877641-06-23`).
    static let maximumDateWidth = 14
    /// The most bytes a timestamp takes (`+294247-01-10 04:00:54.775807`).
    static let maximumTimestampWidth = 32

    /// Two ASCII digits for each of 00...99.
    static let digitPairs: [UInt8] = {
        var pairs: [UInt8] = []
        pairs.reserveCapacity(200)
        for value in 0..<100 {
            pairs.append(UInt8(ascii: "0") + UInt8(value / 10))
            pairs.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        return pairs
    }()

    /// Writes an integer in decimal; returns the number of bytes.
    @inline(__always)
    static func write(_ value: Int64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var digitCount = 1
        var threshold: UInt64 = 10
        while digitCount < 20 && magnitude >= threshold {
            digitCount += 1
            threshold &*= 10
        }
        let length = digitCount + (value < 0 ? 1 : 0)
        if value < 0 { output[0] = UInt8(ascii: "-") }
        var position = length
        digitPairs.withUnsafeBufferPointer { pairs in
            while magnitude >= 100 {
                let pair = Int(magnitude % 100) &* 2
                magnitude /= 100
                position -= 2
                output[position] = pairs[pair]
                output[position + 1] = pairs[pair + 1]
            }
            if magnitude >= 10 {
                let pair = Int(magnitude) &* 2
                output[position - 2] = pairs[pair]
                output[position - 1] = pairs[pair + 1]
            } else {
                output[position - 1] = UInt8(ascii: "0") &+ UInt8(magnitude)
            }
        }
        return length
    }

    /// Writes `value` as exactly `width` digits, zero-padded (value must be non-negative).
    @inline(__always)
    static func writePadded(_ value: Int, width: Int, to output: UnsafeMutablePointer<UInt8>) {
        var rest = value
        var index = width - 1
        while index >= 0 {
            output[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
    }

    /// Writes `YYYY-MM-DD` as Spark does (`+` before years past 9999, `-` before negative years).
    @inline(__always)
    static func writeDate(_ date: CivilDate, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var position = 0
        if date.year < 0 {
            output[0] = UInt8(ascii: "-")
            position = 1
        } else if date.year > 9_999 {
            output[0] = UInt8(ascii: "+")
            position = 1
        }
        let year = abs(date.year)
        var width = 4
        var probe = 10_000
        while year >= probe {
            width += 1
            probe *= 10
        }
        writePadded(year, width: width, to: output + position)
        position += width
        output[position] = UInt8(ascii: "-")
        writePadded(date.month, width: 2, to: output + position + 1)
        output[position + 3] = UInt8(ascii: "-")
        writePadded(date.day, width: 2, to: output + position + 4)
        return position + 6
    }

    /// Writes `YYYY-MM-DD HH:MM:SS[.ffffff]` with the fraction trimmed of trailing zeros (Spark's
    /// `TimestampFormatter.getFractionFormatter`).
    @inline(__always)
    static func writeTimestamp(_ microseconds: Int64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        let (days, microsOfDay) = TemporalFormat.splitDays(microseconds)
        var position = writeDate(CivilDate(daysSinceEpoch: Int(days)), to: output)
        let seconds = Int(microsOfDay / 1_000_000)
        output[position] = UInt8(ascii: " ")
        writePadded(seconds / 3_600, width: 2, to: output + position + 1)
        output[position + 3] = UInt8(ascii: ":")
        writePadded(seconds / 60 % 60, width: 2, to: output + position + 4)
        output[position + 6] = UInt8(ascii: ":")
        writePadded(seconds % 60, width: 2, to: output + position + 7)
        position += 9
        var fraction = Int(microsOfDay % 1_000_000)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            output[position] = UInt8(ascii: ".")
            writePadded(fraction, width: width, to: output + position + 1)
            position += width + 1
        }
        return position
    }

    /// Appends a decimal as Java's `BigDecimal.toString` writes it, which Spark uses for
    /// `CAST(decimal AS STRING)`: plain notation unless the adjusted exponent is below -6, then
    /// scientific (`0E-18` for zero at scale 18, `1E-8` for `0.00000001` at scale 8).
    static func appendDecimal(_ unscaled: Int128, scale: Int, to bytes: inout [UInt8]) {
        let digits = Array(String(unscaled.magnitude).utf8)
        if unscaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let adjusted = -scale + (digits.count - 1)
        if scale == 0 {
            bytes.append(contentsOf: digits)
        } else if scale > 0 && adjusted >= -6 {
            if digits.count > scale {
                bytes.append(contentsOf: digits[..<(digits.count - scale)])
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[(digits.count - scale)...])
            } else {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - digits.count))
                bytes.append(contentsOf: digits)
            }
        } else {
            bytes.append(digits[0])
            if digits.count > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[1...])
            }
            bytes.append(UInt8(ascii: "E"))
            if adjusted >= 0 { bytes.append(UInt8(ascii: "+")) }
            bytes.append(contentsOf: String(adjusted).utf8)
        }
    }
}
