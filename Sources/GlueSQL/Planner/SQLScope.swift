import GlueCore
import GlueTransforms

/// The columns a query block can name: each output column of a planned relation with the
/// qualifier (table alias) it answers to. Names resolve case-insensitively, as Spark's default.
struct SQLScope: Sendable {
    struct Entry: Sendable {
        var qualifier: String?
        var name: String
        var dataType: DataType
        /// Helper columns (join keys, sort keys) that `*` and names do not reach.
        var hidden = false
    }

    var entries: [Entry]

    /// The visible column names, for suggestions.
    var visibleNames: [String] {
        entries.filter { !$0.hidden }.map { entry in entry.qualifier.map { "\($0).\(entry.name)" } ?? entry.name }
    }

    /// Resolves `[name]` or `[qualifier, name]` to a column position.
    ///
    /// - Throws: an `AnalysisException` naming the column and suggesting the closest names, or
    ///   saying the reference is ambiguous.
    func resolve(_ parts: [String]) throws(GlueError) -> Int {
        guard let position = try find(parts) else {
            let written = parts.map { "`\($0)`" }.joined(separator: ".")
            let suggestions = SQLError.suggestions(for: parts.last ?? "", among: entries.filter { !$0.hidden }.map(\.name))
            throw SQLError.analysis("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \(written) cannot be resolved. Did you mean one of the following? [\(suggestions.map { "`\($0)`" }.joined(separator: ", "))].")
        }
        return position
    }

    /// The position of a column, `nil` when no column has the name.
    func find(_ parts: [String]) throws(GlueError) -> Int? {
        guard let name = parts.last?.lowercased() else { return nil }
        let qualifier = parts.count >= 2 ? parts[parts.count - 2].lowercased() : nil
        let matches = entries.indices.filter { index in
            let entry = entries[index]
            guard !entry.hidden, entry.name.lowercased() == name else { return false }
            guard let qualifier else { return true }
            return entry.qualifier?.lowercased() == qualifier
        }
        if matches.count > 1 {
            let candidates = matches.map { index in
                let entry = entries[index]
                return entry.qualifier.map { "`\($0)`.`\(entry.name)`" } ?? "`\(entry.name)`"
            }
            throw SQLError.analysis("[AMBIGUOUS_REFERENCE] Reference `\(parts.joined(separator: "."))` is ambiguous, could be: [\(candidates.joined(separator: ", "))].")
        }
        return matches.first
    }

    /// The scope with every column answering to `qualifier` instead.
    func requalified(_ qualifier: String?) -> SQLScope {
        SQLScope(entries: entries.map { Entry(qualifier: qualifier, name: $0.name, dataType: $0.dataType, hidden: $0.hidden) })
    }
}

/// A planned relation: where its batches come from, their schema, and the names it answers to.
struct PlannedRelation: Sendable {
    var input: OperatorPlan.Input
    var schema: Schema
    var scope: SQLScope
}
