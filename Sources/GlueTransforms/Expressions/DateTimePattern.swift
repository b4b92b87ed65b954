import GlueColumnar
import GlueCore

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss.SSS`, Java `DateTimeFormatter` letters) for
/// `date_format`, `from_unixtime`, `to_date`, `to_timestamp` and `unix_timestamp`.
///
/// Letters: `y` year, `M` month (`MMM` short name, `MMMM` full name), `d` day, `D` day of year,
/// `H` hour 0-23, `h` hour 1-12, `a` AM/PM, `m` minute, `s` second, `S` fraction, `E` weekday
/// name, `Q` quarter; text in single quotes and any other character is literal. Time zone UTC.
struct DateTimePattern: Sendable {
    enum Token: Sendable, Equatable {
        case field(UInt8, Int)
        case literal([UInt8])
    }

    let tokens: [Token]

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    init(_ pattern: String) throws(GlueError) {
        let bytes = Array(pattern.utf8)
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                var literal: [UInt8] = []
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "'") {
                            literal.append(byte)
                            index += 2
                            continue
                        }
                        break
                    }
                    literal.append(bytes[index])
                    index += 1
                }
                index += 1
                tokens.append(.literal(literal.isEmpty ? [UInt8(ascii: "'")] : literal))
                continue
            }
            if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) {
                guard Array("yMdDHhamsSEQu".utf8).contains(byte) else {
                    throw GlueError(.invalidInput, "Illegal pattern character '\(Character(Unicode.Scalar(byte)))' in datetime pattern '\(pattern)'.")
                }
                var width = 1
                while index + width < bytes.count && bytes[index + width] == byte { width += 1 }
                tokens.append(.field(byte, width))
                index += width
                continue
            }
            tokens.append(.literal([byte]))
            index += 1
        }
        self.tokens = tokens
    }

    static func pad(_ value: Int, _ width: Int, into output: inout [UInt8]) {
        var digits = Array(String(abs(value)).utf8)
        if value < 0 { output.append(UInt8(ascii: "-")) }
        if digits.count < width { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count), at: 0) }
        output.append(contentsOf: digits)
    }

    /// Appends the text of an instant (microseconds since the epoch, UTC).
    func format(_ micros: Int64, into output: inout [UInt8]) {
        let (days, ofDay) = TemporalFormat.splitDays(micros)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let hour = Int(ofDay / 3_600_000_000)
        let minute = Int(ofDay / 60_000_000 % 60)
        let second = Int(ofDay / 1_000_000 % 60)
        let fraction = Int(ofDay % 1_000_000)
        for token in tokens {
            switch token {
            case .literal(let bytes): output.append(contentsOf: bytes)
            case .field(let letter, let width):
                switch letter {
                case UInt8(ascii: "y"), UInt8(ascii: "u"):
                    if width == 2 { Self.pad(date.year % 100, 2, into: &output) } else { Self.pad(date.year, width, into: &output) }
                case UInt8(ascii: "M"):
                    if width >= 4 {
                        output.append(contentsOf: Self.monthNames[date.month - 1].utf8)
                    } else if width == 3 {
                        output.append(contentsOf: Self.monthNames[date.month - 1].prefix(3).utf8)
                    } else {
                        Self.pad(date.month, width, into: &output)
                    }
                case UInt8(ascii: "d"): Self.pad(date.day, width, into: &output)
                case UInt8(ascii: "D"):
                    let dayOfYear = Int(days) - CivilDate(year: date.year, month: 1, day: 1).daysSinceEpoch + 1
                    Self.pad(dayOfYear, width, into: &output)
                case UInt8(ascii: "Q"): Self.pad((date.month - 1) / 3 + 1, width, into: &output)
                case UInt8(ascii: "H"): Self.pad(hour, width, into: &output)
                case UInt8(ascii: "h"): Self.pad(hour % 12 == 0 ? 12 : hour % 12, width, into: &output)
                case UInt8(ascii: "a"): output.append(contentsOf: (hour < 12 ? "AM" : "PM").utf8)
                case UInt8(ascii: "m"): Self.pad(minute, width, into: &output)
                case UInt8(ascii: "s"): Self.pad(second, width, into: &output)
                case UInt8(ascii: "S"):
                    var digits = Array(String(fraction).utf8)
                    if digits.count < 6 { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 6 - digits.count), at: 0) }
                    for position in 0..<width { output.append(position < 6 ? digits[position] : UInt8(ascii: "0")) }
                case UInt8(ascii: "E"):
                    let weekday = Int(((days % 7) + 7 + 3) % 7)
                    let name = Self.dayNames[weekday]
                    output.append(contentsOf: (width >= 4 ? name : String(name.prefix(3))).utf8)
                default: break
                }
            }
        }
    }

    /// Parses text into microseconds since the epoch (UTC), or `nil` when it does not fit.
    func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0
        var pm: Bool?
        var hour12: Int?
        var position = 0
        for (tokenIndex, token) in tokens.enumerated() {
            switch token {
            case .literal(let bytes):
                for byte in bytes {
                    guard position < text.count, text[position] == byte else { return nil }
                    position += 1
                }
            case .field(let letter, let width):
                if letter == UInt8(ascii: "M") && width >= 3 {
                    var matched = false
                    for (index, name) in Self.monthNames.enumerated() {
                        let candidate = Array((width == 3 ? String(name.prefix(3)) : name).utf8)
                        if text.count - position >= candidate.count,
                            zip(text[position..<(position + candidate.count)], candidate).allSatisfy({ LikePattern.lower($0) == LikePattern.lower($1) }) {
                            month = index + 1
                            position += candidate.count
                            matched = true
                            break
                        }
                    }
                    if !matched { return nil }
                    continue
                }
                if letter == UInt8(ascii: "a") {
                    guard text.count - position >= 2 else { return nil }
                    let first = LikePattern.lower(text[position])
                    guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else { return nil }
                    pm = first == UInt8(ascii: "p")
                    position += 2
                    continue
                }
                if letter == UInt8(ascii: "E") {
                    while position < text.count && ((text[position] | 0x20) >= 97 && (text[position] | 0x20) <= 122) { position += 1 }
                    continue
                }
                // Numbers: a following number field bounds this one to its width.
                let nextIsNumber: Bool = {
                    guard tokenIndex + 1 < tokens.count, case .field(let next, _) = tokens[tokenIndex + 1] else { return false }
                    return next != UInt8(ascii: "a") && next != UInt8(ascii: "E")
                }()
                let maximum = letter == UInt8(ascii: "S") ? width : (nextIsNumber ? width : (letter == UInt8(ascii: "y") ? 6 : max(width, 2)))
                var value = 0
                var digits = 0
                while position < text.count && digits < maximum, text[position] >= 48, text[position] <= 57 {
                    value = value * 10 + Int(text[position] - 48)
                    digits += 1
                    position += 1
                }
                guard digits > 0 else { return nil }
                switch letter {
                case UInt8(ascii: "y"), UInt8(ascii: "u"): year = (width == 2 && digits == 2) ? 2000 + value : value
                case UInt8(ascii: "M"): month = value
                case UInt8(ascii: "d"): day = value
                case UInt8(ascii: "H"): hour = value
                case UInt8(ascii: "h"): hour12 = value
                case UInt8(ascii: "m"): minute = value
                case UInt8(ascii: "s"): second = value
                case UInt8(ascii: "S"):
                    var scaled = value
                    for _ in digits..<6 { scaled *= 10 }
                    micros = digits > 6 ? value / Int(Decimal128.powersOfTen[digits - 6]) : scaled
                default: break
                }
            }
        }
        guard position == text.count else { return nil }
        if let hour12 {
            guard (1...12).contains(hour12) else { return nil }
            hour = hour12 % 12 + ((pm ?? false) ? 12 : 0)
        }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        let (dayMicros, overflow) = Int64(date.daysSinceEpoch).multipliedReportingOverflow(by: TemporalFormat.microsecondsPerDay)
        guard !overflow else { return nil }
        let (total, late) = dayMicros.addingReportingOverflow(Int64(hour) * 3_600_000_000 + Int64(minute) * 60_000_000 + Int64(second) * 1_000_000 + Int64(micros))
        return late ? nil : total
    }
}
