import GlueCore

/// The `GetTables` `Expression`: a regular expression that a whole table name must match.
///
/// As in Glue (and Hive's metastore patterns), a `*` that does not follow `.`, `)`, `]`, `}` or `\\` means "any run of
/// characters", so `sales*` and `sales.*` are the same filter. Matching ignores case.
public struct TableNameFilter: Sendable {
    /// The expression as given.
    public let expression: String
    let pattern: String

    /// Compiles a filter.
    ///
    /// - Throws: `InvalidInputException` when the expression is not a valid regular expression.
    public init(_ expression: String) throws(GlueError) {
        self.expression = expression
        var pattern = ""
        var previous: Character?
        for character in expression {
            if character == "*", previous.map({ !".)]}\\".contains($0) }) ?? true {
                pattern += ".*"
            } else {
                pattern.append(character)
            }
            previous = character
        }
        self.pattern = pattern
        do {
            _ = try Regex(pattern)
        } catch {
            throw GlueError(.invalidInput, "Invalid table name expression '\(expression)': \(error)")
        }
    }

    /// Whether a table name matches.
    public func matches(_ name: String) -> Bool {
        guard let regex = try? Regex(pattern).ignoresCase() else { return false }
        return (try? regex.wholeMatch(in: name)) != nil
    }

    /// The names that match, in order.
    public func filter(_ names: [String]) -> [String] {
        guard let regex = try? Regex(pattern).ignoresCase() else { return [] }
        return names.filter { (try? regex.wholeMatch(in: $0)) != nil }
    }
}
