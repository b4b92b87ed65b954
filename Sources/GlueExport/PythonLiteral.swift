import Foundation
/// Python source literals, written the same way every time (deterministic output).
enum PythonLiteral {
    /// A double-quoted Python string literal (`"a\"b"`), escaping backslashes, quotes and
    /// control characters; other characters are kept as they are (Python 3 sources are UTF-8).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex2(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A list of strings: `["a", "b"]`.
    static func list(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    /// `True` or `False`.
    static func bool(_ value: Bool) -> String { value ? "True" : "False" }

    private static func hex2(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }

    /// A triple-quoted string for an SQL query, as Studio writes `SqlQuery` blocks; falls back to
    /// an ordinary literal when the text would need escapes inside triple quotes.
    static func block(_ text: String) -> String {
        if text.contains("'''") || text.contains("\\") || text.hasSuffix("'") { return string(text) }
        return "'''\n" + text + "\n'''"
    }
}
