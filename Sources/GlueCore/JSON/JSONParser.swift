/// A strict, byte-level JSON parser (RFC 8259) that reports exact positions.
///
/// - Object members keep document order; a repeated key is an error unless allowed.
/// - Numbers keep their text; strings must be valid UTF-8 without raw control characters.
/// - Nesting is limited (``Options/maximumDepth``) so hostile input cannot exhaust the stack.
/// - Every error is an `InvalidDataException` whose message names line, column, byte offset and
///   JSON path, with a ``JSONSyntaxError`` as its `cause`.
///
/// ```swift
/// let parsed = try JSONParser.parse(Array(text.utf8), options: .init(recordSpans: true))
/// parsed.spans[JSONPath.root.appending(key: "Statement")]?.start.line
/// ```
public struct JSONParser {
    /// Parser settings.
    public struct Options: Sendable {
        /// Accept an object with the same key twice (the last one is kept in ``JSONValue/subscript(_:)``
        /// order: both members are kept). Off by default.
        public var allowsDuplicateKeys: Bool
        /// Record the span of every value by path (costs an allocation per value).
        public var recordSpans: Bool
        /// The deepest nesting of arrays and objects accepted.
        public var maximumDepth: Int

        /// Creates options.
        public init(allowsDuplicateKeys: Bool = false, recordSpans: Bool = false, maximumDepth: Int = 256) {
            self.allowsDuplicateKeys = allowsDuplicateKeys
            self.recordSpans = recordSpans
            self.maximumDepth = maximumDepth
        }
    }

    /// A parsed document: the value and, when recorded, the span of every value by path.
    public struct Result: Sendable {
        /// The root value.
        public var value: JSONValue
        /// The span of each value, keyed by its path (empty unless ``Options/recordSpans``).
        public var spans: [JSONPath: JSONSpan]
    }

    private let bytes: [UInt8]
    private let options: Options
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var path: [JSONPath.Component] = []
    private var spans: [JSONPath: JSONSpan] = [:]

    private init(bytes: [UInt8], options: Options) {
        self.bytes = bytes
        self.options = options
    }

    /// Parses a complete JSON text.
    ///
    /// - Throws: `InvalidDataException` with a ``JSONSyntaxError`` cause.
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(GlueError) -> Result {
        var parser = JSONParser(bytes: bytes, options: options)
        // A UTF-8 byte order mark is tolerated at the very start.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw parser.failure("the document is empty")
        }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure("unexpected text after the end of the JSON value")
        }
        return Result(value: value, spans: parser.spans)
    }

    /// Parses a complete JSON text given as a string.
    ///
    /// - Throws: `InvalidDataException` with a ``JSONSyntaxError`` cause.
    public static func parse(_ text: String, options: Options = Options()) throws(GlueError) -> Result {
        try parse(Array(text.utf8), options: options)
    }

    // MARK: - Positions

    private func position(at offset: Int) -> JSONPosition {
        // Columns count scalars: skip UTF-8 continuation bytes between the line start and offset.
        var column = 1
        var cursor = lineStart
        let limit = min(offset, bytes.count)
        while cursor < limit {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return JSONPosition(line: line, column: column, byteOffset: offset)
    }

    private func failure(_ reason: String, at offset: Int? = nil) -> GlueError {
        let syntax = JSONSyntaxError(
            reason: reason, position: position(at: offset ?? index), path: JSONPath(components: path))
        return GlueError(.invalidData, "Invalid JSON: \(syntax)", cause: syntax)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(GlueError) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of input, expected a value") }
        let start = options.recordSpans ? position(at: index) : nil
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"):
            value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            value = .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = .number(try parseNumber())
        default:
            throw failure("unexpected character \(describe(bytes[index])), expected a value")
        }
        if let start {
            spans[JSONPath(components: path)] = JSONSpan(start: start, end: position(at: index))
        }
        return value
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func expectLiteral(_ word: String) throws(GlueError) {
        let literal = Array(word.utf8)
        let count = literal.count
        var matches = index + count <= bytes.count
        if matches {
            for offset in 0..<count where bytes[index + offset] != literal[offset] {
                matches = false
                break
            }
        }
        guard matches else { throw failure("invalid literal, expected '\(word)'") }
        index += count
    }

    private mutating func parseObject(depth: Int) throws(GlueError) -> JSONValue {
        guard depth <= options.maximumDepth else { throw failure("nesting deeper than \(options.maximumDepth) levels") }
        index += 1  // {
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input inside an object") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a string key in double quotes, found \(describe(bytes[index]))")
            }
            let keyOffset = index
            let key = try parseString()
            if !options.allowsDuplicateKeys {
                guard seen.insert(key).inserted else {
                    throw failure("duplicate key \"\(key)\"", at: keyOffset)
                }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth)
            path.removeLast()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input, expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw failure("expected ',' or '}' after an object member, found \(describe(bytes[index]))")
        }
    }

    private mutating func parseArray(depth: Int) throws(GlueError) -> JSONValue {
        guard depth <= options.maximumDepth else { throw failure("nesting deeper than \(options.maximumDepth) levels") }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            path.append(.index(elements.count))
            let value = try parseValue(depth: depth)
            path.removeLast()
            elements.append(value)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input, expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw failure("expected ',' or ']' after an array element, found \(describe(bytes[index]))")
        }
    }

    private mutating func parseNumber() throws(GlueError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("a number must not have a leading zero") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a decimal point needs digits after it") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("an exponent needs digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func parseString() throws(GlueError) -> String {
        let openQuote = index
        index += 1
        var scratch: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw failure("unterminated string", at: openQuote) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scratch.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if byte < 0x20 {
                throw failure("control character \(describe(byte)) inside a string (escape it)")
            }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &scratch)
                runStart = index
                continue
            }
            index += 1
        }
        guard let text = String(validating: scratch, as: UTF8.self) else {
            throw failure("a string is not valid UTF-8", at: openQuote)
        }
        return text
    }

    private mutating func parseEscape(into scratch: inout [UInt8]) throws(GlueError) {
        index += 1  // backslash
        guard index < bytes.count else { throw failure("unterminated escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("a high surrogate escape must be followed by a low surrogate escape")
                }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else { throw failure("invalid low surrogate escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw failure("a lone low surrogate escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
            scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw failure("invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'", at: index - 2)
        }
    }

    private mutating func parseHex4() throws(GlueError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
