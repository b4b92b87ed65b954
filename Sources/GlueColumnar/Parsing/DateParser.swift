/// Parses `date` values from UTF-8 bytes as Spark's `CAST(string AS DATE)` does
/// (`SparkDateTimeUtils.stringToDate`).
///
/// After trimming whitespace and control bytes (``ByteTrimming/sparkTrimmed(_:)``), accepted forms:
/// `[+-]yyyy*`, `[+-]yyyy*-[m]m`, `[+-]yyyy*-[m]m-[d]d`, and `[+-]yyyy*-[m]m-[d]d` followed by a
/// space or `T` and anything at all (the time part is ignored: `"2024-02-29 25:99"` is
/// 2024-02-29). The year has 4 to 7 digits, month and day 1 or 2. The date must exist in the
/// proleptic Gregorian calendar (`2023-02-29` is `nil`) and fit a 32-bit day count.
public enum DateParser {
    /// Parses a date into days since 1970-01-01 (negative before it).
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseDays(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let text = ByteTrimming.sparkTrimmed(bytes)
        let end = text.count
        guard end > 0 else { return nil }
        // Fast path: `YYYY-MM-DD`, alone or before a space or `T`.
        if end >= 10 && text[4] == UInt8(ascii: "-") && text[7] == UInt8(ascii: "-")
            && (end == 10 || text[10] == UInt8(ascii: " ") || text[10] == UInt8(ascii: "T")) {
            @inline(__always) func digit(_ index: Int) -> Int { Int(text[index] &- UInt8(ascii: "0")) }
            let allDigits = digit(0) <= 9 && digit(1) <= 9 && digit(2) <= 9 && digit(3) <= 9 && digit(5) <= 9
                && digit(6) <= 9 && digit(8) <= 9 && digit(9) <= 9
            let fields = (
                digit(0) &* 1_000 &+ digit(1) &* 100 &+ digit(2) &* 10 &+ digit(3),
                digit(5) &* 10 &+ digit(6), digit(8) &* 10 &+ digit(9))
            if allDigits {
                let date = CivilDate(year: fields.0, month: fields.1, day: fields.2)
                guard date.isValid else { return nil }
                return Int32(date.daysSinceEpoch)
            }
        }
        var index = 0
        var sign = 1
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            sign = text[0] == UInt8(ascii: "-") ? -1 : 1
            index = 1
        }
        var segments = (1, 1, 1)
        var segment = 0
        var value = 0
        var digits = 0
        while index < end && segment < 3 {
            let byte = text[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") { break }
            if segment < 2 && byte == UInt8(ascii: "-") {
                guard validDigits(segment, digits) else { return nil }
                if segment == 0 { segments.0 = value } else { segments.1 = value }
                value = 0
                digits = 0
                segment += 1
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                digits += 1
                // More digits than any segment allows: stop before the value can grow large.
                guard digits <= 7 else { return nil }
            }
            index += 1
        }
        guard validDigits(segment, digits) else { return nil }
        // `yyyy` and `yyyy-[m]m` must use the whole text.
        if segment < 2 && index < end { return nil }
        switch segment {
        case 0: segments.0 = value
        case 1: segments.1 = value
        default: segments.2 = value
        }
        let date = CivilDate(year: sign * segments.0, month: segments.1, day: segments.2)
        guard date.isValid else { return nil }
        return Int32(exactly: date.daysSinceEpoch)
    }

    @inlinable @inline(__always)
    static func validDigits(_ segment: Int, _ digits: Int) -> Bool {
        segment == 0 ? (digits >= 4 && digits <= 7) : (digits > 0 && digits <= 2)
    }
}
