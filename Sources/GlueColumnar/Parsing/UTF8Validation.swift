/// Checks that bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
/// (U+D800...U+DFFF), nothing above U+10FFFF, no truncated sequence at the end.
///
/// ASCII runs are skipped eight bytes at a time; the multi-byte checker runs only from the first
/// byte with the high bit set. The CSV and JSON readers use it on every text value.
public enum UTF8Validation {
    /// Whether the `n` bytes at `p` are well-formed UTF-8.
    ///
    /// - Complexity: O(*n*).
    @inlinable @inline(__always)
    public static func isValid(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n {
            if p[i] < 0x80 {
                i += 1
                continue
            }
            return isValidMultibyte(p, n, from: i)
        }
        return true
    }

    /// Whether the bytes from `start` on are well-formed UTF-8 (the slow path of ``isValid(_:_:)``).
    @inline(never)
    public static func isValidMultibyte(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Bool {
        var i = start
        while i < n {
            let lead = p[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var length = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let second = p[i + 1]
            guard second >= lower && second <= upper else { return false }
            for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
