/// A proleptic Gregorian calendar date, converted to and from days since 1970-01-01.
///
/// Valid for every year from -999,999 to 999,999, which covers every `date` a 32-bit day count
/// and every `timestamp` a 64-bit microsecond count can express that Spark can print.
public struct CivilDate: Hashable, Sendable {
    /// The year (astronomical numbering: year 0 is 1 BC).
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int

    /// Creates a date from its parts without checking them.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Shift to a calendar starting 0000-03-01 so the leap day ends each 4/100/400-year era.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Whether the parts name a real date.
    public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month)
    }
}

/// Text forms of dates and timestamps, as Spark prints them.
public enum TemporalFormat {
    /// Microseconds in a day.
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `YYYY-MM-DD` (years beyond 9999 get a `+`, negative years a `-`, as Spark does).
    public static func date(daysSinceEpoch days: Int32) -> String {
        format(CivilDate(daysSinceEpoch: Int(days)))
    }

    static func format(_ date: CivilDate) -> String {
        var text = ""
        if date.year < 0 {
            text = "-" + pad(-date.year, 4)
        } else if date.year > 9_999 {
            text = "+" + String(date.year)
        } else {
            text = pad(date.year, 4)
        }
        return text + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` with the fraction trimmed of trailing zeros (Spark's `show`
    /// and CSV form); `separator` may be `"T"` for ISO-8601.
    public static func timestamp(microseconds: Int64, separator: String = " ") -> String {
        let (days, microsOfDay) = splitDays(microseconds)
        var text = format(CivilDate(daysSinceEpoch: Int(days))) + separator
        let seconds = Int(microsOfDay / 1_000_000)
        text += pad(seconds / 3_600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        var fraction = Int(microsOfDay % 1_000_000)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            text += "." + pad(fraction, width)
        }
        return text
    }

    /// Splits microseconds since the epoch into whole days and microseconds within the day.
    public static func splitDays(_ microseconds: Int64) -> (days: Int64, microsecondsOfDay: Int64) {
        var days = microseconds / microsecondsPerDay
        var rest = microseconds % microsecondsPerDay
        if rest < 0 {
            days -= 1
            rest += microsecondsPerDay
        }
        return (days, rest)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
