import Foundation
import GlueCore

/// A ``PartitionExpression`` resolved against a table's partition keys: key names became positions,
/// literals became values of their key's type. Evaluate it on each partition's values.
public struct BoundPartitionExpression: Sendable {
    let root: BoundNode
    let keyCount: Int

    /// Whether a partition with these values (in key order) matches.
    ///
    /// - Throws: `InvalidStateException` when a stored value is not a value of its key's type
    ///   (`month = 'x'` for an `int` key).
    public func matches(_ values: [String]) throws(GlueError) -> Bool {
        guard values.count == keyCount else {
            throw GlueError(
                .invalidState,
                "The partition has \(values.count) values but the table has \(keyCount) partition keys.")
        }
        return try root.evaluate(values)
    }
}

/// The comparison families of partition key types.
enum PartitionKeyKind: Sendable, Equatable {
    case string, integer, decimal, floating, date, timestamp

    /// The family of a catalog type string, or `nil` for types the expression grammar does not support.
    init?(typeString: String?) {
        let type = (typeString ?? "string").trimmingCharacters(in: .whitespaces).lowercased()
        let base = type.split(separator: "(", maxSplits: 1).first.map(String.init) ?? type
        switch base {
        case "string", "char", "varchar": self = .string
        case "int", "integer", "bigint", "long", "tinyint", "smallint": self = .integer
        case "decimal", "numeric": self = .decimal
        case "float", "double": self = .floating
        case "date": self = .date
        case "timestamp": self = .timestamp
        default: return nil
        }
    }

    /// Converts text to a value of this family, or `nil` when it is not one.
    func cast(_ text: String) -> TypedValue? {
        switch self {
        case .string:
            return .string(text)
        case .integer:
            return Int64(text.trimmingCharacters(in: .whitespaces)).map(TypedValue.integer)
        case .decimal:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard TypedValue.isPlainNumber(trimmed), let value = Decimal(string: trimmed) else { return nil }
            return .decimal(value)
        case .floating:
            return Double(text.trimmingCharacters(in: .whitespaces)).map(TypedValue.floating)
        case .date:
            return TypedValue.parseDate(text).map(TypedValue.date)
        case .timestamp:
            return TypedValue.parseTimestamp(text).map { TypedValue.timestamp(seconds: $0.0, nanos: $0.1) }
        }
    }
}

/// A partition value or literal of a key's type.
enum TypedValue: Sendable {
    case string(String)
    case integer(Int64)
    case decimal(Decimal)
    case floating(Double)
    case date(Int64)
    case timestamp(seconds: Int64, nanos: Int64)

    /// -1, 0, 1, or `nil` when the two values are of different families.
    func compare(_ other: TypedValue) -> Int? {
        switch (self, other) {
        case (.string(let a), .string(let b)):
            if a == b { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.decimal(let a), .decimal(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.floating(let a), .floating(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.timestamp(let s1, let n1), .timestamp(let s2, let n2)):
            if s1 != s2 { return s1 < s2 ? -1 : 1 }
            return n1 < n2 ? -1 : (n1 == n2 ? 0 : 1)
        default: return nil
        }
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var point = false
        for (index, byte) in text.utf8.enumerated() {
            if (byte == 0x2D || byte == 0x2B) && index == 0 { continue }
            if byte == 0x2E && !point { point = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            digits += 1
        }
        return digits > 0
    }

    /// `yyyy-M[M]-d[d]` to days since 1970-01-01.
    static func parseDate(_ text: String) -> Int64? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        return CatalogJSON.days(fromCivil: year, month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyy-MM-dd HH:mm:ss[.fffffffff]` (or with `T`) to seconds and nanoseconds since the epoch.
    static func parseTimestamp(_ text: String) -> (Int64, Int64)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let separator = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }),
            let days = parseDate(String(trimmed[..<separator]))
        else { return nil }
        let time = trimmed[trimmed.index(after: separator)...]
        let pieces = time.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let clock = pieces[0].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ (1...2).contains($0.count) && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let hour = Int64(clock[0]), let minute = Int64(clock[1]), let second = Int64(clock[2]),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var nanos: Int64 = 0
        if pieces.count == 2 {
            let fraction = pieces[1]
            guard (1...9).contains(fraction.count), fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let value = Int64(fraction)
            else { return nil }
            nanos = value
            for _ in fraction.count..<9 { nanos *= 10 }
        }
        return (days * 86_400 + hour * 3600 + minute * 60 + second, nanos)
    }
}

/// A compiled `LIKE` pattern: `%` any run, `_` any one character, everything else literal.
struct LikePattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case one
        case many
    }

    let pieces: [Piece]

    init(_ pattern: String) {
        pieces = pattern.unicodeScalars.map { scalar in
            switch scalar {
            case "%": .many
            case "_": .one
            default: .literal(scalar)
            }
        }
    }

    /// Whole-value match with the usual backtracking over the last `%`.
    func matches(_ value: String) -> Bool {
        let text = Array(value.unicodeScalars)
        var t = 0
        var p = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < pieces.count {
                switch pieces[p] {
                case .many:
                    starP = p
                    starT = t
                    p += 1
                    continue
                case .one:
                    t += 1
                    p += 1
                    continue
                case .literal(let scalar) where scalar == text[t]:
                    t += 1
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < pieces.count, pieces[p] == .many { p += 1 }
        return p == pieces.count
    }
}

enum BoundOperand: Sendable {
    case key(Int, PartitionKeyKind, String)
    case literal(TypedValue)

    func value(_ values: [String]) throws(GlueError) -> TypedValue {
        switch self {
        case .literal(let value):
            return value
        case .key(let index, let kind, let name):
            let text = values[index]
            guard let value = kind.cast(text) else {
                throw GlueError(.invalidState, "The stored value '\(text)' of partition key \(name) is not a value of its type.")
            }
            return value
        }
    }
}

indirect enum BoundNode: Sendable {
    case and(BoundNode, BoundNode)
    case or(BoundNode, BoundNode)
    case not(BoundNode)
    case constant(Bool)
    case compare(BoundOperand, PartitionExpression.ComparisonOperator, BoundOperand)
    case inList(BoundOperand, [BoundOperand], negated: Bool)
    case between(BoundOperand, BoundOperand, BoundOperand, negated: Bool)
    case like(Int, LikePattern, negated: Bool)

    func evaluate(_ values: [String]) throws(GlueError) -> Bool {
        switch self {
        case .and(let left, let right):
            guard try left.evaluate(values) else { return false }
            return try right.evaluate(values)
        case .or(let left, let right):
            if try left.evaluate(values) { return true }
            return try right.evaluate(values)
        case .not(let inner):
            return try !inner.evaluate(values)
        case .constant(let value):
            return value
        case .compare(let left, let op, let right):
            let order = try BoundNode.order(left.value(values), right.value(values))
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .greater: return order > 0
            case .lessOrEqual: return order <= 0
            case .greaterOrEqual: return order >= 0
            }
        case .inList(let operand, let items, let negated):
            let value = try operand.value(values)
            for item in items {
                if try BoundNode.order(value, item.value(values)) == 0 { return !negated }
            }
            return negated
        case .between(let operand, let low, let high, let negated):
            let value = try operand.value(values)
            var lower = try low.value(values)
            var upper = try high.value(values)
            if try BoundNode.order(lower, upper) > 0 { swap(&lower, &upper) }
            let aboveLower = try BoundNode.order(value, lower) >= 0
            let belowUpper = try BoundNode.order(value, upper) <= 0
            return (aboveLower && belowUpper) != negated
        case .like(let index, let pattern, let negated):
            return pattern.matches(values[index]) != negated
        }
    }

    static func order(_ a: TypedValue, _ b: TypedValue) throws(GlueError) -> Int {
        guard let order = a.compare(b) else {
            throw GlueError(.invalidInput, "Unsupported expression: values of different types are compared.")
        }
        return order
    }
}

/// Resolves a parsed expression against partition keys.
struct Binder {
    let keys: [Column]
    let index: [String: Int]

    init(keys: [Column]) {
        self.keys = keys
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() where index[key.name.lowercased()] == nil {
            index[key.name.lowercased()] = position
        }
        self.index = index
    }

    func key(_ name: String) throws(GlueError) -> (Int, PartitionKeyKind) {
        guard let position = index[name.lowercased()] else {
            let known = keys.map(\.name).joined(separator: ", ")
            throw GlueError(
                .invalidInput,
                "Unsupported expression: \(name) is not a partition key of the table (partition keys: \(known.isEmpty ? "none" : known)).")
        }
        let type = keys[position].type
        guard let kind = PartitionKeyKind(typeString: type) else {
            throw GlueError(.invalidInput, "Unsupported expression: partition key \(name) has type \(type ?? "") which expressions cannot compare.")
        }
        return (position, kind)
    }

    func literal(_ operand: PartitionExpression.Operand, as kind: PartitionKeyKind, keyName: String) throws(GlueError) -> BoundOperand {
        let text: String
        switch operand {
        case .string(let value), .number(let value): text = value
        case .key(let name): return try bindKey(name)
        }
        guard let value = kind.cast(text) else {
            throw GlueError(.invalidInput, "Unsupported expression: '\(text)' is not a valid value for partition key \(keyName).")
        }
        return .literal(value)
    }

    func bindKey(_ name: String) throws(GlueError) -> BoundOperand {
        let (position, kind) = try key(name)
        return .key(position, kind, keys[position].name)
    }

    /// The kind that literals next to this operand take: its key's kind, or string for two literals.
    func context(_ operands: [PartitionExpression.Operand]) throws(GlueError) -> (PartitionKeyKind, String) {
        for operand in operands {
            if case .key(let name) = operand { return (try key(name).1, name) }
        }
        return (.string, "")
    }

    func operand(_ operand: PartitionExpression.Operand, kind: PartitionKeyKind, keyName: String) throws(GlueError) -> BoundOperand {
        if case .key(let name) = operand { return try bindKey(name) }
        return try literal(operand, as: kind, keyName: keyName)
    }

    mutating func bind(_ node: PartitionExpression.Node) throws(GlueError) -> BoundNode {
        switch node {
        case .and(let left, let right): return .and(try bind(left), try bind(right))
        case .or(let left, let right): return .or(try bind(left), try bind(right))
        case .not(let inner): return .not(try bind(inner))
        case .compare(let left, let op, let right):
            let (kind, name) = try context([left, right])
            let l = try operand(left, kind: kind, keyName: name)
            let r = try operand(right, kind: kind, keyName: name)
            try checkSameKind([l, r])
            return .compare(l, op, r)
        case .inList(let left, let items, let negated):
            let (kind, name) = try context([left] + items)
            let l = try operand(left, kind: kind, keyName: name)
            var bound: [BoundOperand] = []
            for item in items { bound.append(try operand(item, kind: kind, keyName: name)) }
            try checkSameKind([l] + bound)
            return .inList(l, bound, negated: negated)
        case .between(let value, let low, let high, let negated):
            let (kind, name) = try context([value, low, high])
            let operands = [
                try operand(value, kind: kind, keyName: name), try operand(low, kind: kind, keyName: name),
                try operand(high, kind: kind, keyName: name),
            ]
            try checkSameKind(operands)
            return .between(operands[0], operands[1], operands[2], negated: negated)
        case .like(let value, let pattern, let negated):
            guard case .key(let name) = value else {
                throw GlueError(.invalidInput, "Unsupported expression: LIKE needs a partition key on its left.")
            }
            let (position, kind) = try key(name)
            guard kind == .string else {
                throw GlueError(.invalidInput, "Unsupported expression: LIKE cannot be used with partition key \(name) of type \(keys[position].type ?? "").")
            }
            return .like(position, LikePattern(pattern), negated: negated)
        case .isNull(let value, let negated):
            if case .key(let name) = value { _ = try key(name) }
            return .constant(negated)
        }
    }

    func checkSameKind(_ operands: [BoundOperand]) throws(GlueError) {
        var kinds: [PartitionKeyKind] = []
        for case .key(_, let kind, _) in operands { kinds.append(kind) }
        if let first = kinds.first, kinds.contains(where: { $0 != first }) {
            throw GlueError(.invalidInput, "Unsupported expression: partition keys of different types are compared.")
        }
    }
}
