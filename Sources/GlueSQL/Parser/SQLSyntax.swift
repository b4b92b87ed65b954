import GlueColumnar
import GlueCore

/// An expression as written in the query, before names and types are resolved.
indirect enum SQLExpression: Sendable, Equatable {
    /// A column name, optionally qualified (`country`, `o.country`).
    case identifier([String])
    /// `*` or `alias.*`.
    case star(qualifier: String?)
    /// A constant; `type` is Spark's type for it.
    case literal(Value, DataType)
    /// `DATE '...'`, `TIMESTAMP '...'`, `INTERVAL` is not supported.
    case typedLiteral(String, String)
    case negate(SQLExpression)
    case not(SQLExpression)
    /// `+ - * / % div`, comparisons, `AND`, `OR`, `||`, `<=>`.
    case binary(String, SQLExpression, SQLExpression)
    case isNull(SQLExpression, negated: Bool)
    case inList(SQLExpression, [SQLExpression], negated: Bool)
    case between(SQLExpression, SQLExpression, SQLExpression, negated: Bool)
    /// `LIKE`, `ILIKE`, `RLIKE`.
    case like(String, SQLExpression, SQLExpression, negated: Bool)
    case caseWhen(operand: SQLExpression?, [SQLExpression], [SQLExpression], otherwise: SQLExpression?)
    case cast(SQLExpression, DataType)
    /// A function call; `distinct` for `count(DISTINCT x)`, `star` for `count(*)`.
    case function(String, [SQLExpression], distinct: Bool, star: Bool)
    /// `expr[index]` on an array.
    case subscriptOf(SQLExpression, SQLExpression)

    /// The column name Spark gives the expression when it has no alias.
    var generatedName: String {
        switch self {
        case .identifier(let parts): return parts.last ?? ""
        case .star: return "*"
        case .literal(let value, let type): return value.isNull ? "NULL" : value.displayText(as: type)
        case .typedLiteral(let type, let text): return "\(type) '\(text)'"
        case .negate(let operand): return "(- \(operand.generatedName))"
        case .not(let operand): return "(NOT \(operand.generatedName))"
        case .binary(let op, let lhs, let rhs): return "(\(lhs.generatedName) \(op) \(rhs.generatedName))"
        case .isNull(let operand, let negated): return "(\(operand.generatedName) IS \(negated ? "NOT " : "")NULL)"
        case .inList(let operand, let list, let negated):
            return "(\(negated ? "NOT " : "")\(operand.generatedName) IN (\(list.map(\.generatedName).joined(separator: ", "))))"
        case .between(let operand, let low, let high, let negated):
            return "(\(negated ? "NOT " : "")\(operand.generatedName) BETWEEN \(low.generatedName) AND \(high.generatedName))"
        case .like(let kind, let operand, let pattern, let negated):
            return "\(negated ? "(NOT " : "")\(operand.generatedName) \(kind) \(pattern.generatedName)\(negated ? ")" : "")"
        case .caseWhen(let operand, let conditions, let values, let otherwise):
            var text = "CASE"
            if let operand { text += " \(operand.generatedName)" }
            for (condition, value) in zip(conditions, values) { text += " WHEN \(condition.generatedName) THEN \(value.generatedName)" }
            if let otherwise { text += " ELSE \(otherwise.generatedName)" }
            return text + " END"
        case .cast(let operand, let type): return "CAST(\(operand.generatedName) AS \(String(describing: type).uppercased()))"
        case .function(let name, let arguments, let distinct, let star):
            if star { return "\(name)(1)" }
            return "\(name)(\(distinct ? "DISTINCT " : "")\(arguments.map(\.generatedName).joined(separator: ", ")))"
        case .subscriptOf(let base, let index): return "\(base.generatedName)[\(index.generatedName)]"
        }
    }
}

/// One item of a select list.
struct SelectItem: Sendable, Equatable {
    var expression: SQLExpression
    var alias: String?
}

/// The join types of the `FROM` clause.
enum JoinKind: String, Sendable {
    case inner = "INNER", left = "LEFT OUTER", right = "RIGHT OUTER", full = "FULL OUTER", semi = "LEFT SEMI", anti = "LEFT ANTI", cross = "CROSS"
}

/// A relation of the `FROM` clause.
indirect enum SQLRelation: Sendable {
    case table(String, alias: String?)
    case subquery(SQLQuery, alias: String?)
    case join(SQLRelation, SQLRelation, JoinKind, on: SQLExpression?, using: [String])
}

/// `ORDER BY` item.
struct OrderItem: Sendable {
    var expression: SQLExpression
    var ascending: Bool
    var nullsFirst: Bool?
}

/// One `SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...` block.
struct SelectBlock: Sendable {
    var distinct = false
    var items: [SelectItem] = []
    var from: SQLRelation?
    var filter: SQLExpression?
    var groupBy: [SQLExpression] = []
    var having: SQLExpression?
}

/// A select block or a set operation of two bodies.
indirect enum QueryBody: Sendable {
    case select(SelectBlock)
    case union(QueryBody, QueryBody, all: Bool)
    case nested(SQLQuery)
}

/// A whole query: common table expressions, a body, and the ordering and limit of its result.
struct SQLQuery: Sendable {
    var with: [(name: String, query: SQLQuery)] = []
    var body: QueryBody
    var orderBy: [OrderItem] = []
    var limit: Int?
}
