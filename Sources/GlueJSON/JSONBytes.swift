/// Small byte helpers shared by the tree path and the byte-level path, so that both read the
/// same text the same way.
enum JSONBytes {
    /// Calls `body` with the UTF-8 bytes of `text` (a valid pointer even for empty text).
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> R?) -> R? {
        var text = text
        return text.withUTF8 { buffer -> R? in
            guard let base = buffer.baseAddress else {
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { scratch -> R? in
                    guard let start = scratch.baseAddress else { return nil }
                    return body(UnsafePointer(start), 0)
                }
            }
            return body(base, buffer.count)
        }
    }

    /// An optionally signed decimal integer as Swift's `Int(_:)` reads it: `+5`, `-5`, `5`;
    /// `nil` when empty, not digits, or outside `Int`.
    static func int(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        var i = 0
        var negative = false
        if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return nil }
        var value = 0
        while i < n {
            let digit = p[i] &- 48
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
            guard !o1 && !o2 else { return nil }
            value = next
            i += 1
        }
        return value
    }

    /// A JSON integer (`-?digits`, grammar already checked) in `Int64`; `nil` on overflow.
    @inline(__always)
    static func int64(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        let negative = n > 0 && p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        guard i < n else { return nil }
        if n - i <= 18 {
            var value: Int64 = 0
            while i < n {
                value = value &* 10 &+ Int64(p[i] &- 48)
                i += 1
            }
            return negative ? -value : value
        }
        // Long inputs: accumulate negatively so Int64.min fits, checking overflow.
        var value: Int64 = 0
        while i < n {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int64(p[i] &- 48))
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }
}
