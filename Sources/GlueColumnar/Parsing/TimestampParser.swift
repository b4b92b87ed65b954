/// Parses `timestamp` and `timestamp_ntz` values from UTF-8 bytes as Spark's
/// `CAST(string AS TIMESTAMP)` does (`SparkDateTimeUtils.parseTimestampString`).
///
/// After trimming whitespace and control bytes (``ByteTrimming/sparkTrimmed(_:)``), accepted forms:
/// ```
/// [+-]yyyy*                                   2024
/// [+-]yyyy*-[m]m                              2024-2
/// [+-]yyyy*-[m]m-[d]d                         2024-02-29
/// [+-]yyyy*-[m]m-[d]d(' '|T)[h]h[:[m]m[:[s]s[.fraction]]][zone]
///                                             2024-02-29T13:05:09.123456Z
/// ```
/// The year has 4 to 6 digits; other fields 1 or 2. Fraction digits beyond the sixth are dropped
/// (truncated, not rounded). The zone follows the seconds, with or without a space:
/// `Z`, `UTC`, `GMT`, `UT`, `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss` (and `-`),
/// the same offsets after `UTC`, `GMT` or `UT` (`GMT+1`, `UTC-05:30`), and the fixed short IDs
/// `EST`, `MST`, `HST`.
///
/// Differences from Spark, all of which give `nil` here:
/// - region zone IDs (`Europe/Paris`, `PST`), because LocalGlue carries no time-zone database;
/// - a time without a date (`12:30:00`, `T12:30`), which Spark places on the current day.
///
/// Text without a zone is read in the session time zone; Glue jobs run in UTC, so the default
/// offset is 0.
public enum TimestampParser {
    /// The fields of a parsed timestamp.
    public struct Parts: Hashable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// Microseconds within the second, 0...999,999.
        public var microsecond: Int
        /// The zone's offset from UTC in seconds, when the text named a zone.
        public var zoneOffsetSeconds: Int?

        /// Creates parts from fields.
        @inlinable
        public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int, zoneOffsetSeconds: Int?) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.microsecond = microsecond
            self.zoneOffsetSeconds = zoneOffsetSeconds
        }

        /// Microseconds since 1970-01-01T00:00:00 of the wall-clock fields, ignoring the zone;
        /// `nil` when a field is out of range or the result overflows 64 bits.
        @inlinable
        public var localMicroseconds: Int64? {
            let date = CivilDate(year: year, month: month, day: day)
            guard date.isValid, hour <= 23, minute <= 59, second <= 59 else { return nil }
            let seconds = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second
            let (scaled, overflow) = Int64(seconds).multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { return nil }
            let (total, overflow2) = scaled.addingReportingOverflow(Int64(microsecond))
            return overflow2 ? nil : total
        }
    }

    /// Parses a `timestamp`: microseconds since the epoch in UTC.
    ///
    /// - Parameters:
    ///   - bytes: the text's UTF-8 bytes.
    ///   - sessionOffsetSeconds: the offset applied when the text names no zone (0: UTC).
    /// - Returns: the instant, or `nil` for bad text, an unknown zone or overflow.
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseMicroseconds(_ bytes: UnsafeBufferPointer<UInt8>, sessionOffsetSeconds: Int = 0) -> Int64? {
        switch fixedLayout(bytes) {
        case .parsed(let local):
            let (utc, overflow) = local.subtractingReportingOverflow(Int64(sessionOffsetSeconds) * 1_000_000)
            return overflow ? nil : utc
        case .invalid: return nil
        case .other: break
        }
        guard let parts = parseParts(bytes), let local = parts.localMicroseconds else { return nil }
        let offset = Int64(parts.zoneOffsetSeconds ?? sessionOffsetSeconds) * 1_000_000
        let (utc, overflow) = local.subtractingReportingOverflow(offset)
        return overflow ? nil : utc
    }

    /// Parses a `timestamp_ntz`: wall-clock microseconds since 1970-01-01T00:00:00. A zone in the
    /// text must be valid and is then ignored, as Spark's cast does.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseMicrosecondsWithoutTimeZone(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        switch fixedLayout(bytes) {
        case .parsed(let local): return local
        case .invalid: return nil
        case .other: return parseParts(bytes)?.localMicroseconds
        }
    }

    /// The outcome of the fixed-layout fast path.
    @usableFromInline
    enum FixedLayout {
        /// Wall-clock microseconds.
        case parsed(Int64)
        /// The layout matched but a field is out of range: the general parser would say `nil` too.
        case invalid
        /// Not the fixed layout: use the general parser.
        case other
    }

    /// The common machine-written form `YYYY-MM-DD[ T]HH:MM:SS[.f{1,9}]` with no zone and no
    /// padding, read at fixed positions (about four times faster than the general parser).
    @inlinable @inline(__always)
    static func fixedLayout(_ text: UnsafeBufferPointer<UInt8>) -> FixedLayout {
        let count = text.count
        guard count >= 19 && count <= 29 else { return .other }
        guard text[4] == UInt8(ascii: "-") && text[7] == UInt8(ascii: "-")
            && (text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: " "))
            && text[13] == UInt8(ascii: ":") && text[16] == UInt8(ascii: ":")
        else { return .other }
        @inline(__always) func digit(_ index: Int) -> Int { Int(text[index] &- UInt8(ascii: "0")) }
        @inline(__always) func twoDigits(_ index: Int) -> Int { digit(index) &* 10 &+ digit(index + 1) }
        // Every field position must hold a digit (a byte below "0" wraps to a large value).
        let fieldsAreDigits = digit(0) <= 9 && digit(1) <= 9 && digit(2) <= 9 && digit(3) <= 9 && digit(5) <= 9
            && digit(6) <= 9 && digit(8) <= 9 && digit(9) <= 9 && digit(11) <= 9 && digit(12) <= 9 && digit(14) <= 9
            && digit(15) <= 9 && digit(17) <= 9 && digit(18) <= 9
        guard fieldsAreDigits else { return .other }
        var microsecond = 0
        if count > 19 {
            guard text[19] == UInt8(ascii: "."), count > 20 else { return .other }
            var scale = 100_000
            for index in 20..<count {
                let value = digit(index)
                guard value <= 9 else { return .other }
                microsecond &+= value &* scale
                scale /= 10
            }
        }
        let year = twoDigits(0) &* 100 &+ twoDigits(2)
        let month = twoDigits(5)
        let day = twoDigits(8)
        let hour = twoDigits(11)
        let minute = twoDigits(14)
        let second = twoDigits(17)
        guard month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month)
            && hour <= 23 && minute <= 59 && second <= 59
        else { return .invalid }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days &* 86_400 &+ hour &* 3_600 &+ minute &* 60 &+ second
        return .parsed(Int64(seconds) &* 1_000_000 &+ Int64(microsecond))
    }

    /// Splits the text into fields; `nil` when it is not one of the accepted forms.
    ///
    /// - Complexity: O(*n*) in the byte count.
    @inlinable
    public static func parseParts(_ bytes: UnsafeBufferPointer<UInt8>) -> Parts? {
        let text = ByteTrimming.sparkTrimmed(bytes)
        let end = text.count
        guard end > 0 else { return nil }
        var fields: (Int, Int, Int, Int, Int, Int, Int) = (1, 1, 1, 0, 0, 0, 0)
        var segment = 0
        var value = 0
        var digits = 0
        var fractionDigits = 0
        var index = 0
        var yearSign = 1
        var zone: UnsafeBufferPointer<UInt8>? = nil
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            yearSign = text[0] == UInt8(ascii: "-") ? -1 : 1
            index = 1
        }

        @inline(__always) func store(_ segment: Int, _ value: Int) {
            switch segment {
            case 0: fields.0 = value
            case 1: fields.1 = value
            case 2: fields.2 = value
            case 3: fields.3 = value
            case 4: fields.4 = value
            case 5: fields.5 = value
            default: fields.6 = value
            }
        }

        while index < end {
            let byte = text[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                if segment == 6 {
                    if digits < 6 { value = value * 10 + Int(digit) }
                    fractionDigits += 1
                } else {
                    value = value * 10 + Int(digit)
                    guard digits < 6 else { return nil }
                }
                digits += 1
                index += 1
                continue
            }
            switch segment {
            case 0, 1:
                // A time without a date (`12:30`, `T12:30`) would need today's date: not supported.
                guard byte == UInt8(ascii: "-") else { return nil }
            case 2:
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") else { return nil }
            case 3, 4:
                guard byte == UInt8(ascii: ":") else { return nil }
            case 5 where byte == UInt8(ascii: "."):
                break
            case 5, 6:
                guard validDigits(segment, digits) else { return nil }
                store(segment, value)
                zone = UnsafeBufferPointer(rebasing: text[index...])
                index = end
                continue
            default:
                return nil
            }
            guard validDigits(segment, digits) else { return nil }
            store(segment, value)
            value = 0
            digits = 0
            segment += 1
            index += 1
        }
        if zone == nil {
            guard validDigits(segment, digits) else { return nil }
            store(segment, value)
        }
        var microsecond = fields.6
        if fractionDigits < 6 {
            for _ in fractionDigits..<6 { microsecond *= 10 }
        }
        var offset: Int? = nil
        if let zone {
            guard let seconds = ZoneOffsetParser.parseOffsetSeconds(zone) else { return nil }
            offset = seconds
        }
        return Parts(
            year: yearSign * fields.0, month: fields.1, day: fields.2, hour: fields.3, minute: fields.4,
            second: fields.5, microsecond: microsecond, zoneOffsetSeconds: offset)
    }

    @inlinable @inline(__always)
    static func validDigits(_ segment: Int, _ digits: Int) -> Bool {
        switch segment {
        case 0: digits >= 4 && digits <= 6
        case 6: true
        default: digits >= 1 && digits <= 2
        }
    }
}
