/// One of a crawler's exclude patterns, matched as Glue documents them.
///
/// The pattern applies to the key relative to the include path. `*` matches any characters of one
/// path segment, `**` any characters across segments, `?` one character (not `/`), `[abc]`,
/// `[a-z]` and `[!a-z]` one character of (or not of) a set, `{a,b}` one of the alternatives
/// (which may themselves hold patterns), and `\` takes the next character literally.
public struct CrawlerExclusion: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    private let bytes: [UInt8]

    /// A pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        bytes = Array(pattern.utf8)
    }

    /// Whether `relativeKey` (the key below the include path) is excluded.
    public func matches(_ relativeKey: String) -> Bool {
        Self.match(bytes[...], Array(relativeKey.utf8)[...])
    }

    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case UInt8(ascii: "*"):
            let crossesFolders = rest.first == UInt8(ascii: "*")
            let after = crossesFolders ? rest.dropFirst() : rest
            var index = text.startIndex
            while true {
                if match(after, text[index...]) { return true }
                if index == text.endIndex || (!crossesFolders && text[index] == UInt8(ascii: "/")) { return false }
                index += 1
            }
        case UInt8(ascii: "?"):
            guard let character = text.first, character != UInt8(ascii: "/") else { return false }
            return match(rest, text.dropFirst())
        case UInt8(ascii: "["):
            guard let character = text.first, character != UInt8(ascii: "/"),
                let close = closingBracket(rest)
            else {
                return text.first == first && match(rest, text.dropFirst())
            }
            var set = rest[rest.startIndex..<close]
            let negated = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                let low = set[index]
                if index + 2 < set.endIndex, set[index + 1] == UInt8(ascii: "-") {
                    if low <= character && character <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if low == character { found = true }
                    index += 1
                }
            }
            guard found != negated else { return false }
            return match(rest[(close + 1)...], text.dropFirst())
        case UInt8(ascii: "{"):
            guard let close = closingBrace(rest) else { return text.first == first && match(rest, text.dropFirst()) }
            let after = rest[(close + 1)...]
            return alternatives(rest[rest.startIndex..<close]).contains { match(ArraySlice($0 + after), text) }
        case UInt8(ascii: "\\"):
            guard let literal = rest.first else { return text.first == first && text.count == 1 }
            return text.first == literal && match(rest.dropFirst(), text.dropFirst())
        default:
            return text.first == first && match(rest, text.dropFirst())
        }
    }

    /// The index of the `]` closing a set that starts just before `slice` (a `]` first is literal).
    static func closingBracket(_ slice: ArraySlice<UInt8>) -> Int? {
        var index = slice.startIndex
        if index < slice.endIndex, slice[index] == UInt8(ascii: "!") || slice[index] == UInt8(ascii: "^") { index += 1 }
        if index < slice.endIndex, slice[index] == UInt8(ascii: "]") { index += 1 }
        while index < slice.endIndex {
            if slice[index] == UInt8(ascii: "]") { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `}` closing a group that starts just before `slice` (groups nest).
    static func closingBrace(_ slice: ArraySlice<UInt8>) -> Int? {
        var depth = 0
        var index = slice.startIndex
        while index < slice.endIndex {
            switch slice[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The comma-separated alternatives of a group's body (commas of nested groups stay).
    static func alternatives(_ body: ArraySlice<UInt8>) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var depth = 0
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "\\"), index + 1 < body.endIndex {
                current += [byte, body[index + 1]]
                index += 2
                continue
            }
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth -= 1 }
            if byte == UInt8(ascii: ","), depth == 0 {
                result.append(current)
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        result.append(current)
        return result
    }
}
