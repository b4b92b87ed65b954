/// The two ways Spark trims text before parsing it, on UTF-8 bytes.
///
/// - ``sparkTrimmed(_:)`` drops what `UTF8String.isWhitespaceOrISOControl` matches at either
///   end: bytes `0x00...0x20` and `0x7F`. Spark uses it for integers, booleans, dates and
///   timestamps.
/// - ``javaTrimmed(_:)`` drops bytes `0x00...0x20`, as Java's `String.trim` does. Spark uses it
///   (through `Double.parseDouble` and `new BigDecimal`) for floating point and decimals.
///
/// Multi-byte whitespace (U+00A0, U+3000) is never trimmed, as in Spark.
public enum ByteTrimming {
    /// Whether Spark's `isWhitespaceOrISOControl` matches the byte.
    @inlinable @inline(__always)
    public static func isSparkTrimmable(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

    /// The bytes without leading and trailing `0x00...0x20` and `0x7F`.
    @inlinable
    public static func sparkTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && isSparkTrimmable(bytes[start]) { start += 1 }
        while end > start && isSparkTrimmable(bytes[end - 1]) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The bytes without leading and trailing `0x00...0x20` (Java's `String.trim`).
    @inlinable
    public static func javaTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] <= 0x20 { start += 1 }
        while end > start && bytes[end - 1] <= 0x20 { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
