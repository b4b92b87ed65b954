import Foundation
import GlueCore

/// JSON coding of the catalog's shapes, as the AWS CLI prints them and reads them.
///
/// Timestamps are written the way AWS CLI v2 prints them (ISO 8601 with a `+00:00` offset,
/// microseconds only when there are any: `2026-11-22T12:15:11+00:00`) and read either in that form
/// or as epoch seconds (the Glue wire protocol's form). Keys are sorted so output is stable.
public enum CatalogJSON {
    /// An encoder for catalog shapes.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatTimestamp(date))
        }
        return encoder
    }

    /// A decoder for catalog shapes that accepts ISO 8601 strings and epoch seconds for timestamps.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            let text = try container.decode(String.self)
            if let date = parseTimestamp(text) { return date }
            if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Invalid timestamp \"\(text)\": expected ISO 8601 or epoch seconds")
        }
        return decoder
    }

    /// Encodes a value to JSON bytes.
    ///
    /// - Throws: `InternalServiceException` if the value cannot be encoded (never for catalog shapes).
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws(GlueError) -> Data {
        do {
            return try encoder(pretty: pretty).encode(value)
        } catch {
            throw GlueError(.internalService, "Cannot encode \(T.self) as JSON: \(error)")
        }
    }

    /// Decodes a value from JSON bytes, naming the JSON path of the first problem.
    ///
    /// - Throws: `InvalidInputException` with the path and reason.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: String? = nil) throws(GlueError) -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw GlueError(.invalidInput, "Invalid \(what ?? String(describing: T.self)): \(describe(error))")
        } catch {
            throw GlueError(.invalidInput, "Invalid \(what ?? String(describing: T.self)): \(error)")
        }
    }

    /// Prints a timestamp as AWS CLI v2 does: `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`.
    public static func formatTimestamp(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        var seconds = Int64(total.rounded(.down))
        var micros = Int64(((total - Double(seconds)) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if micros != 0 { text += "." + pad(micros, 6) }
        return text + "+00:00"
    }

    /// Parses `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]` (no offset means UTC).
    public static func parseTimestamp(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<(index + width)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = days(fromCivil: year, month, day) * 86_400
        var fraction = 0.0
        if index < bytes.count {
            guard bytes[index] == 84 || bytes[index] == 32 else { return nil }
            index += 1
            guard let hour = number(2), expect(58), let minute = number(2), expect(58), let second = number(2),
                hour < 24, minute < 60, second < 61
            else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            if index < bytes.count, bytes[index] == 46 {
                index += 1
                var scale = 0.1
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    fraction += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
            if index < bytes.count {
                if bytes[index] == 90 {
                    index += 1
                } else if bytes[index] == 43 || bytes[index] == 45 {
                    let sign: Int64 = bytes[index] == 43 ? 1 : -1
                    index += 1
                    guard let offsetHours = number(2) else { return nil }
                    _ = expect(58)
                    guard let offsetMinutes = number(2) else { return nil }
                    seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
                } else {
                    return nil
                }
            }
        }
        guard index == bytes.count else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A decoding error as `path: reason`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "$" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing required member \(key.stringValue) at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "expected \(type), found null at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
