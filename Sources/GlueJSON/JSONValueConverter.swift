import GlueColumnar
import GlueCore

/// Converts parsed JSON values into column values of a declared type.
///
/// Numbers keep their text until here, so integers and decimals convert exactly. Strings become
/// dates and timestamps (ISO-8601), `NaN`/`Infinity` strings become floating point (the writer's
/// form), base64 strings become binary. A scalar read into a string column keeps its JSON text.
enum JSONValueConverter {
    /// A conversion failure: the JSON path inside the record and the reason.
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func convert(_ json: JSONValue, to type: DataType, path: String) throws(Failure) -> Value {
        if case .null = json { return .null }
        switch type {
        case .boolean:
            if case .bool(let flag) = json { return .boolean(flag) }
        case .tinyint, .smallint, .int, .bigint:
            if case .number(let text) = json {
                guard let value = integer(text) else { throw Failure(path: path, reason: "\(text) is not an integer in range for \(type)") }
                let bits = type.integerBitWidth ?? 64
                guard bits == 64 || (value >= -(Int64(1) << (bits - 1)) && value < (Int64(1) << (bits - 1))) else {
                    throw Failure(path: path, reason: "\(text) is out of range for \(type)")
                }
                return .integer(value)
            }
        case .float, .double:
            var number: Double? = nil
            switch json {
            case .number(let text): number = Double(text)
            case .string(let text):
                switch text {
                case "NaN": number = .nan
                case "Infinity": number = .infinity
                case "-Infinity": number = -.infinity
                default: number = nil
                }
            default: break
            }
            if let number { return type == .float ? .float(Float(number)) : .double(number) }
        case .decimal(let precision, let scale):
            if case .number(let text) = json {
                guard let unscaled = decimal(text, scale: scale), Decimal128.fits(unscaled, precision: precision) else {
                    throw Failure(path: path, reason: "\(text) does not fit \(type)")
                }
                return .decimal(unscaled: unscaled, scale: scale)
            }
        case .string, .char, .varchar:
            switch json {
            case .string(let text): return .string(text)
            case .number(let text): return .string(text)
            case .bool(let flag): return .string(flag ? "true" : "false")
            default: return .string(json.serialized())
            }
        case .binary:
            if case .string(let text) = json {
                guard let bytes = Base64.decode(text) else { throw Failure(path: path, reason: "the string is not base64") }
                return .binary(bytes)
            }
        case .date:
            if case .string(let text) = json {
                guard let days = JSONTemporal.date(text) else { throw Failure(path: path, reason: "\"\(text)\" is not a date") }
                return .date(days: days)
            }
        case .timestamp, .timestampNTZ:
            if case .string(let text) = json {
                guard let micros = JSONTemporal.timestamp(text) else { throw Failure(path: path, reason: "\"\(text)\" is not a timestamp") }
                return .timestamp(microseconds: micros)
            }
        case .array(let element):
            if case .array(let elements) = json {
                var values: [Value] = []
                values.reserveCapacity(elements.count)
                for (index, item) in elements.enumerated() { values.append(try convert(item, to: element, path: "\(path)[\(index)]")) }
                return .array(values)
            }
        case .map(let keyType, let valueType):
            if case .object(let members) = json {
                var keys: [Value] = []
                var values: [Value] = []
                for member in members {
                    keys.append(try convert(.string(member.key), to: keyType, path: path))
                    values.append(try convert(member.value, to: valueType, path: "\(path).\(member.key)"))
                }
                return .map(keys: keys, values: values)
            }
        case .struct(let fields):
            if case .object(let members) = json {
                var values: [Value] = []
                values.reserveCapacity(fields.count)
                for field in fields {
                    let member = JSONReader.member(field.name, in: members)
                    values.append(try convert(member?.value ?? .null, to: field.dataType, path: "\(path).\(field.name)"))
                }
                return .structure(values)
            }
        case .choice(let types):
            if let branch = choiceBranch(json, types) { return try convert(json, to: branch, path: path) }
        }
        throw Failure(path: path, reason: "a JSON \(json.typeName) cannot be read as \(type)")
    }

    /// The branch of a choice type that a JSON value belongs to.
    static func choiceBranch(_ json: JSONValue, _ types: [DataType]) -> DataType? {
        switch json {
        case .null: return types.first
        case .bool: return types.first { $0 == .boolean }
        case .number(let text):
            if integer(text) != nil, let integral = types.first(where: { $0.isIntegral }) { return integral }
            return types.first { $0 == .double || $0 == .float } ?? types.first { if case .decimal = $0 { true } else { false } }
                ?? types.first { $0.isIntegral }
        case .string: return types.first { $0.isString } ?? types.first { $0 == .date || $0 == .timestamp || $0 == .binary }
        case .array: return types.first { if case .array = $0 { true } else { false } }
        case .object: return types.first { if case .struct = $0 { true } else if case .map = $0 { true } else { false } }
        }
    }

    /// An integer written without fraction or exponent, in `Int64` range.
    static func integer(_ text: String) -> Int64? { Int64(text) }

    /// An exact decimal at `scale`, rounding half up when the text has more fraction digits.
    static func decimal(_ text: String, scale: Int) -> Int128? { JSONBytes.withBytes(text) { decimal($0, $1, scale: scale) } }

    /// An exact decimal at `scale` from a JSON number's bytes (see the `String` form).
    static func decimal(_ p: UnsafePointer<UInt8>, _ n: Int, scale: Int) -> Int128? {
        var end = n
        var exponent = 0
        var e = 0
        while e < n && p[e] | 0x20 != UInt8(ascii: "e") { e += 1 }
        if e < n {
            guard let parsed = JSONBytes.int(p + e + 1, n - e - 1) else { return nil }
            exponent = parsed
            end = e
        }
        var i = 0
        var negative = false
        if i < end && p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var unscaled: Int128 = 0
        var literalScale = 0
        var seenPoint = false
        var digits = 0
        while i < end {
            let character = p[i]
            i += 1
            if character == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            let digit = character &- 48
            guard digit < 10 else { return nil }
            digits += 1
            guard digits <= 38 else { return nil }
            unscaled = unscaled * 10 + Int128(digit)
            if seenPoint { literalScale += 1 }
        }
        guard digits > 0 else { return nil }
        let (adjusted, overflow) = literalScale.subtractingReportingOverflow(exponent)
        guard !overflow else { return nil }
        literalScale = adjusted
        if literalScale < 0 {
            guard let widened = Decimal128.rescale(unscaled, from: 0, to: -literalScale) else { return nil }
            unscaled = widened
            literalScale = 0
        }
        guard let value = Decimal128.rescaleRounding(unscaled, from: literalScale, to: scale) else { return nil }
        return negative ? -value : value
    }
}

/// ISO-8601 dates and timestamps as JSON strings carry them, read from bytes (the byte-level
/// path calls the pointer forms; the tree path the `String` ones, which call the same code).
enum JSONTemporal {
    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ minimum: Int, _ maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while i < n && count < maximum && p[i] &- 48 < 10 {
            value = value * 10 + Int(p[i] &- 48)
            i += 1
            count += 1
        }
        return count >= minimum ? value : nil
    }

    @inline(__always)
    private static func datePart(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Int? {
        var sign = 1
        if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
            if p[i] == UInt8(ascii: "-") { sign = -1 }
            i += 1
        }
        guard let year = digits(p, n, &i, 4, 6), i < n, p[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let month = digits(p, n, &i, 1, 2), i < n, p[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let day = digits(p, n, &i, 1, 2) else { return nil }
        let date = CivilDate(year: sign * year, month: month, day: day)
        return date.isValid ? date.daysSinceEpoch : nil
    }

    /// `YYYY-MM-DD`.
    static func date(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        var i = 0
        guard let days = datePart(p, n, &i), i == n else { return nil }
        return Int32(exactly: days)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.f...]]][Z|±HH:MM]` in microseconds since the epoch (UTC).
    static func timestamp(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        var i = 0
        guard let days = datePart(p, n, &i) else { return nil }
        var micros = Int64(days) * 86_400_000_000
        if i == n { return micros }
        guard p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = digits(p, n, &i, 2, 2), hour < 24, i < n, p[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = digits(p, n, &i, 2, 2), minute < 60 else { return nil }
        var second = 0
        var fraction: Int64 = 0
        if i < n && p[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = digits(p, n, &i, 2, 2), s < 60 else { return nil }
            second = s
            if i < n && p[i] == UInt8(ascii: ".") {
                i += 1
                var count = 0
                while i < n && p[i] &- 48 < 10 {
                    if count < 6 { fraction = fraction * 10 + Int64(p[i] &- 48) }
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                for _ in min(count, 6)..<6 { fraction *= 10 }
            }
        }
        micros += Int64(hour * 3_600 + minute * 60 + second) * 1_000_000 + fraction
        if i == n { return micros }
        if p[i] == UInt8(ascii: "Z") && i == n - 1 { return micros }
        guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = p[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let offsetHours = digits(p, n, &i, 2, 2) else { return nil }
        if i < n && p[i] == UInt8(ascii: ":") { i += 1 }
        let offsetMinutes = i < n ? digits(p, n, &i, 2, 2) ?? -1 : 0
        guard offsetMinutes >= 0, i == n else { return nil }
        return micros - sign * Int64(offsetHours * 3_600 + offsetMinutes * 60) * 1_000_000
    }

    /// `YYYY-MM-DD`.
    static func date(_ text: String) -> Int32? { JSONBytes.withBytes(text) { date($0, $1) } }

    /// A timestamp (see the pointer form).
    static func timestamp(_ text: String) -> Int64? { JSONBytes.withBytes(text) { timestamp($0, $1) } }
}

/// Standard base64 (RFC 4648) for binary values in JSON.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = iterator.next()
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 3) << 4 | (b ?? 0) >> 4)])
            out.append(b == nil ? UInt8(ascii: "=") : alphabet[Int(((b ?? 0) & 15) << 2 | (c ?? 0) >> 6)])
            out.append(c == nil ? UInt8(ascii: "=") : alphabet[Int((c ?? 0) & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let index = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(index))
        }
        guard (values.count + padding) % 4 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            let a = chunk[chunk.startIndex]
            let b = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            out.append(a << 2 | b >> 4)
            if chunk.count > 2 { out.append((b & 15) << 4 | chunk[chunk.startIndex + 2] >> 2) }
            if chunk.count > 3 { out.append((chunk[chunk.startIndex + 2] & 3) << 6 | chunk[chunk.startIndex + 3]) }
            i += 4
        }
        return out
    }
}
