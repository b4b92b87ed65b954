import GlueCore

/// The syntax LocalGlue's SparkSQL nodes accept, for tools that must know whether a query will
/// run before any data exists (export).
public enum SQLQueryCheck {
    /// Parses one query and discards it.
    ///
    /// - Throws: `InvalidInputException` (Spark's ParseException text) for what LocalGlue does not
    ///   parse, naming the construct (window functions, `EXISTS`, `INTERSECT`, ...).
    public static func check(_ sql: String) throws(GlueError) {
        _ = try SQLParser.parse(sql)
    }
}
