/// One token of Spark SQL text.
struct SQLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A word: a keyword or a plain identifier (matched case-insensitively).
        case word(String)
        /// A `` `backquoted` `` identifier (never a keyword).
        case quotedIdentifier(String)
        /// A number as written (`12`, `1.5`, `1e3`, `10L`, `2.5BD`).
        case number(String)
        /// A string literal, escapes resolved.
        case string(String)
        /// An operator or punctuation: `( ) , . + - * / % = == != <> < <= > >= <=> || ;`.
        case symbol(String)
        case end
    }

    var kind: Kind
    /// The byte offset in the query, for error messages.
    var offset: Int

    /// The keyword form (upper case) when the token is a plain word.
    var keyword: String? {
        if case .word(let text) = kind { return text.uppercased() }
        return nil
    }

    var text: String {
        switch kind {
        case .word(let text), .quotedIdentifier(let text), .number(let text), .symbol(let text): text
        case .string(let text): "'\(text)'"
        case .end: "end of input"
        }
    }
}
