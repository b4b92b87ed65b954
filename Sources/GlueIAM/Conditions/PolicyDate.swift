import GlueCore

/// Date values of `Date*` conditions: ISO 8601 (`2026-01-01`, `2026-01-01T12:00:00Z`,
/// `2026-01-01T12:00:00.5+02:00`) or epoch seconds, compared as instants (seconds since 1970, UTC).
enum PolicyDate {
    /// Seconds since the epoch, or `nil` when the text is neither ISO 8601 nor a number.
    static func epochSeconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
            !bytes.dropFirst().contains(UInt8(ascii: "-"))
        {
            return Double(text)
        }
        return parseISO(bytes)
    }

    private static func parseISO(_ b: [UInt8]) -> Double? {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let d = b[i]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                value = value * 10 + Int(d - 0x30)
                i += 1
            }
            return value
        }
        func expect(_ ch: Unicode.Scalar) -> Bool {
            guard i < b.count, b[i] == UInt8(ascii: ch) else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = 0.0
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") {
            i += 1
            guard let hour = digits(2), hour <= 24, expect(":"), let minute = digits(2), minute < 60 else { return nil }
            var second = 0.0
            if i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                guard let whole = digits(2), whole <= 60 else { return nil }
                second = Double(whole)
                if i < b.count, b[i] == UInt8(ascii: ".") {
                    i += 1
                    var scale = 0.1
                    var sawDigit = false
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        second += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                        sawDigit = true
                    }
                    guard sawDigit else { return nil }
                }
            }
            seconds = Double(hour * 3600 + minute * 60) + second
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "+") ? 1.0 : -1.0
                    i += 1
                    guard let offsetHours = digits(2) else { return nil }
                    var offsetMinutes = 0
                    if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                    if i < b.count { guard let minutes = digits(2) else { return nil }; offsetMinutes = minutes }
                    seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == b.count else { return nil }
        return Double(daysFromCivil(year: year, month: month, day: day)) * 86_400 + seconds
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
