import GlueColumnar
import GlueCore

/// The byte-level path of the JSON Lines reader: scans one line's top-level object straight from
/// the bytes, matches member names to the schema's fields, and appends scalars into typed
/// ``JSONColumnSink``s without building a `JSONValue` tree, a `String` or a `Value` per value.
///
/// It reads exactly what the tree path (GlueCore's `JSONParser`, then ``JSONValueConverter``)
/// reads, or gives up: ``convert(_:_:into:rows:)`` returns `false` for any line it does not
/// accept as it is (bad JSON, a value that does not fit its column, an escaped string where a
/// date or number is expected, a nested value in a string column, a byte order mark, deep
/// nesting), after dropping what it appended for that line; the reader then runs the tree path
/// on the line, which yields the same values or the exact error record. Nested and choice
/// columns parse their member's bytes with the tree parser; everything else stays on bytes.
///
/// Member matching, as the tree path: a member whose name equals the field's wins over one whose
/// name equals it ignoring case; among several, the last one wins (as Spark's JSON reader, which
/// keeps the last of duplicate keys).
final class JSONLineConverter {
    /// What a member's value is (for strings: the range is the content between the quotes).
    enum Tag: UInt8 {
        case missing = 0, null, `true`, `false`, integer, number, string, escapedString, object, array
    }

    /// One field's name and where its member's value was seen in the current line. Plain values,
    /// kept in one buffer, so the per-line loop touches no reference-counted storage.
    struct Slot {
        var nameStart: Int
        var nameLength: Int
        var isASCII: Bool
        /// Whether the name needs no escape in JSON (no quote, backslash or control byte).
        var isPlain: Bool
        var kind: JSONColumnSink.Kind
        var exactTag: Tag = .missing
        var exactStart = 0
        var exactEnd = 0
        var foldTag: Tag = .missing
        var foldStart = 0
        var foldEnd = 0
    }

    let count: Int
    let types: [DataType]
    let paths: [String]
    let lowered: [String]
    /// Whether two field names are equal ignoring case (then a key may match several fields).
    let namesCollide: Bool
    private let slots: UnsafeMutablePointer<Slot>
    /// The names' bytes, back to back, and their ASCII-lowercased form.
    private let nameBytes: UnsafeMutablePointer<UInt8>
    private let foldedBytes: UnsafeMutablePointer<UInt8>
    private var scratch: [UInt8] = []
    /// The field that matched the previous member, so the next member tries the next field first.
    private var hint = 0

    /// The deepest nesting the byte-level path follows; deeper lines go to the tree path.
    static let maximumDepth = 64

    init(schema: Schema) {
        count = schema.fields.count
        types = schema.fields.map(\.dataType)
        paths = schema.fields.map { "$.\($0.name)" }
        lowered = schema.fields.map { $0.name.lowercased() }
        var collide = false
        for a in lowered.indices {
            for b in lowered.indices where a < b && lowered[a] == lowered[b] { collide = true }
        }
        namesCollide = collide
        let allNames = schema.fields.flatMap { Array($0.name.utf8) }
        nameBytes = .allocate(capacity: max(1, allNames.count))
        foldedBytes = .allocate(capacity: max(1, allNames.count))
        for (index, byte) in allNames.enumerated() {
            nameBytes[index] = byte
            foldedBytes[index] = Self.fold(byte)
        }
        slots = .allocate(capacity: max(1, count))
        var offset = 0
        for (index, field) in schema.fields.enumerated() {
            let length = field.name.utf8.count
            let ascii = field.name.utf8.allSatisfy { $0 < 0x80 }
            let plain = field.name.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            (slots + index).initialize(
                to: Slot(nameStart: offset, nameLength: length, isASCII: ascii, isPlain: plain, kind: JSONColumnSink.Kind(field.dataType)))
            offset += length
        }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
        nameBytes.deallocate()
        foldedBytes.deallocate()
    }

    /// Whether `n` bytes at `a` and `b` are equal (eight at a time).
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    // MARK: - The line

    /// Converts one line (without its line break) into one row of `sinks`, which hold `rows`
    /// rows before the call; `false` (and nothing appended) when the tree path must decide.
    func convert(_ p: UnsafePointer<UInt8>, _ n: Int, into sinks: inout [JSONColumnSink], rows: Int) -> Bool {
        for index in 0..<count {
            slots[index].exactTag = .missing
            slots[index].foldTag = .missing
        }
        var i = Self.skipWhitespace(p, n, 0)
        guard i < n, p[i] == UInt8(ascii: "{") else { return false }
        i = Self.skipWhitespace(p, n, i + 1)
        guard i < n else { return false }
        if p[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            hint = 0
            while true {
                guard i < n, p[i] == UInt8(ascii: "\"") else { return false }
                var keyEscaped = false
                // Members usually come in the schema's order: try the expected name first, as raw
                // bytes (a plain name needs no escape, so equal bytes are the whole key).
                var predicted = -1
                var keyEnd = -1
                if !namesCollide && hint < count {
                    let slot = slots[hint]
                    let close = i + 1 + slot.nameLength
                    if slot.isPlain && close < n && p[close] == UInt8(ascii: "\"")
                        && Self.same(p + i + 1, nameBytes + slot.nameStart, slot.nameLength)
                    {
                        predicted = hint
                        keyEnd = close
                    }
                }
                if predicted < 0 {
                    keyEnd = Self.scanString(p, n, i, escaped: &keyEscaped)
                    guard keyEnd >= 0 else { return false }
                }
                let keyStart = i + 1
                i = Self.skipWhitespace(p, n, keyEnd + 1)
                guard i < n, p[i] == UInt8(ascii: ":") else { return false }
                i = Self.skipWhitespace(p, n, i + 1)
                guard i < n else { return false }
                let valueStart: Int
                let valueEnd: Int
                let tag: Tag
                switch p[i] {
                case UInt8(ascii: "\""):
                    var escaped = false
                    let end = Self.scanString(p, n, i, escaped: &escaped)
                    guard end >= 0 else { return false }
                    valueStart = i + 1
                    valueEnd = end
                    tag = escaped ? .escapedString : .string
                    i = end + 1
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    var integral = true
                    let end = Self.scanNumber(p, n, i, integral: &integral)
                    guard end >= 0 else { return false }
                    valueStart = i
                    valueEnd = end
                    tag = integral ? .integer : .number
                    i = end
                case UInt8(ascii: "t"):
                    guard Self.literal(p, n, i, "true") else { return false }
                    (valueStart, valueEnd, tag) = (i, i + 4, .true)
                    i += 4
                case UInt8(ascii: "f"):
                    guard Self.literal(p, n, i, "false") else { return false }
                    (valueStart, valueEnd, tag) = (i, i + 5, .false)
                    i += 5
                case UInt8(ascii: "n"):
                    guard Self.literal(p, n, i, "null") else { return false }
                    (valueStart, valueEnd, tag) = (i, i + 4, .null)
                    i += 4
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let end = Self.skipValue(p, n, i, depth: 2)
                    guard end >= 0 else { return false }
                    (valueStart, valueEnd, tag) = (i, end, p[i] == UInt8(ascii: "{") ? .object : .array)
                    i = end
                default:
                    return false
                }
                if predicted >= 0 {
                    slots[predicted].exactTag = tag
                    slots[predicted].exactStart = valueStart
                    slots[predicted].exactEnd = valueEnd
                    hint = predicted + 1
                } else if keyEscaped {
                    scratch.removeAll(keepingCapacity: true)
                    Self.unescape(p, keyStart, keyEnd, into: &scratch)
                    let key = scratch
                    key.withUnsafeBufferPointer { buffer in
                        if let base = buffer.baseAddress {
                            match(base, 0, buffer.count, tag, valueStart, valueEnd)
                        } else {
                            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
                                if let base = empty.baseAddress { match(UnsafePointer(base), 0, 0, tag, valueStart, valueEnd) }
                            }
                        }
                    }
                } else {
                    match(p, keyStart, keyEnd, tag, valueStart, valueEnd)
                }
                i = Self.skipWhitespace(p, n, i)
                guard i < n else { return false }
                if p[i] == UInt8(ascii: ",") {
                    i = Self.skipWhitespace(p, n, i + 1)
                    continue
                }
                guard p[i] == UInt8(ascii: "}") else { return false }
                i += 1
                break
            }
        }
        guard Self.skipWhitespace(p, n, i) == n else { return false }
        return sinks.withUnsafeMutableBufferPointer { sinks -> Bool in
            for field in 0..<count {
                let slot = slots[field]
                let ok: Bool
                if slot.exactTag != .missing {
                    ok = store(p, slot.exactTag, slot.exactStart, slot.exactEnd, field, slot.kind, &sinks[field])
                } else {
                    ok = store(p, slot.foldTag, slot.foldStart, slot.foldEnd, field, slot.kind, &sinks[field])
                }
                if !ok {
                    for index in 0...field { sinks[index].truncate(to: rows) }
                    return false
                }
            }
            return true
        }
    }

    /// Records a member under the field(s) its key names.
    @inline(__always)
    private func match(_ key: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ tag: Tag, _ valueStart: Int, _ valueEnd: Int) {
        let length = end - start
        guard count > 0 else { return }
        var probe = hint < count ? hint : 0
        for _ in 0..<count {
            let slot = slots[probe]
            if slot.nameLength == length && Self.same(key + start, nameBytes + slot.nameStart, length) {
                slots[probe].exactTag = tag
                slots[probe].exactStart = valueStart
                slots[probe].exactEnd = valueEnd
                hint = probe + 1
                if !namesCollide { return }
                break
            }
            probe = probe + 1 == count ? 0 : probe + 1
        }
        // Case-insensitive matches (also for other fields when two names differ only by case).
        var keyIsASCII = true
        for index in 0..<length where key[start + index] >= 0x80 {
            keyIsASCII = false
            break
        }
        var loweredKey: String? = nil
        for field in 0..<count {
            let slot = slots[field]
            let exact = slot.nameLength == length && Self.same(key + start, nameBytes + slot.nameStart, length)
            if exact { continue }
            var folds = false
            if keyIsASCII && slot.isASCII {
                if slot.nameLength == length {
                    folds = true
                    for index in 0..<length where Self.fold(key[start + index]) != foldedBytes[slot.nameStart + index] {
                        folds = false
                        break
                    }
                }
            } else {
                if loweredKey == nil {
                    loweredKey = String(decoding: UnsafeBufferPointer(start: key + start, count: length), as: UTF8.self).lowercased()
                }
                folds = loweredKey == lowered[field]
            }
            if folds {
                slots[field].foldTag = tag
                slots[field].foldStart = valueStart
                slots[field].foldEnd = valueEnd
            }
        }
    }

    // MARK: - Values into columns

    /// Appends one member's value (or a null for a missing member); `false` when the tree path
    /// must decide.
    @inline(__always)
    private func store(
        _ p: UnsafePointer<UInt8>, _ tag: Tag, _ s: Int, _ e: Int, _ field: Int, _ kind: JSONColumnSink.Kind, _ sink: inout JSONColumnSink
    ) -> Bool {
        if tag == .missing || tag == .null {
            sink.appendNull()
            return true
        }
        switch kind {
        case .int64, .int32, .int16, .int8:
            guard tag == .integer, let value = JSONBytes.int64(p + s, e - s) else { return false }
            switch kind {
            case .int32: guard Int32(exactly: value) != nil else { return false }
            case .int16: guard Int16(exactly: value) != nil else { return false }
            case .int8: guard Int8(exactly: value) != nil else { return false }
            default: break
            }
            sink.appendInteger(value)
        case .float64, .float32:
            let value: Double
            if tag == .integer || tag == .number {
                value = Self.double(p + s, e - s)
            } else if tag == .string, let special = Self.special(p + s, e - s) {
                value = special
            } else {
                return false
            }
            if kind == .float32 { sink.appendFloat(Float(value)) } else { sink.appendDouble(value) }
        case .text:
            switch tag {
            case .string, .integer, .number: sink.appendBytes(p + s, e - s)
            case .escapedString:
                Self.unescape(p, s, e, into: &sink.bytes)
                sink.closeBytes()
            case .true: sink.appendBytes(p + s, 4)
            case .false: sink.appendBytes(p + s, 5)
            default: return false
            }
        case .boolean:
            switch tag {
            case .true: sink.appendBoolean(true)
            case .false: sink.appendBoolean(false)
            default: return false
            }
        case .decimal(let precision, let scale):
            guard tag == .integer || tag == .number, let unscaled = JSONValueConverter.decimal(p + s, e - s, scale: scale),
                Decimal128.fits(unscaled, precision: precision)
            else { return false }
            sink.appendDecimal(unscaled)
        case .date:
            guard tag == .string, let days = JSONTemporal.date(p + s, e - s) else { return false }
            sink.appendInteger(Int64(days))
        case .timestamp:
            guard tag == .string, let micros = JSONTemporal.timestamp(p + s, e - s) else { return false }
            sink.appendInteger(micros)
        case .binary:
            guard tag == .string, let data = Base64.decode(String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)) else {
                return false
            }
            sink.appendBytes(data)
        case .nested:
            // Strings keep their quotes for the tree parser.
            let start = tag == .string || tag == .escapedString ? s - 1 : s
            let end = tag == .string || tag == .escapedString ? e + 1 : e
            guard let document = try? JSONParser.parse(Array(UnsafeBufferPointer(start: p + start, count: end - start)), options: JSONReader.parserOptions).value,
                let value = try? JSONValueConverter.convert(document, to: types[field], path: paths[field])
            else { return false }
            sink.appendBoxed(value)
        }
        return true
    }

    /// A JSON number's value as Swift's `Double(String)` reads it (correctly rounded): Clinger's
    /// exact path for short mantissas and small powers of ten, the standard library otherwise.
    @inline(__always)
    static func double(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double {
        var i = 0
        let negative = p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        while i < n, p[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
            digits += 1
            i += 1
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                digits += 1
                fraction += 1
                i += 1
            }
        }
        if i == n && digits <= 19 && mantissa < (1 << 53) && fraction <= 22 {
            var value = Double(mantissa)
            if fraction > 0 { value /= exactPowersOfTen[fraction] }
            return negative ? -value : value
        }
        return slowDouble(p, n)
    }

    @inline(never)
    static func slowDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double {
        Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)) ?? .nan
    }

    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The writer's spellings of non-finite numbers: `NaN`, `Infinity`, `-Infinity`.
    @inline(__always)
    static func special(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        let text = UnsafeBufferPointer(start: p, count: n)
        if text.elementsEqual("NaN".utf8) { return .nan }
        if text.elementsEqual("Infinity".utf8) { return .infinity }
        if text.elementsEqual("-Infinity".utf8) { return -.infinity }
        return nil
    }

    // MARK: - Scanning (strict RFC 8259, as GlueCore's JSONParser)

    @inline(__always)
    static func skipWhitespace(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var i = start
        while i < n {
            let byte = p[i]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { break }
            i += 1
        }
        return i
    }

    @inline(__always)
    static func literal(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let expected = word.utf8Start
        for index in 0..<count where p[i + index] != expected[index] { return false }
        return true
    }

    /// Scans the string whose opening quote is at `start`; returns the index of its closing
    /// quote, or -1 when it is not a valid JSON string (raw control byte, bad escape, lone
    /// surrogate escape, invalid UTF-8, no closing quote).
    @inline(__always)
    static func scanString(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int, escaped: inout Bool) -> Int {
        var i = start + 1
        var high = false
        let raw = UnsafeRawPointer(p)
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control byte or non-ASCII.
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = word ^ 0x2222_2222_2222_2222
                let slash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let special = ((quote &- 0x0101_0101_0101_0101) & ~quote) | ((slash &- 0x0101_0101_0101_0101) & ~slash)
                    | (word &- 0x2020_2020_2020_2020) | word
                if special & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return -1 }
            let byte = p[i]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < n else { return -1 }
                switch p[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard let unit = hex4(p, n, i + 2) else { return -1 }
                    i += 6
                    if unit >= 0xD800 && unit <= 0xDBFF {
                        guard i + 1 < n, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u"), let low = hex4(p, n, i + 2),
                            low >= 0xDC00 && low <= 0xDFFF
                        else { return -1 }
                        i += 6
                    } else if unit >= 0xDC00 && unit <= 0xDFFF {
                        return -1
                    }
                default: return -1
                }
                continue
            }
            if byte < 0x20 { return -1 }
            if byte >= 0x80 { high = true }
            i += 1
        }
        if high && !UTF8Validation.isValid(p + start + 1, i - start - 1) { return -1 }
        return i
    }

    @inline(__always)
    static func hex4(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> UInt32? {
        guard start + 4 <= n else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = p[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte &- 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte &- 0x61 &+ 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte &- 0x41 &+ 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Appends the content of a scanned (valid) string in `[start, end)` with escapes resolved.
    static func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8]) {
        var i = start
        var run = start
        while i < end {
            guard p[i] == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run)) }
            let code = p[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(p, end, i) ?? 0xFFFD
                i += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF, let low = hex4(p, end, i + 2) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                appendUTF8(scalar, into: &out)
            default: out.append(code)  // " \ /
            }
            run = i
        }
        if end > run { out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: end - run)) }
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, into out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Scans a number at `start` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`); returns its end, or -1.
    @inline(__always)
    static func scanNumber(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int, integral: inout Bool) -> Int {
        var i = start
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, p[i] &- 48 < 10 else { return -1 }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < n, p[i] &- 48 < 10 { return -1 }
        } else {
            while i < n, p[i] &- 48 < 10 { i += 1 }
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < n, p[i] &- 48 < 10 else { return -1 }
            while i < n, p[i] &- 48 < 10 { i += 1 }
        }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            integral = false
            i += 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, p[i] &- 48 < 10 else { return -1 }
            while i < n, p[i] &- 48 < 10 { i += 1 }
        }
        return i
    }

    /// Skips (and checks) the value at `start`; returns its end, or -1.
    static func skipValue(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int, depth: Int) -> Int {
        guard start < n else { return -1 }
        switch p[start] {
        case UInt8(ascii: "\""):
            var escaped = false
            let end = scanString(p, n, start, escaped: &escaped)
            return end < 0 ? -1 : end + 1
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var integral = true
            return scanNumber(p, n, start, integral: &integral)
        case UInt8(ascii: "t"): return literal(p, n, start, "true") ? start + 4 : -1
        case UInt8(ascii: "f"): return literal(p, n, start, "false") ? start + 5 : -1
        case UInt8(ascii: "n"): return literal(p, n, start, "null") ? start + 4 : -1
        case UInt8(ascii: "["):
            guard depth <= maximumDepth else { return -1 }
            var i = skipWhitespace(p, n, start + 1)
            guard i < n else { return -1 }
            if p[i] == UInt8(ascii: "]") { return i + 1 }
            while true {
                i = skipValue(p, n, i, depth: depth + 1)
                guard i >= 0 else { return -1 }
                i = skipWhitespace(p, n, i)
                guard i < n else { return -1 }
                if p[i] == UInt8(ascii: "]") { return i + 1 }
                guard p[i] == UInt8(ascii: ",") else { return -1 }
                i = skipWhitespace(p, n, i + 1)
            }
        case UInt8(ascii: "{"):
            guard depth <= maximumDepth else { return -1 }
            var i = skipWhitespace(p, n, start + 1)
            guard i < n else { return -1 }
            if p[i] == UInt8(ascii: "}") { return i + 1 }
            while true {
                guard i < n, p[i] == UInt8(ascii: "\"") else { return -1 }
                var escaped = false
                let keyEnd = scanString(p, n, i, escaped: &escaped)
                guard keyEnd >= 0 else { return -1 }
                i = skipWhitespace(p, n, keyEnd + 1)
                guard i < n, p[i] == UInt8(ascii: ":") else { return -1 }
                i = skipValue(p, n, skipWhitespace(p, n, i + 1), depth: depth + 1)
                guard i >= 0 else { return -1 }
                i = skipWhitespace(p, n, i)
                guard i < n else { return -1 }
                if p[i] == UInt8(ascii: "}") { return i + 1 }
                guard p[i] == UInt8(ascii: ",") else { return -1 }
                i = skipWhitespace(p, n, i + 1)
            }
        default:
            return -1
        }
    }
}
