/// Parses booleans from UTF-8 bytes as Spark's `CAST(string AS BOOLEAN)` does
/// (`StringUtils.isTrueString`/`isFalseString`).
///
/// After trimming (``ByteTrimming/sparkTrimmed(_:)``) and ignoring ASCII case, `t`, `true`, `y`,
/// `yes` and `1` are true; `f`, `false`, `n`, `no` and `0` are false; anything else is `nil`.
public enum BooleanParser {
    /// Parses a boolean; `nil` when the text is none of the accepted words.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let text = ByteTrimming.sparkTrimmed(bytes)
        // Lower-case at most five ASCII letters into one integer and compare with the words.
        guard text.count >= 1 && text.count <= 5 else { return nil }
        var key: UInt64 = 0
        for byte in text {
            let lower = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
            key = key << 8 | UInt64(lower)
        }
        switch key {
        case word("t"), word("true"), word("y"), word("yes"), word("1"): return true
        case word("f"), word("false"), word("n"), word("no"), word("0"): return false
        default: return nil
        }
    }

    @inlinable @inline(__always)
    static func word(_ text: StaticString) -> UInt64 {
        var key: UInt64 = 0
        text.withUTF8Buffer { for byte in $0 { key = key << 8 | UInt64(byte) } }
        return key
    }
}
