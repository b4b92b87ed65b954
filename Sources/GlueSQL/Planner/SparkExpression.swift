import Foundation
import GlueColumnar
import GlueCore
import GlueTransforms

/// Spark SQL expressions outside a query, over the columns of one frame: the condition of
/// Spark's `df.filter("...")` / `df.where("...")` and the items of `df.selectExpr(...)`.
///
/// Text is parsed by the same parser as `SparkSQL` queries and analyzed against the schema with
/// the same rules (names case-insensitive, Spark's implicit casts), so an unknown column is an
/// `AnalysisException` that names it and suggests the closest names before any data is read.
///
/// ```swift
/// let condition = try SparkExpression.condition("quantity * unit_price > 100 AND country IN ('DE', 'FR')", schema: schema)
/// let recent = try Filter(condition)
/// ```
public enum SparkExpression {
    /// Parses and analyzes a boolean condition over columns of `schema`.
    ///
    /// - Parameter now: the expression's `current_timestamp()` (default: the current time).
    /// - Throws: `InvalidInputException` with a `ParseException` for bad syntax, an
    ///   `AnalysisException` for unknown columns or functions (naming the closest names), type
    ///   errors, aggregates, or a condition that is not boolean; `UnsupportedFeatureException`
    ///   for SQL that LocalGlue does not run yet.
    public static func condition(_ text: String, schema: Schema, now: Date = Date()) throws(GlueError) -> ScalarExpression {
        var parser = try SQLParser(text)
        let parsed = try parser.parseExpression()
        try parser.expectEnd()
        let bound = try binder(now).bind(parsed, scope(schema))
        guard bound.dataType == .boolean || bound.isNullLiteral else {
            throw SQLError.analysis("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"\(parsed.generatedName)\" due to data type mismatch: Filter expression \"\(parsed.generatedName)\" of type \"\(String(describing: bound.dataType).uppercased())\" is not a boolean.")
        }
        return bound.isNullLiteral ? .literal(.null, .boolean) : bound
    }

    /// Parses and analyzes select items (`expr [AS alias]`, `*`) over columns of `schema`, as
    /// Spark's `selectExpr` does: an item without an alias is named after its text (a column
    /// keeps its name).
    ///
    /// - Throws: as ``condition(_:schema:now:)``, and an `AnalysisException` for aggregates.
    public static func selectItems(_ items: [String], schema: Schema, now: Date = Date()) throws(GlueError) -> [(name: String, expression: ScalarExpression)] {
        let scope = scope(schema)
        let binder = binder(now)
        var outputs: [(name: String, expression: ScalarExpression)] = []
        for item in items {
            var parser = try SQLParser(item)
            let parsed = try parser.parseExpression()
            var alias = try parser.parseAlias()
            if alias == nil, parser.acceptKeyword("AS") { alias = try parser.parseIdentifier() }
            try parser.expectEnd()
            if case .star(let qualifier) = parsed {
                if let qualifier { throw SQLError.analysis("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve \(qualifier).* given the frame's columns.") }
                for (index, field) in schema.fields.enumerated() { outputs.append((field.name, .column(index, field.dataType))) }
                continue
            }
            outputs.append((alias ?? parsed.generatedName, try binder.bind(parsed, scope)))
        }
        return outputs
    }

    static func scope(_ schema: Schema) -> SQLScope {
        SQLScope(entries: schema.fields.map { SQLScope.Entry(qualifier: nil, name: $0.name, dataType: $0.dataType) })
    }

    static func binder(_ now: Date) -> ExpressionBinder {
        ExpressionBinder(now: Int64((now.timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }
}

extension SQLParser {
    /// Checks that the whole text was read (a trailing `;` is not part of an expression).
    mutating func expectEnd() throws(GlueError) {
        guard case .end = current.kind else { throw error("Syntax error at or near '\(current.text)'") }
    }
}
