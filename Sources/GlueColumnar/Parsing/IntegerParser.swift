/// Parses integers from UTF-8 bytes as Spark's `CAST(string AS BIGINT/INT/SMALLINT/TINYINT)`
/// does with ANSI mode off (`UTF8String.toLong`/`toInt`).
///
/// - Leading and trailing whitespace and ISO control bytes are trimmed (``ByteTrimming``).
/// - An optional `+` or `-`, then decimal digits.
/// - A `.` followed only by digits is allowed and the fraction is dropped (truncation toward zero):
///   `"1.9"` is 1, `"-1.9"` is -1, `"1."` is 1. Spark also reads `"."` as 0.
/// - Anything else (`"1e3"`, `"0x10"`, `"1,000"`, `""`, a sign alone) is `nil`, and so is a value
///   outside the target type's range: Spark turns text that overflows into null, unlike
///   integer-to-integer casts, which wrap.
///
/// Readers that want a strict integer (no fraction, no trimming) pass `allowingFraction: false`
/// and `trimming: false`.
public enum IntegerParser {
    /// Parses a 64-bit integer.
    ///
    /// - Parameters:
    ///   - bytes: the text's UTF-8 bytes.
    ///   - trimming: whether to trim whitespace and control bytes first (Spark does).
    ///   - allowingFraction: whether a `.digits` tail is accepted and dropped (Spark does).
    /// - Returns: the value, or `nil` when the text is not an integer or overflows.
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseInt64(
        _ bytes: UnsafeBufferPointer<UInt8>, trimming: Bool = true, allowingFraction: Bool = true
    ) -> Int64? {
        var start = 0
        var end = bytes.count
        if trimming {
            while start < end && ByteTrimming.isSparkTrimmable(bytes[start]) { start += 1 }
            while end > start && ByteTrimming.isSparkTrimmable(bytes[end - 1]) { end -= 1 }
        }
        guard start < end else { return nil }
        var index = start
        let first = bytes[index]
        let negative = first == UInt8(ascii: "-")
        if negative || first == UInt8(ascii: "+") {
            index += 1
            guard index < end else { return nil }
        }
        // Accumulate negatively so Int64.min parses without overflow, as Spark does.
        var result: Int64 = 0
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") && allowingFraction { break }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            guard result >= Int64.min / 10 else { return nil }
            let (scaled, overflow) = (result &* 10).subtractingReportingOverflow(Int64(digit))
            guard !overflow else { return nil }
            result = scaled
        }
        while index < end {
            guard bytes[index] &- UInt8(ascii: "0") < 10 else { return nil }
            index += 1
        }
        if negative { return result }
        guard result != Int64.min else { return nil }
        return -result
    }

    /// Parses an integer of type `T`; `nil` when the text is not an integer or is outside `T`'s range.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parse<T: FixedWidthInteger & SignedInteger>(
        _ bytes: UnsafeBufferPointer<UInt8>, as type: T.Type, trimming: Bool = true, allowingFraction: Bool = true
    ) -> T? {
        guard let wide = parseInt64(bytes, trimming: trimming, allowingFraction: allowingFraction) else { return nil }
        return T(exactly: wide)
    }
}
