import GlueCore

/// A compiled SQL `LIKE` pattern: `%` matches any run of characters, `_` one character, `\`
/// escapes the next character. Matching works on UTF-8 bytes; `_` consumes one whole code point.
public struct LikePattern: Sendable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case literal([UInt8])
        case anyOne
        case anyRun
    }

    /// How the pattern matches, from the cheapest check to the general one.
    enum Shape: Sendable {
        case exact([UInt8])
        case prefix([UInt8])
        case suffix([UInt8])
        case contains([UInt8])
        case general
    }

    /// The pattern as written.
    public let text: String
    /// Whether ASCII letters match regardless of case (`ILIKE`).
    public let caseInsensitive: Bool
    let tokens: [Token]
    let shape: Shape

    /// Compiles a pattern.
    ///
    /// - Throws: `InvalidInputException` when the pattern ends in the escape character.
    public init(_ text: String, caseInsensitive: Bool = false) throws(GlueError) {
        self.text = text
        self.caseInsensitive = caseInsensitive
        var tokens: [Token] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else {
                    throw GlueError(.invalidInput, "the escape character is not allowed to end the pattern '\(text)'")
                }
                literal.append(bytes[index + 1])
                index += 2
                continue
            case UInt8(ascii: "%"):
                flush()
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case UInt8(ascii: "_"):
                flush()
                tokens.append(.anyOne)
            default:
                literal.append(caseInsensitive ? Self.lower(byte) : byte)
            }
            index += 1
        }
        flush()
        self.tokens = tokens
        switch tokens.count {
        case 0: shape = .exact([])
        case 1:
            if case .literal(let bytes) = tokens[0] { shape = .exact(bytes) } else { shape = .general }
        case 2:
            if case .literal(let bytes) = tokens[0], tokens[1] == .anyRun {
                shape = .prefix(bytes)
            } else if tokens[0] == .anyRun, case .literal(let bytes) = tokens[1] {
                shape = .suffix(bytes)
            } else {
                shape = .general
            }
        case 3:
            if tokens[0] == .anyRun, tokens[2] == .anyRun, case .literal(let bytes) = tokens[1] { shape = .contains(bytes) } else { shape = .general }
        default: shape = .general
        }
    }

    public var description: String { "'\(text)'" }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    @inline(__always)
    func equal(_ a: UInt8, _ b: UInt8) -> Bool { caseInsensitive ? Self.lower(a) == b : a == b }

    func hasPrefix(_ subject: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], at start: Int) -> Bool {
        guard subject.count - start >= needle.count else { return false }
        for offset in 0..<needle.count where !equal(subject[start + offset], needle[offset]) { return false }
        return true
    }

    /// Whether `subject` matches the pattern.
    public func matches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape {
        case .exact(let bytes): return subject.count == bytes.count && hasPrefix(subject, bytes, at: 0)
        case .prefix(let bytes): return hasPrefix(subject, bytes, at: 0)
        case .suffix(let bytes): return subject.count >= bytes.count && hasPrefix(subject, bytes, at: subject.count - bytes.count)
        case .contains(let bytes):
            if bytes.isEmpty { return true }
            if subject.count < bytes.count { return false }
            for start in 0...(subject.count - bytes.count) where hasPrefix(subject, bytes, at: start) { return true }
            return false
        case .general:
            return match(subject, 0, 0)
        }
    }

    /// Backtracking match of tokens from `token` against bytes from `position`.
    private func match(_ subject: UnsafeBufferPointer<UInt8>, _ position: Int, _ token: Int) -> Bool {
        var position = position
        var token = token
        while token < tokens.count {
            switch tokens[token] {
            case .literal(let bytes):
                guard hasPrefix(subject, bytes, at: position) else { return false }
                position += bytes.count
            case .anyOne:
                guard position < subject.count else { return false }
                position += 1
                while position < subject.count && subject[position] & 0xC0 == 0x80 { position += 1 }
            case .anyRun:
                if token == tokens.count - 1 { return true }
                var start = position
                while start <= subject.count {
                    if match(subject, start, token + 1) { return true }
                    start += 1
                }
                return false
            }
            token += 1
        }
        return position == subject.count
    }
}
