import GlueCore

/// Text from a policy that may contain policy variables (`${aws:username}`), compiled once.
///
/// Variables are recognised only in `2012-10-17` documents; in older ones the text is literal.
/// `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`. A variable may carry a default:
/// `${aws:PrincipalTag/team, 'company-wide'}`. Substituted values are literal text, never wildcards.
struct PolicyTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        /// Policy text, where `*` and `?` keep their wildcard meaning.
        case text(String)
        /// A character produced by an escape: never a wildcard.
        case literal(String)
        /// A variable: its key (lower-cased) and optional default.
        case variable(key: String, defaultValue: String?)
    }

    let parts: [Part]
    /// The original text.
    let source: String

    /// Whether any part needs the request context.
    var hasVariables: Bool {
        parts.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// Splits `text` into parts; `variablesEnabled` is false for documents older than 2012-10-17.
    init(_ text: String, variablesEnabled: Bool) {
        source = text
        guard variablesEnabled, text.contains("${") else {
            parts = [.text(text)]
            return
        }
        var parts: [Part] = []
        var pending = ""
        var rest = Substring(text)
        while let open = PolicyTemplate.firstVariableOpening(in: rest) {
            let innerStart = rest.index(open, offsetBy: 2)
            guard let close = rest[innerStart...].firstIndex(of: "}") else { break }
            pending += rest[..<open]
            let inner = rest[innerStart..<close]
            switch inner {
            case "*", "?", "$":
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(.literal(String(inner)))
            default:
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(PolicyTemplate.variablePart(inner))
            }
            rest = rest[rest.index(after: close)...]
        }
        pending += rest
        if !pending.isEmpty { parts.append(.text(pending)) }
        self.parts = parts
    }

    /// The index of the first `${` in `text`.
    private static func firstVariableOpening(in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "$", next < text.endIndex, text[next] == "{" { return index }
            index = next
        }
        return nil
    }

    /// `key` or `key, 'default'`.
    private static func variablePart(_ inner: Substring) -> Part {
        if let comma = inner.firstIndex(of: ",") {
            let key = inner[..<comma].trimmingSpaces()
            let tail = inner[inner.index(after: comma)...].trimmingSpaces()
            if tail.count >= 2, tail.first == "'", tail.last == "'" {
                let value = String(tail.dropFirst().dropLast())
                return .variable(key: key.lowercased(), defaultValue: value)
            }
            return .variable(key: key.lowercased(), defaultValue: nil)
        }
        return .variable(key: inner.trimmingSpaces().lowercased(), defaultValue: nil)
    }

    /// The variable keys (lower-cased) the template uses.
    var variableKeys: [String] {
        parts.compactMap { if case .variable(let key, _) = $0 { return key } else { return nil } }
    }

    /// The text with variables substituted, or `nil` when a variable has no value and no default.
    /// Wildcards are not interpreted (for Equals operators).
    func resolvedText(_ context: RequestContext) -> String? {
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        var out = ""
        for part in parts {
            switch part {
            case .text(let text), .literal(let text):
                out += text
            case .variable(let key, let defaultValue):
                guard let value = context.singleValue(forLowercasedKey: key) ?? defaultValue else { return nil }
                out += value
            }
        }
        return out
    }

    /// A wildcard pattern with variables substituted as literal text, or `nil` when a variable has
    /// no value and no default.
    func resolvedPattern(_ context: RequestContext, caseInsensitive: Bool = false) -> WildcardPattern? {
        var tokens: [WildcardPattern.Token] = []
        for part in parts {
            switch part {
            case .text(let text):
                tokens.append(contentsOf: WildcardPattern.tokens(of: text, caseInsensitive: caseInsensitive))
            case .literal(let text):
                tokens.append(.literal(Array(text.utf8)))
            case .variable(let key, let defaultValue):
                guard let value = context.singleValue(forLowercasedKey: key) ?? defaultValue else { return nil }
                if !value.isEmpty {
                    tokens.append(.literal(caseInsensitive ? Array(value.lowercased().utf8) : Array(value.utf8)))
                }
            }
        }
        return WildcardPattern(tokens: tokens, caseInsensitive: caseInsensitive)
    }

    /// The pattern when the template has no variables (compiled once at parse time).
    func staticPattern(caseInsensitive: Bool = false) -> WildcardPattern? {
        guard !hasVariables else { return nil }
        var tokens: [WildcardPattern.Token] = []
        for part in parts {
            switch part {
            case .text(let text): tokens.append(contentsOf: WildcardPattern.tokens(of: text, caseInsensitive: caseInsensitive))
            case .literal(let text): tokens.append(.literal(Array(text.utf8)))
            case .variable: return nil
            }
        }
        return WildcardPattern(tokens: tokens, caseInsensitive: caseInsensitive)
    }
}

extension WildcardPattern {
    /// The tokens of `text` read as a pattern.
    static func tokens(of text: String, caseInsensitive: Bool) -> [Token] {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"):
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                tokens.append(.anyRun)
            case UInt8(ascii: "?"):
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                tokens.append(.oneCharacter)
            default:
                literal.append(caseInsensitive ? fold(byte) : byte)
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
