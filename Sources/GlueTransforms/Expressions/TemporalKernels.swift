import GlueColumnar
import GlueCore

/// Date and time functions, in UTC (Glue's session time zone).
enum TemporalKernels {
    static let microsPerDay = TemporalFormat.microsecondsPerDay

    static func evaluate(
        _ function: ScalarFunction, arguments: [ScalarExpression], columns: [Column], rowCount: Int, resultType: DataType
    ) throws(GlueError) -> Column {
        func constantText(_ index: Int) -> String? {
            if case .string(let text)? = arguments[index].literalValue { return text }
            return nil
        }
        switch function {
        case .year, .quarter, .month, .day, .dayofweek, .dayofyear:
            guard case .int32(let days) = columns[0].storage else { break }
            return ExpressionKernels.unary(.int, days, validity: columns[0].validity) { (value: Int32) -> Int32? in
                let date = CivilDate(daysSinceEpoch: Int(value))
                switch function {
                case .year: return Int32(truncatingIfNeeded: date.year)
                case .quarter: return Int32((date.month - 1) / 3 + 1)
                case .month: return Int32(date.month)
                case .day: return Int32(date.day)
                // Spark: 1 = Sunday ... 7 = Saturday; 1970-01-01 was a Thursday.
                case .dayofweek: return Int32(((Int(value) % 7) + 7 + 4) % 7 + 1)
                default: return Int32(Int(value) - CivilDate(year: date.year, month: 1, day: 1).daysSinceEpoch + 1)
                }
            }
        case .last_day:
            guard case .int32(let days) = columns[0].storage else { break }
            return ExpressionKernels.unary(.date, days, validity: columns[0].validity) { (value: Int32) -> Int32? in
                let date = CivilDate(daysSinceEpoch: Int(value))
                return Int32(truncatingIfNeeded: CivilDate(year: date.year, month: date.month, day: CivilDate.daysInMonth(year: date.year, month: date.month)).daysSinceEpoch)
            }
        case .hour, .minute, .second:
            guard case .int64(let micros) = columns[0].storage else { break }
            return ExpressionKernels.unary(.int, micros, validity: columns[0].validity) { (value: Int64) -> Int32? in
                let ofDay = TemporalFormat.splitDays(value).microsecondsOfDay
                switch function {
                case .hour: return Int32(ofDay / 3_600_000_000)
                case .minute: return Int32(ofDay / 60_000_000 % 60)
                default: return Int32(ofDay / 1_000_000 % 60)
                }
            }
        case .datediff:
            guard case .int32(let end) = columns[0].storage, case .int32(let start) = columns[1].storage else { break }
            return ExpressionKernels.binaryTotal(.int, end, start, validity: ValidityBitmap.intersection(columns[0].validity, columns[1].validity)) { $0 &- $1 }
        case .date_add, .date_sub:
            guard case .int32(let days) = columns[0].storage, case .int32(let delta) = columns[1].storage else { break }
            let sign: Int32 = function == .date_add ? 1 : -1
            return ExpressionKernels.binaryTotal(.date, days, delta, validity: ValidityBitmap.intersection(columns[0].validity, columns[1].validity)) { $0 &+ sign &* $1 }
        case .add_months:
            guard case .int32(let days) = columns[0].storage, case .int32(let delta) = columns[1].storage else { break }
            return ExpressionKernels.binary(.date, days, delta, validity: ValidityBitmap.intersection(columns[0].validity, columns[1].validity)) { (value: Int32, months: Int32) -> Int32? in
                let date = CivilDate(daysSinceEpoch: Int(value))
                let total = date.year * 12 + (date.month - 1) + Int(months)
                let year = total >= 0 ? total / 12 : (total - 11) / 12
                let month = total - year * 12 + 1
                let day = min(date.day, CivilDate.daysInMonth(year: year, month: month))
                return Int32(exactly: CivilDate(year: year, month: month, day: day).daysSinceEpoch)
            }
        case .date_trunc:
            guard let unit = constantText(0)?.uppercased(), case .int64(let micros) = columns[1].storage else { break }
            return ExpressionKernels.unary(columns[1].dataType, micros, validity: columns[1].validity) { (value: Int64) -> Int64? in
                truncate(value, unit: unit)
            }
        case .trunc:
            guard let unit = constantText(1)?.uppercased(), case .int32(let days) = columns[0].storage else { break }
            guard ["YEAR", "YYYY", "YY", "QUARTER", "MONTH", "MM", "MON", "WEEK"].contains(unit) else { return .nulls(.date, count: rowCount) }
            return ExpressionKernels.unary(.date, days, validity: columns[0].validity) { (value: Int32) -> Int32? in
                truncate(Int64(value) * microsPerDay, unit: unit).map { Int32(truncatingIfNeeded: TemporalFormat.splitDays($0).days) }
            }
        case .date_format, .from_unixtime:
            guard let text = constantText(1) else { return .nulls(.string, count: rowCount) }
            let pattern = try DateTimePattern(text)
            guard case .int64(let values) = columns[0].storage else { break }
            let isSeconds = function == .from_unixtime
            return try ExpressionKernels.text(.string, count: rowCount, validity: columns[0].validity) { index, output in
                let (micros, overflow) = isSeconds ? values[index].multipliedReportingOverflow(by: 1_000_000) : (values[index], false)
                if overflow { return false }
                pattern.format(micros, into: &output)
                return true
            }
        case .to_date, .to_timestamp, .unix_timestamp:
            if function == .unix_timestamp, columns.count == 1 {
                guard case .int64(let micros) = columns[0].storage else { break }
                return ExpressionKernels.unary(.bigint, micros, validity: columns[0].validity) { (value: Int64) -> Int64? in
                    value >= 0 ? value / 1_000_000 : (value - 999_999) / 1_000_000
                }
            }
            guard columns.count == 2, let text = constantText(1) else { return .nulls(resultType, count: rowCount) }
            let pattern = try DateTimePattern(text)
            var nulls = ExpressionKernels.Nulls(columns[0].validity, count: rowCount)
            var parsed = [Int64](repeating: 0, count: rowCount)
            try ExpressionKernels.withRowBytes(columns[0]) { row in
                for index in 0..<rowCount where nulls.isValid(index) {
                    if let micros = pattern.parse(row(index)) { parsed[index] = micros } else { nulls.setNull(index) }
                }
            }
            switch function {
            case .to_timestamp: return Column(.timestamp, storage: .int64(parsed), validity: nulls.bitmap)
            case .unix_timestamp:
                return Column(.bigint, storage: .int64(parsed.map { $0 >= 0 ? $0 / 1_000_000 : ($0 - 999_999) / 1_000_000 }), validity: nulls.bitmap)
            default:
                return Column(.date, storage: .int32(parsed.map { Int32(truncatingIfNeeded: TemporalFormat.splitDays($0).days) }), validity: nulls.bitmap)
            }
        default:
            break
        }
        throw GlueError(.internalService, "\(function.rawValue) got arguments of unexpected types \(columns.map { "\($0.dataType)" }).")
    }

    /// Truncates an instant to a unit of `date_trunc` (`nil` for an unknown unit, as Spark).
    static func truncate(_ micros: Int64, unit: String) -> Int64? {
        let (days, ofDay) = TemporalFormat.splitDays(micros)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func startOf(_ civil: CivilDate) -> Int64 { Int64(civil.daysSinceEpoch) * microsPerDay }
        switch unit {
        case "YEAR", "YYYY", "YY": return startOf(CivilDate(year: date.year, month: 1, day: 1))
        case "QUARTER": return startOf(CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1))
        case "MONTH", "MM", "MON": return startOf(CivilDate(year: date.year, month: date.month, day: 1))
        case "WEEK":
            let weekday = Int(((days % 7) + 7 + 3) % 7)  // 0 = Monday
            return (days - Int64(weekday)) * microsPerDay
        case "DAY", "DD": return days * microsPerDay
        case "HOUR": return days * microsPerDay + ofDay / 3_600_000_000 * 3_600_000_000
        case "MINUTE": return days * microsPerDay + ofDay / 60_000_000 * 60_000_000
        case "SECOND": return days * microsPerDay + ofDay / 1_000_000 * 1_000_000
        case "MILLISECOND": return days * microsPerDay + ofDay / 1_000 * 1_000
        case "MICROSECOND": return micros
        default: return nil
        }
    }
}
