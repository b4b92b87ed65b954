import GlueColumnar
import GlueCore

/// A recursive-descent parser for the Spark SQL subset of SparkSQL nodes.
///
/// It reads one query (`WITH`, `SELECT`, `UNION`, `ORDER BY`, `LIMIT`); constructs outside the
/// subset (window functions, `LATERAL VIEW`, `PIVOT`, `INTERSECT`, subquery expressions, ...)
/// are rejected by name rather than misread.
struct SQLParser {
    let text: String
    var tokens: [SQLToken]
    var position = 0

    /// Words that end an expression or a relation, so they are never taken as aliases.
    static let reserved: Set<String> = [
        "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "JOIN", "INNER", "LEFT", "RIGHT", "FULL",
        "OUTER", "CROSS", "SEMI", "ANTI", "ON", "USING", "AS", "AND", "OR", "NOT", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "RLIKE",
        "REGEXP", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "ALL", "BY", "ASC", "DESC", "NULLS", "WITH", "INTERSECT",
        "EXCEPT", "MINUS", "LATERAL", "WINDOW", "NATURAL", "OVER", "CLUSTER", "DISTRIBUTE", "SORT", "PIVOT", "UNPIVOT", "QUALIFY",
        "TABLESAMPLE", "OFFSET",
    ]

    init(_ text: String) throws(GlueError) {
        self.text = text
        self.tokens = try SQLLexer.tokens(text)
    }

    /// Parses the whole text as one query (a trailing `;` is allowed).
    static func parse(_ text: String) throws(GlueError) -> SQLQuery {
        var parser = try SQLParser(text)
        let query = try parser.parseQuery()
        if parser.peekSymbol(";") { parser.position += 1 }
        guard case .end = parser.current.kind else { throw parser.error("Syntax error at or near '\(parser.current.text)'") }
        return query
    }

    // MARK: Tokens

    var current: SQLToken { tokens[min(position, tokens.count - 1)] }
    func peek(_ offset: Int = 1) -> SQLToken { tokens[min(position + offset, tokens.count - 1)] }

    func error(_ message: String) -> GlueError { SQLError.parse(message, at: current.offset, in: text) }

    func peekKeyword(_ word: String) -> Bool { current.keyword == word }
    func peekSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if peekKeyword(word) { position += 1; return true }
        return false
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        if peekSymbol(symbol) { position += 1; return true }
        return false
    }

    mutating func expectKeyword(_ word: String) throws(GlueError) {
        guard acceptKeyword(word) else { throw error("Syntax error at or near '\(current.text)': expected \(word)") }
    }

    mutating func expectSymbol(_ symbol: String) throws(GlueError) {
        guard acceptSymbol(symbol) else { throw error("Syntax error at or near '\(current.text)': expected '\(symbol)'") }
    }

    /// An identifier: a non-reserved word or a backquoted name.
    mutating func parseIdentifier() throws(GlueError) -> String {
        switch current.kind {
        case .quotedIdentifier(let name):
            position += 1
            return name
        case .word(let name) where !Self.reserved.contains(name.uppercased()):
            position += 1
            return name
        default:
            throw error("Syntax error at or near '\(current.text)': expected a name")
        }
    }

    /// An optional alias: `AS name`, or a bare non-reserved name.
    mutating func parseAlias() throws(GlueError) -> String? {
        if acceptKeyword("AS") { return try parseIdentifier() }
        switch current.kind {
        case .quotedIdentifier: return try parseIdentifier()
        case .word(let name) where !Self.reserved.contains(name.uppercased()): return try parseIdentifier()
        default: return nil
        }
    }

    // MARK: Queries

    mutating func parseQuery() throws(GlueError) -> SQLQuery {
        var with: [(name: String, query: SQLQuery)] = []
        if acceptKeyword("WITH") {
            if peekKeyword("RECURSIVE") { throw SQLError.unsupported("WITH RECURSIVE is") }
            repeat {
                let name = try parseIdentifier()
                if peekSymbol("(") { throw SQLError.unsupported("column lists in WITH are") }
                try expectKeyword("AS")
                try expectSymbol("(")
                let query = try parseQuery()
                try expectSymbol(")")
                with.append((name, query))
            } while acceptSymbol(",")
        }
        var body = try parseQueryTerm()
        while true {
            if acceptKeyword("UNION") {
                let all = acceptKeyword("ALL")
                if !all { _ = acceptKeyword("DISTINCT") }
                body = .union(body, try parseQueryTerm(), all: all)
            } else if let word = current.keyword, ["INTERSECT", "EXCEPT", "MINUS"].contains(word) {
                throw SQLError.unsupported("\(word) is")
            } else {
                break
            }
        }
        var query = SQLQuery(with: with, body: body)
        if acceptKeyword("ORDER") {
            try expectKeyword("BY")
            query.orderBy = try parseOrderItems()
        }
        for word in ["CLUSTER", "DISTRIBUTE", "SORT"] where peekKeyword(word) { throw SQLError.unsupported("\(word) BY is") }
        if acceptKeyword("LIMIT") {
            if acceptKeyword("ALL") {
                query.limit = nil
            } else {
                guard case .number(let digits) = current.kind, let limit = Int(digits), limit >= 0 else {
                    throw error("Syntax error at or near '\(current.text)': LIMIT needs a non-negative integer")
                }
                position += 1
                query.limit = limit
            }
        }
        if peekKeyword("OFFSET") { throw SQLError.unsupported("OFFSET is") }
        return query
    }

    mutating func parseOrderItems() throws(GlueError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            let expression = try parseExpression()
            var ascending = true
            if acceptKeyword("DESC") { ascending = false } else { _ = acceptKeyword("ASC") }
            var nullsFirst: Bool?
            if acceptKeyword("NULLS") {
                if acceptKeyword("FIRST") { nullsFirst = true } else if acceptKeyword("LAST") { nullsFirst = false } else {
                    throw error("Syntax error at or near '\(current.text)': expected FIRST or LAST")
                }
            }
            items.append(OrderItem(expression: expression, ascending: ascending, nullsFirst: nullsFirst))
        } while acceptSymbol(",")
        return items
    }

    mutating func parseQueryTerm() throws(GlueError) -> QueryBody {
        if peekSymbol("(") {
            position += 1
            let query = try parseQuery()
            try expectSymbol(")")
            return .nested(query)
        }
        if peekKeyword("VALUES") { throw SQLError.unsupported("VALUES lists are") }
        if peekKeyword("FROM") { throw SQLError.unsupported("FROM-first queries are") }
        try expectKeyword("SELECT")
        var block = SelectBlock()
        if acceptKeyword("DISTINCT") { block.distinct = true } else { _ = acceptKeyword("ALL") }
        if peekKeyword("TRANSFORM") { throw SQLError.unsupported("SELECT TRANSFORM is") }
        repeat {
            let expression = try parseExpression()
            var alias = try parseAlias()
            if alias == nil, acceptKeyword("AS") { alias = try parseIdentifier() }
            block.items.append(SelectItem(expression: expression, alias: alias))
        } while acceptSymbol(",")
        if acceptKeyword("FROM") {
            var relation = try parseJoinedRelation()
            while acceptSymbol(",") {
                relation = .join(relation, try parseJoinedRelation(), .cross, on: nil, using: [])
            }
            block.from = relation
        }
        if peekKeyword("LATERAL") { throw SQLError.unsupported("LATERAL VIEW is") }
        if acceptKeyword("WHERE") { block.filter = try parseExpression() }
        if acceptKeyword("GROUP") {
            try expectKeyword("BY")
            if peekKeyword("GROUPING") || peekKeyword("ROLLUP") || peekKeyword("CUBE") { throw SQLError.unsupported("\(current.text.uppercased()) is") }
            repeat { block.groupBy.append(try parseExpression()) } while acceptSymbol(",")
            if peekKeyword("WITH") { throw SQLError.unsupported("GROUP BY ... WITH ROLLUP/CUBE is") }
        }
        if acceptKeyword("HAVING") { block.having = try parseExpression() }
        if peekKeyword("WINDOW") { throw SQLError.unsupported("window functions are") }
        if peekKeyword("QUALIFY") { throw SQLError.unsupported("QUALIFY is") }
        return .select(block)
    }

    mutating func parseJoinedRelation() throws(GlueError) -> SQLRelation {
        var relation = try parsePrimaryRelation()
        while true {
            if peekKeyword("NATURAL") { throw SQLError.unsupported("NATURAL JOIN is") }
            var kind: JoinKind?
            if acceptKeyword("JOIN") {
                kind = .inner
            } else if acceptKeyword("INNER") {
                try expectKeyword("JOIN"); kind = .inner
            } else if acceptKeyword("CROSS") {
                try expectKeyword("JOIN"); kind = .cross
            } else if acceptKeyword("LEFT") {
                if acceptKeyword("SEMI") { kind = .semi } else if acceptKeyword("ANTI") { kind = .anti } else { _ = acceptKeyword("OUTER"); kind = .left }
                try expectKeyword("JOIN")
            } else if acceptKeyword("RIGHT") {
                _ = acceptKeyword("OUTER"); try expectKeyword("JOIN"); kind = .right
            } else if acceptKeyword("FULL") {
                _ = acceptKeyword("OUTER"); try expectKeyword("JOIN"); kind = .full
            } else if acceptKeyword("SEMI") {
                try expectKeyword("JOIN"); kind = .semi
            } else if acceptKeyword("ANTI") {
                try expectKeyword("JOIN"); kind = .anti
            }
            guard let kind else { return relation }
            let right = try parsePrimaryRelation()
            var condition: SQLExpression?
            var using: [String] = []
            if acceptKeyword("ON") {
                condition = try parseExpression()
            } else if acceptKeyword("USING") {
                try expectSymbol("(")
                repeat { using.append(try parseIdentifier()) } while acceptSymbol(",")
                try expectSymbol(")")
            }
            relation = .join(relation, right, kind, on: condition, using: using)
        }
    }

    mutating func parsePrimaryRelation() throws(GlueError) -> SQLRelation {
        if acceptSymbol("(") {
            if peekKeyword("SELECT") || peekKeyword("WITH") || peekSymbol("(") {
                let query = try parseQuery()
                try expectSymbol(")")
                return .subquery(query, alias: try parseAlias())
            }
            let inner = try parseJoinedRelation()
            try expectSymbol(")")
            return inner
        }
        if peekKeyword("LATERAL") { throw SQLError.unsupported("LATERAL subqueries are") }
        var name = try parseIdentifier()
        while acceptSymbol(".") { name = try parseIdentifier() }
        if acceptSymbol("(") { throw SQLError.unsupported("table-valued functions are") }
        if peekKeyword("TABLESAMPLE") { throw SQLError.unsupported("TABLESAMPLE is") }
        let alias = try parseAlias()
        if peekKeyword("PIVOT") || peekKeyword("UNPIVOT") { throw SQLError.unsupported("\(current.text.uppercased()) is") }
        return .table(name, alias: alias)
    }

    // MARK: Expressions

    mutating func parseExpression() throws(GlueError) -> SQLExpression { try parseOr() }

    mutating func parseOr() throws(GlueError) -> SQLExpression {
        var lhs = try parseAnd()
        while acceptKeyword("OR") { lhs = .binary("OR", lhs, try parseAnd()) }
        return lhs
    }

    mutating func parseAnd() throws(GlueError) -> SQLExpression {
        var lhs = try parseNot()
        while acceptKeyword("AND") { lhs = .binary("AND", lhs, try parseNot()) }
        return lhs
    }

    mutating func parseNot() throws(GlueError) -> SQLExpression {
        if acceptKeyword("NOT") || acceptSymbol("!") { return .not(try parseNot()) }
        if peekKeyword("EXISTS") { throw SQLError.unsupported("EXISTS subqueries are") }
        return try parsePredicate()
    }

    mutating func parsePredicate() throws(GlueError) -> SQLExpression {
        let lhs = try parseConcat()
        if case .symbol(let op) = current.kind, ["=", "==", "!=", "<>", "<", "<=", ">", ">=", "<=>"].contains(op) {
            position += 1
            if peekKeyword("ANY") || peekKeyword("ALL") || peekKeyword("SOME") { throw SQLError.unsupported("quantified comparisons are") }
            return .binary(op == "==" ? "=" : (op == "<>" ? "!=" : op), lhs, try parseConcat())
        }
        if acceptKeyword("IS") {
            let negated = acceptKeyword("NOT")
            if acceptKeyword("NULL") { return .isNull(lhs, negated: negated) }
            if acceptKeyword("TRUE") { return negated ? .not(.binary("<=>", lhs, .literal(.boolean(true), .boolean))) : .binary("<=>", lhs, .literal(.boolean(true), .boolean)) }
            if acceptKeyword("FALSE") { return negated ? .not(.binary("<=>", lhs, .literal(.boolean(false), .boolean))) : .binary("<=>", lhs, .literal(.boolean(false), .boolean)) }
            if acceptKeyword("DISTINCT") {
                try expectKeyword("FROM")
                let rhs = try parseConcat()
                return negated ? .binary("<=>", lhs, rhs) : .not(.binary("<=>", lhs, rhs))
            }
            throw error("Syntax error at or near '\(current.text)': expected NULL, TRUE, FALSE or DISTINCT FROM after IS")
        }
        let negated = acceptKeyword("NOT")
        if acceptKeyword("IN") {
            try expectSymbol("(")
            if peekKeyword("SELECT") || peekKeyword("WITH") { throw SQLError.unsupported("IN (subquery) is") }
            var list: [SQLExpression] = []
            repeat { list.append(try parseExpression()) } while acceptSymbol(",")
            try expectSymbol(")")
            return .inList(lhs, list, negated: negated)
        }
        if acceptKeyword("BETWEEN") {
            let low = try parseConcat()
            try expectKeyword("AND")
            let high = try parseConcat()
            return .between(lhs, low, high, negated: negated)
        }
        for word in ["LIKE", "ILIKE", "RLIKE", "REGEXP"] where acceptKeyword(word) {
            if peekKeyword("ANY") || peekKeyword("ALL") || peekKeyword("SOME") { throw SQLError.unsupported("\(word) ANY/ALL is") }
            let pattern = try parseConcat()
            if peekKeyword("ESCAPE") { throw SQLError.unsupported("LIKE ... ESCAPE is") }
            return .like(word == "REGEXP" ? "RLIKE" : word, lhs, pattern, negated: negated)
        }
        if negated { throw error("Syntax error at or near '\(current.text)': expected IN, BETWEEN or LIKE after NOT") }
        return lhs
    }

    mutating func parseConcat() throws(GlueError) -> SQLExpression {
        var lhs = try parseAdditive()
        while acceptSymbol("||") { lhs = .function("concat", [lhs, try parseAdditive()], distinct: false, star: false) }
        return lhs
    }

    mutating func parseAdditive() throws(GlueError) -> SQLExpression {
        var lhs = try parseMultiplicative()
        while true {
            if acceptSymbol("+") { lhs = .binary("+", lhs, try parseMultiplicative()) } else if acceptSymbol("-") { lhs = .binary("-", lhs, try parseMultiplicative()) } else { return lhs }
        }
    }

    mutating func parseMultiplicative() throws(GlueError) -> SQLExpression {
        var lhs = try parseUnary()
        while true {
            if acceptSymbol("*") {
                lhs = .binary("*", lhs, try parseUnary())
            } else if acceptSymbol("/") {
                lhs = .binary("/", lhs, try parseUnary())
            } else if acceptSymbol("%") {
                lhs = .binary("%", lhs, try parseUnary())
            } else if peekKeyword("DIV") {
                position += 1
                lhs = .binary("div", lhs, try parseUnary())
            } else if let symbol = ["&", "|", "^"].first(where: { peekSymbol($0) }) {
                throw SQLError.unsupported("the bitwise operator \(symbol) is")
            } else {
                return lhs
            }
        }
    }

    mutating func parseUnary() throws(GlueError) -> SQLExpression {
        if acceptSymbol("-") {
            let operand = try parseUnary()
            if case .literal(let value, let type) = operand {
                switch value {
                case .integer(let number): return .literal(.integer(-number), type)
                case .double(let number): return .literal(.double(-number), type)
                case .decimal(let unscaled, let scale): return .literal(.decimal(unscaled: -unscaled, scale: scale), type)
                default: break
                }
            }
            return .negate(operand)
        }
        if acceptSymbol("+") { return try parseUnary() }
        if peekSymbol("~") { throw SQLError.unsupported("the bitwise operator ~ is") }
        var expression = try parsePrimary()
        while true {
            if acceptSymbol("[") {
                let index = try parseExpression()
                try expectSymbol("]")
                expression = .subscriptOf(expression, index)
            } else if acceptSymbol("::") {
                expression = .cast(expression, try parseType())
            } else {
                return expression
            }
        }
    }

    mutating func parseType() throws(GlueError) -> DataType {
        let start = position
        guard case .word(let name) = current.kind else { throw error("Syntax error at or near '\(current.text)': expected a type") }
        var text = name
        position += 1
        if peekSymbol("(") || peekSymbol("<") {
            var depth = 0
            repeat {
                switch current.kind {
                case .symbol("("), .symbol("<"): depth += 1
                case .symbol(")"), .symbol(">"): depth -= 1
                case .end: throw error("Syntax error at or near end of input: unclosed type")
                default: break
                }
                text += current.text
                position += 1
            } while depth > 0
        }
        let lowered = text.lowercased()
        let normalized: String = switch lowered {
        case "integer": "int"
        case "long": "bigint"
        case "short": "smallint"
        case "byte": "tinyint"
        case "real": "float"
        case "decimal", "dec", "numeric": "decimal(10,0)"
        case "text": "string"
        default: lowered.hasPrefix("dec(") || lowered.hasPrefix("numeric(") ? "decimal" + lowered.drop(while: { $0 != "(" }) : lowered
        }
        do {
            return try DataType(parsing: normalized)
        } catch {
            throw SQLError.parse("DataType \(text) is not supported", at: tokens[start].offset, in: self.text)
        }
    }

    mutating func parsePrimary() throws(GlueError) -> SQLExpression {
        let token = current
        switch token.kind {
        case .number(let digits):
            position += 1
            return try Self.numberLiteral(digits, parser: self, token: token)
        case .string(let value):
            position += 1
            return .literal(.string(value), .string)
        case .symbol("("):
            position += 1
            if peekKeyword("SELECT") || peekKeyword("WITH") { throw SQLError.unsupported("scalar subqueries are") }
            let inner = try parseExpression()
            if peekSymbol(",") { throw SQLError.unsupported("row constructors are") }
            try expectSymbol(")")
            return inner
        case .symbol("*"):
            position += 1
            return .star(qualifier: nil)
        case .quotedIdentifier:
            return try parseNameOrCall()
        case .word(let word):
            switch word.uppercased() {
            case "NULL": position += 1; return .literal(.null, .string)
            case "TRUE": position += 1; return .literal(.boolean(true), .boolean)
            case "FALSE": position += 1; return .literal(.boolean(false), .boolean)
            case "CASE": position += 1; return try parseCase()
            case "CAST", "TRY_CAST":
                position += 1
                try expectSymbol("(")
                let operand = try parseExpression()
                try expectKeyword("AS")
                let type = try parseType()
                try expectSymbol(")")
                return .cast(operand, type)
            case "DATE", "TIMESTAMP", "TIMESTAMP_NTZ":
                if case .string(let value) = peek().kind {
                    position += 2
                    return .typedLiteral(word.uppercased(), value)
                }
                return try parseNameOrCall()
            case "INTERVAL": throw SQLError.unsupported("INTERVAL literals are")
            case "EXISTS": throw SQLError.unsupported("EXISTS subqueries are")
            default:
                if Self.reserved.contains(word.uppercased()) { throw error("Syntax error at or near '\(word)'") }
                return try parseNameOrCall()
            }
        default:
            throw error("Syntax error at or near '\(token.text)'")
        }
    }

    static func numberLiteral(_ digits: String, parser: SQLParser, token: SQLToken) throws(GlueError) -> SQLExpression {
        let upper = digits.uppercased()
        func bad() -> GlueError { SQLError.parse("Invalid numeric literal \(digits)", at: token.offset, in: parser.text) }
        if upper.hasSuffix("BD") {
            guard let literal = decimalLiteral(String(digits.dropLast(2))) else { throw bad() }
            return literal
        }
        if let suffix = upper.last, "LSYDF".contains(suffix) {
            let body = String(digits.dropLast())
            switch suffix {
            case "L": guard let value = Int64(body) else { throw bad() }; return .literal(.integer(value), .bigint)
            case "S": guard let value = Int16(body) else { throw bad() }; return .literal(.integer(Int64(value)), .smallint)
            case "Y": guard let value = Int8(body) else { throw bad() }; return .literal(.integer(Int64(value)), .tinyint)
            case "F": guard let value = Float(body) else { throw bad() }; return .literal(.float(value), .float)
            default: guard let value = Double(body) else { throw bad() }; return .literal(.double(value), .double)
            }
        }
        if upper.contains("E") {
            guard let value = Double(digits) else { throw bad() }
            return .literal(.double(value), .double)
        }
        if digits.contains(".") {
            guard let literal = decimalLiteral(digits) else { throw bad() }
            return literal
        }
        if let value = Int32(digits) { return .literal(.integer(Int64(value)), .int) }
        if let value = Int64(digits) { return .literal(.integer(value), .bigint) }
        guard let literal = decimalLiteral(digits) else { throw bad() }
        return literal
    }

    /// A decimal literal with Spark's type: precision = digits, scale = digits after the point.
    static func decimalLiteral(_ text: String) -> SQLExpression? {
        var digits = text
        var scale = 0
        if let point = text.firstIndex(of: ".") {
            scale = text.distance(from: point, to: text.endIndex) - 1
            digits.remove(at: digits.index(digits.startIndex, offsetBy: text.distance(from: text.startIndex, to: point)))
        }
        let trimmed = digits.drop { $0 == "0" }
        let precision = max(trimmed.count, scale, 1)
        guard precision <= 38, let unscaled = Int128(digits.isEmpty ? "0" : digits) else { return nil }
        return .literal(.decimal(unscaled: unscaled, scale: scale), .decimal(precision: precision, scale: scale))
    }

    mutating func parseCase() throws(GlueError) -> SQLExpression {
        var operand: SQLExpression?
        if !peekKeyword("WHEN") { operand = try parseExpression() }
        var conditions: [SQLExpression] = []
        var values: [SQLExpression] = []
        while acceptKeyword("WHEN") {
            conditions.append(try parseExpression())
            try expectKeyword("THEN")
            values.append(try parseExpression())
        }
        guard !conditions.isEmpty else { throw error("Syntax error at or near '\(current.text)': CASE needs WHEN") }
        var otherwise: SQLExpression?
        if acceptKeyword("ELSE") { otherwise = try parseExpression() }
        try expectKeyword("END")
        return .caseWhen(operand: operand, conditions, values, otherwise: otherwise)
    }

    mutating func parseNameOrCall() throws(GlueError) -> SQLExpression {
        var parts = [try parseIdentifier()]
        if acceptSymbol("(") {
            let name = parts[0]
            if acceptSymbol(")") {
                if peekKeyword("OVER") { throw SQLError.unsupported("window functions are") }
                return .function(name, [], distinct: false, star: false)
            }
            if acceptSymbol("*") {
                try expectSymbol(")")
                if peekKeyword("OVER") { throw SQLError.unsupported("window functions are") }
                return .function(name, [], distinct: false, star: true)
            }
            let distinct = acceptKeyword("DISTINCT")
            if !distinct { _ = acceptKeyword("ALL") }
            var arguments: [SQLExpression] = []
            repeat { arguments.append(try parseExpression()) } while acceptSymbol(",")
            if peekKeyword("ORDER") { throw SQLError.unsupported("ordered aggregate arguments are") }
            try expectSymbol(")")
            if peekKeyword("FILTER") { throw SQLError.unsupported("aggregate FILTER clauses are") }
            if peekKeyword("WITHIN") { throw SQLError.unsupported("WITHIN GROUP is") }
            if peekKeyword("OVER") { throw SQLError.unsupported("window functions are") }
            if peekKeyword("IGNORE") || peekKeyword("RESPECT") { throw SQLError.unsupported("IGNORE/RESPECT NULLS is") }
            return .function(name, arguments, distinct: distinct, star: false)
        }
        while acceptSymbol(".") {
            if acceptSymbol("*") { return .star(qualifier: parts.last) }
            parts.append(try parseIdentifier())
        }
        return .identifier(parts)
    }
}
