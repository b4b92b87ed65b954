import GlueCore

/// A `GetPartitions` `Expression`: a SQL-WHERE-like predicate over partition keys.
///
/// Grammar (Glue's documented operators; keywords are case-insensitive):
/// ```
/// expr      := or
/// or        := and ("OR" and)*
/// and       := not ("AND" not)*
/// not       := "NOT" not | primary
/// primary   := "(" expr ")" | predicate
/// predicate := operand ("=" | "<>" | "!=" | "<" | ">" | "<=" | ">=") operand
///            | operand ["NOT"] "IN" "(" operand ("," operand)* ")"
///            | operand ["NOT"] "BETWEEN" operand "AND" operand
///            | operand ["NOT"] "LIKE" string
///            | operand "IS" ["NOT"] "NULL"
/// operand   := key | `key` | 'string' ('' escapes a quote) | number
/// ```
/// Comparisons are typed by the key's catalog type: integer types numerically, `decimal` (and
/// `float`/`double`) numerically, `date` as `yyyy-MM-dd`, `timestamp` as
/// `yyyy-MM-dd HH:mm:ss[.fffffffff]`, string types by code point. `LIKE` (`%`, `_`, whole value)
/// applies to string keys only. `BETWEEN` is inclusive in either bound order.
public struct PartitionExpression: Sendable, CustomStringConvertible {
    /// The expression's text as given.
    public let text: String
    let root: Node

    /// Parses an expression.
    ///
    /// - Throws: `InvalidInputException` naming the offending token and its offset.
    public init(parsing text: String) throws(GlueError) {
        self.text = text
        var parser = Parser(tokens: try Lexer.tokens(text), text: text)
        root = try parser.parseExpression()
    }

    public var description: String { text }

    /// Resolves key names and literal types against a table's partition keys.
    ///
    /// - Throws: `InvalidInputException` for an unknown key, a key type the grammar does not
    ///   support, `LIKE` on a non-string key, or a literal that is not a value of its key's type.
    public func bound(to keys: [Column]) throws(GlueError) -> BoundPartitionExpression {
        var binder = Binder(keys: keys)
        return BoundPartitionExpression(root: try binder.bind(root), keyCount: keys.count)
    }

    indirect enum Node: Sendable {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case compare(Operand, ComparisonOperator, Operand)
        case inList(Operand, [Operand], negated: Bool)
        case between(Operand, Operand, Operand, negated: Bool)
        case like(Operand, String, negated: Bool)
        case isNull(Operand, negated: Bool)
    }

    enum Operand: Sendable {
        case key(String)
        case string(String)
        case number(String)
    }

    enum ComparisonOperator: String, Sendable {
        case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="

        var flipped: ComparisonOperator {
            switch self {
            case .less: .greater
            case .greater: .less
            case .lessOrEqual: .greaterOrEqual
            case .greaterOrEqual: .lessOrEqual
            case .equal, .notEqual: self
            }
        }
    }
}

extension PartitionExpression {
    enum Token: Equatable, Sendable {
        case identifier(String)
        case quotedIdentifier(String)
        case string(String)
        case number(String)
        case symbol(String)
        case end
    }

    struct Located: Sendable {
        var token: Token
        var offset: Int
    }

    enum Lexer {
        static func tokens(_ text: String) throws(GlueError) -> [Located] {
            let scalars = Array(text.unicodeScalars)
            var tokens: [Located] = []
            var index = 0
            func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
                (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || s.value > 0x7F
            }
            func isIdentifierPart(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || (s >= "0" && s <= "9") || s == "$" }
            func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
            while index < scalars.count {
                let scalar = scalars[index]
                let start = index
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    index += 1
                } else if scalar == "'" || scalar == "\"" || scalar == "`" {
                    let quote = scalar
                    var value = String.UnicodeScalarView()
                    index += 1
                    var closed = false
                    while index < scalars.count {
                        if scalars[index] == quote {
                            if index + 1 < scalars.count, scalars[index + 1] == quote {
                                value.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        value.append(scalars[index])
                        index += 1
                    }
                    guard closed else { throw syntax("unterminated quoted text", at: start) }
                    let text = String(value)
                    tokens.append(Located(token: quote == "`" ? .quotedIdentifier(text) : .string(text), offset: start))
                } else if isDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isDigit(scalars[index + 1]))
                    || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1]))
                {
                    var value = String.UnicodeScalarView()
                    value.append(scalar)
                    index += 1
                    var seenPoint = scalar == "."
                    while index < scalars.count, isDigit(scalars[index]) || (scalars[index] == "." && !seenPoint) {
                        if scalars[index] == "." { seenPoint = true }
                        value.append(scalars[index])
                        index += 1
                    }
                    tokens.append(Located(token: .number(String(value)), offset: start))
                } else if isIdentifierStart(scalar) {
                    var value = String.UnicodeScalarView()
                    while index < scalars.count, isIdentifierPart(scalars[index]) {
                        value.append(scalars[index])
                        index += 1
                    }
                    tokens.append(Located(token: .identifier(String(value)), offset: start))
                } else {
                    let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                    let two = next.map { String(scalar) + String($0) }
                    if let two, ["<=", ">=", "<>", "!="].contains(two) {
                        tokens.append(Located(token: .symbol(two == "!=" ? "<>" : two), offset: start))
                        index += 2
                    } else if ["=", "<", ">", "(", ")", ","].contains(String(scalar)) {
                        tokens.append(Located(token: .symbol(String(scalar)), offset: start))
                        index += 1
                    } else {
                        throw syntax("unexpected character '\(scalar)'", at: start)
                    }
                }
            }
            tokens.append(Located(token: .end, offset: scalars.count))
            return tokens
        }
    }

    static func syntax(_ reason: String, at offset: Int) -> GlueError {
        GlueError(.invalidInput, "Unsupported expression: \(reason) at offset \(offset).")
    }

    struct Parser {
        var tokens: [Located]
        var text: String
        var position = 0

        var current: Located { tokens[min(position, tokens.count - 1)] }

        func isKeyword(_ word: String, _ located: Located? = nil) -> Bool {
            if case .identifier(let name) = (located ?? current).token { return name.uppercased() == word }
            return false
        }

        mutating func accept(keyword word: String) -> Bool {
            guard isKeyword(word) else { return false }
            position += 1
            return true
        }

        mutating func accept(symbol: String) -> Bool {
            guard current.token == .symbol(symbol) else { return false }
            position += 1
            return true
        }

        func unexpected() -> GlueError {
            let shown: String
            switch current.token {
            case .end: shown = "end of expression"
            case .identifier(let name), .number(let name), .symbol(let name): shown = "'\(name)'"
            case .string(let value): shown = "string '\(value)'"
            case .quotedIdentifier(let name): shown = "`\(name)`"
            }
            return PartitionExpression.syntax("unexpected \(shown)", at: current.offset)
        }

        mutating func parseExpression() throws(GlueError) -> Node {
            let node = try parseOr()
            guard current.token == .end else { throw unexpected() }
            return node
        }

        mutating func parseOr() throws(GlueError) -> Node {
            var node = try parseAnd()
            while accept(keyword: "OR") { node = .or(node, try parseAnd()) }
            return node
        }

        mutating func parseAnd() throws(GlueError) -> Node {
            var node = try parseNot()
            while accept(keyword: "AND") { node = .and(node, try parseNot()) }
            return node
        }

        mutating func parseNot() throws(GlueError) -> Node {
            if accept(keyword: "NOT") { return .not(try parseNot()) }
            if accept(symbol: "(") {
                let node = try parseOr()
                guard accept(symbol: ")") else { throw unexpected() }
                return node
            }
            return try parsePredicate()
        }

        static let reserved: Set<String> = ["AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "IS", "NULL"]

        mutating func parseOperand() throws(GlueError) -> Operand {
            switch current.token {
            case .identifier(let name) where !Parser.reserved.contains(name.uppercased()):
                position += 1
                return .key(name)
            case .quotedIdentifier(let name):
                position += 1
                return .key(name)
            case .string(let value):
                position += 1
                return .string(value)
            case .number(let value):
                position += 1
                return .number(value)
            default:
                throw unexpected()
            }
        }

        mutating func parsePredicate() throws(GlueError) -> Node {
            let left = try parseOperand()
            if case .symbol(let symbol) = current.token, let op = ComparisonOperator(rawValue: symbol) {
                position += 1
                return .compare(left, op, try parseOperand())
            }
            if accept(keyword: "IS") {
                let negated = accept(keyword: "NOT")
                guard accept(keyword: "NULL") else { throw unexpected() }
                return .isNull(left, negated: negated)
            }
            let negated = accept(keyword: "NOT")
            if accept(keyword: "IN") {
                guard accept(symbol: "(") else { throw unexpected() }
                var items = [try parseOperand()]
                while accept(symbol: ",") { items.append(try parseOperand()) }
                guard accept(symbol: ")") else { throw unexpected() }
                return .inList(left, items, negated: negated)
            }
            if accept(keyword: "BETWEEN") {
                let low = try parseOperand()
                guard accept(keyword: "AND") else { throw unexpected() }
                return .between(left, low, try parseOperand(), negated: negated)
            }
            if accept(keyword: "LIKE") {
                guard case .string(let pattern) = current.token else { throw unexpected() }
                position += 1
                return .like(left, pattern, negated: negated)
            }
            throw unexpected()
        }
    }
}
