/// Parses the fixed-offset time-zone IDs that Java's `ZoneId.of` accepts, from UTF-8 bytes.
///
/// Accepted (after trimming bytes `0x00...0x20`): `Z`; `UTC`, `GMT`, `UT`; `+h`, `+hh`, `+hh:mm`,
/// `+hhmm`, `+hh:mm:ss`, `+hhmmss` and the same with `-`, up to ±18:00; those offsets after a
/// `UTC`, `GMT` or `UT` prefix; Spark's legacy `+h:mm` and `+hh:m`; and the short IDs that Java
/// maps to fixed offsets: `EST` (-05:00), `MST` (-07:00), `HST` (-10:00). Region IDs
/// (`America/New_York`) need a time-zone database and give `nil`.
public enum ZoneOffsetParser {
    /// The zone's offset from UTC in seconds, or `nil` when the ID is not a fixed offset.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseOffsetSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let text = ByteTrimming.javaTrimmed(bytes)
        let count = text.count
        guard count > 0 else { return nil }
        if count == 1 { return text[0] == UInt8(ascii: "Z") ? 0 : nil }
        if text[0] == UInt8(ascii: "+") || text[0] == UInt8(ascii: "-") { return signedOffset(text) }
        var prefix = 0
        if count >= 3 && text[0] == UInt8(ascii: "U") && text[1] == UInt8(ascii: "T") && text[2] == UInt8(ascii: "C") {
            prefix = 3
        } else if count >= 3 && text[0] == UInt8(ascii: "G") && text[1] == UInt8(ascii: "M") && text[2] == UInt8(ascii: "T") {
            prefix = 3
        } else if text[0] == UInt8(ascii: "U") && text[1] == UInt8(ascii: "T") {
            prefix = 2
        }
        if prefix > 0 {
            if prefix == count { return 0 }
            let rest = UnsafeBufferPointer(rebasing: text[prefix...])
            guard rest[0] == UInt8(ascii: "+") || rest[0] == UInt8(ascii: "-") else { return nil }
            return signedOffset(rest)
        }
        if count == 3 {
            switch (text[0], text[1], text[2]) {
            case (UInt8(ascii: "E"), UInt8(ascii: "S"), UInt8(ascii: "T")): return -5 * 3_600
            case (UInt8(ascii: "M"), UInt8(ascii: "S"), UInt8(ascii: "T")): return -7 * 3_600
            case (UInt8(ascii: "H"), UInt8(ascii: "S"), UInt8(ascii: "T")): return -10 * 3_600
            default: return nil
            }
        }
        return nil
    }

    /// `±h`, `±hh`, `±hh:mm`, `±hhmm`, `±hh:mm:ss`, `±hhmmss`, `±h:mm`, `±hh:m`.
    @inlinable
    static func signedOffset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = text[0] == UInt8(ascii: "-")
        // Split the body into runs of digits separated by single colons.
        var groups: (Int, Int, Int) = (0, 0, 0)
        var lengths: (Int, Int, Int) = (0, 0, 0)
        var group = 0
        var colons = 0
        for index in 1..<text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ":") {
                group += 1
                colons += 1
                guard group < 3 else { return nil }
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            switch group {
            case 0: groups.0 = groups.0 * 10 + Int(digit); lengths.0 += 1
            case 1: groups.1 = groups.1 * 10 + Int(digit); lengths.1 += 1
            default: groups.2 = groups.2 * 10 + Int(digit); lengths.2 += 1
            }
            guard lengths.0 <= 6 && lengths.1 <= 2 && lengths.2 <= 2 else { return nil }
        }
        var hours = 0
        var minutes = 0
        var seconds = 0
        if colons == 0 {
            switch lengths.0 {
            case 1, 2: hours = groups.0
            case 4: hours = groups.0 / 100; minutes = groups.0 % 100
            case 6: hours = groups.0 / 10_000; minutes = groups.0 / 100 % 100; seconds = groups.0 % 100
            default: return nil
            }
        } else {
            // hh:mm[:ss]; Spark first rewrites +h:mm to +0h:mm and +hh:m to +hh:0m.
            guard lengths.0 == 1 || lengths.0 == 2, lengths.1 >= 1 else { return nil }
            if lengths.1 == 1 && (colons != 1 || lengths.0 != 2) { return nil }
            if colons == 2 && lengths.2 != 2 { return nil }
            hours = groups.0
            minutes = groups.1
            seconds = groups.2
        }
        guard hours <= 18, minutes <= 59, seconds <= 59 else { return nil }
        let total = hours * 3_600 + minutes * 60 + seconds
        guard total <= 18 * 3_600 else { return nil }
        return negative ? -total : total
    }
}
