import GlueCore

/// A compiled IAM wildcard pattern: `*` matches any run of characters (including `:` and `/`),
/// `?` exactly one character, everything else itself; the whole input must match.
///
/// Patterns are compiled once when a policy is parsed. Matching works on UTF-8 bytes without
/// allocating; a case-insensitive pattern (actions) folds ASCII letters of the input on the fly.
struct WildcardPattern: Sendable, Hashable {
    /// One piece of a pattern.
    enum Token: Sendable, Hashable {
        /// Bytes that must appear literally.
        case literal([UInt8])
        /// `*`: any run of characters, possibly empty.
        case anyRun
        /// `?`: exactly one character.
        case oneCharacter
    }

    enum Shape: Sendable, Hashable {
        /// `*` alone: matches everything.
        case everything
        /// No wildcard: the input must equal these bytes.
        case exact([UInt8])
        /// `prefix*`.
        case prefix([UInt8])
        /// `*suffix`.
        case suffix([UInt8])
        /// Anything else.
        case general([Token])
        /// A pattern that can never match (a malformed policy entry loaded leniently).
        case nothing
    }

    let shape: Shape
    let caseInsensitive: Bool

    /// A pattern that matches nothing.
    static let nothing = WildcardPattern(shape: .nothing, caseInsensitive: false)

    /// Compiles `text`, with `*` and `?` as wildcards.
    init(_ text: String, caseInsensitive: Bool = false) {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"):
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case UInt8(ascii: "?"):
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                tokens.append(.oneCharacter)
            default:
                literal.append(caseInsensitive ? WildcardPattern.fold(byte) : byte)
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        self.init(tokens: tokens, caseInsensitive: caseInsensitive)
    }

    /// Builds a pattern from tokens (used for patterns with substituted variables).
    init(tokens: [Token], caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        var merged: [Token] = []
        for token in tokens {
            if case .literal(let bytes) = token, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + bytes)
            } else if token == .anyRun, merged.last == .anyRun {
                continue
            } else {
                merged.append(token)
            }
        }
        switch merged.count {
        case 0:
            shape = .exact([])
        case 1:
            switch merged[0] {
            case .anyRun: shape = .everything
            case .literal(let bytes): shape = .exact(bytes)
            case .oneCharacter: shape = .general(merged)
            }
        case 2:
            if case .literal(let bytes) = merged[0], merged[1] == .anyRun {
                shape = .prefix(bytes)
            } else if merged[0] == .anyRun, case .literal(let bytes) = merged[1] {
                shape = .suffix(bytes)
            } else {
                shape = .general(merged)
            }
        default:
            shape = .general(merged)
        }
    }

    private init(shape: Shape, caseInsensitive: Bool) {
        self.shape = shape
        self.caseInsensitive = caseInsensitive
    }

    /// Whether the pattern has no wildcard.
    var isLiteral: Bool {
        if case .exact = shape { return true }
        return false
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `text` matches the whole pattern.
    func matches(_ text: String) -> Bool {
        if case .everything = shape { return true }
        if case .nothing = shape { return false }
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// Whether the UTF-8 bytes match the whole pattern.
    func matches(bytes input: UnsafeBufferPointer<UInt8>) -> Bool {
        switch shape {
        case .everything:
            return true
        case .nothing:
            return false
        case .exact(let literal):
            return input.count == literal.count && equal(input, from: 0, literal)
        case .prefix(let literal):
            return input.count >= literal.count && equal(input, from: 0, literal)
        case .suffix(let literal):
            return input.count >= literal.count && equal(input, from: input.count - literal.count, literal)
        case .general(let tokens):
            return matchGeneral(tokens, input)
        }
    }

    @inline(__always)
    private func equal(_ input: UnsafeBufferPointer<UInt8>, from start: Int, _ literal: [UInt8]) -> Bool {
        var offset = 0
        let count = literal.count
        if caseInsensitive {
            while offset < count {
                if WildcardPattern.fold(input[start + offset]) != literal[offset] { return false }
                offset += 1
            }
        } else {
            while offset < count {
                if input[start + offset] != literal[offset] { return false }
                offset += 1
            }
        }
        return true
    }

    /// Length in bytes of the UTF-8 character starting at `offset`.
    @inline(__always)
    private static func characterLength(_ input: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var length = 1
        while offset + length < input.count, input[offset + length] & 0xC0 == 0x80 { length += 1 }
        return length
    }

    /// Token matching with single-star backtracking: O(n·m) worst case, linear in practice.
    private func matchGeneral(_ tokens: [Token], _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var tokenIndex = 0
        var position = 0
        var starToken = -1
        var starPosition = 0
        while true {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .anyRun:
                    starToken = tokenIndex
                    starPosition = position
                    tokenIndex += 1
                    continue
                case .oneCharacter:
                    if position < input.count {
                        position += WildcardPattern.characterLength(input, position)
                        tokenIndex += 1
                        continue
                    }
                case .literal(let literal):
                    if position + literal.count <= input.count, equal(input, from: position, literal) {
                        position += literal.count
                        tokenIndex += 1
                        continue
                    }
                }
            } else if position == input.count {
                return true
            }
            // Mismatch: let the last `*` swallow one more character, or fail.
            guard starToken >= 0, starPosition < input.count else { return false }
            starPosition += WildcardPattern.characterLength(input, starPosition)
            position = starPosition
            tokenIndex = starToken + 1
        }
    }
}
