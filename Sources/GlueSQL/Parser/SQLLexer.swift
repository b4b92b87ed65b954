import GlueCore

/// Splits Spark SQL text into tokens: words, `` `quoted` `` identifiers, numbers, `'...'` and
/// `"..."` strings with backslash escapes (Spark's default), symbols, `--` and `/* */` comments.
enum SQLLexer {
    static func tokens(_ text: String) throws(GlueError) -> [SQLToken] {
        let bytes = Array(text.utf8)
        var tokens: [SQLToken] = []
        var index = 0
        func isWordStart(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte == 95 || byte >= 0x80 }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                while index < bytes.count && bytes[index] != 10 { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                guard index + 1 < bytes.count else { throw SQLError.parse("Unclosed comment", at: start, in: text) }
                index += 2
                continue
            }
            if isWordStart(byte) {
                while index < bytes.count && (isWordStart(bytes[index]) || isDigit(bytes[index])) { index += 1 }
                tokens.append(SQLToken(kind: .word(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start))
                continue
            }
            if isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < bytes.count && isDigit(bytes[index + 1])) {
                while index < bytes.count && (isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".")) { index += 1 }
                if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e"),
                    index + 1 < bytes.count && (isDigit(bytes[index + 1]) || ((bytes[index + 1] == UInt8(ascii: "-") || bytes[index + 1] == UInt8(ascii: "+")) && index + 2 < bytes.count && isDigit(bytes[index + 2]))) {
                    index += 2
                    while index < bytes.count && isDigit(bytes[index]) { index += 1 }
                }
                // Type suffixes: L, S, Y, D, F, BD.
                if index + 1 < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "b") && (bytes[index + 1] | 0x20) == UInt8(ascii: "d") {
                    index += 2
                } else if index < bytes.count && "lLsSyYdDfF".utf8.contains(bytes[index]) && !(index + 1 < bytes.count && (isWordStart(bytes[index + 1]) || isDigit(bytes[index + 1]))) {
                    index += 1
                }
                if index < bytes.count && isWordStart(bytes[index]) {
                    // `1abc` is an identifier in Spark; treat the whole run as a word.
                    while index < bytes.count && (isWordStart(bytes[index]) || isDigit(bytes[index])) { index += 1 }
                    tokens.append(SQLToken(kind: .word(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start))
                    continue
                }
                tokens.append(SQLToken(kind: .number(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start))
                continue
            }
            if byte == UInt8(ascii: "`") {
                var name: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else { throw SQLError.parse("Unclosed backquoted identifier", at: start, in: text) }
                    if bytes[index] == UInt8(ascii: "`") {
                        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "`") {
                            name.append(bytes[index])
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    name.append(bytes[index])
                    index += 1
                }
                tokens.append(SQLToken(kind: .quotedIdentifier(String(decoding: name, as: UTF8.self)), offset: start))
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else { throw SQLError.parse("Unclosed string literal", at: start, in: text) }
                    let current = bytes[index]
                    if current == byte {
                        index += 1
                        break
                    }
                    if current == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        let escaped = bytes[index + 1]
                        switch escaped {
                        case UInt8(ascii: "n"): value.append(10)
                        case UInt8(ascii: "t"): value.append(9)
                        case UInt8(ascii: "r"): value.append(13)
                        case UInt8(ascii: "0"): value.append(0)
                        // Spark keeps the backslash before % and _ so LIKE patterns stay escaped.
                        case UInt8(ascii: "%"), UInt8(ascii: "_"): value.append(contentsOf: [current, escaped])
                        default: value.append(escaped)
                        }
                        index += 2
                        continue
                    }
                    value.append(current)
                    index += 1
                }
                // Adjacent literals concatenate ('a' 'b' is 'ab').
                if case .string(let previous)? = tokens.last?.kind, let last = tokens.last, last.offset >= 0, start > 0 {
                    tokens[tokens.count - 1] = SQLToken(kind: .string(previous + String(decoding: value, as: UTF8.self)), offset: last.offset)
                } else {
                    tokens.append(SQLToken(kind: .string(String(decoding: value, as: UTF8.self)), offset: start))
                }
                continue
            }
            let three = index + 2 < bytes.count ? String(decoding: bytes[index..<(index + 3)], as: UTF8.self) : ""
            let two = index + 1 < bytes.count ? String(decoding: bytes[index..<(index + 2)], as: UTF8.self) : ""
            if three == "<=>" {
                tokens.append(SQLToken(kind: .symbol(three), offset: start))
                index += 3
                continue
            }
            if ["==", "!=", "<>", "<=", ">=", "||", "::"].contains(two) {
                tokens.append(SQLToken(kind: .symbol(two), offset: start))
                index += 2
                continue
            }
            if "(),.+-*/%=<>;[]!&|^~:".utf8.contains(byte) {
                tokens.append(SQLToken(kind: .symbol(String(UnicodeScalar(byte))), offset: start))
                index += 1
                continue
            }
            throw SQLError.parse("Unexpected character '\(String(decoding: bytes[index..<min(index + 1, bytes.count)], as: UTF8.self))'", at: start, in: text)
        }
        tokens.append(SQLToken(kind: .end, offset: bytes.count))
        return tokens
    }
}
