import GlueCore

/// The errors of the SQL layer, worded like Spark's `ParseException` and `AnalysisException`
/// (the text a Glue job run shows in its `ErrorMessage`), as `GlueError`s.
enum SQLError {
    /// A syntax error at a byte offset of the query, with Spark's `(line L, pos P)`.
    static func parse(_ message: String, at offset: Int, in text: String) -> GlueError {
        let prefix = Array(text.utf8.prefix(max(0, offset)))
        let line = prefix.filter { $0 == 10 }.count + 1
        let position = prefix.count - ((prefix.lastIndex(of: 10)).map { $0 + 1 } ?? 0)
        return GlueError(.invalidInput, "ParseException: [PARSE_SYNTAX_ERROR] \(message).(line \(line), pos \(position))")
    }

    /// An analysis error (unknown names, type mismatches).
    static func analysis(_ message: String) -> GlueError {
        GlueError(.invalidInput, "AnalysisException: \(message)")
    }

    /// SQL that LocalGlue does not run yet, rejected by name.
    static func unsupported(_ what: String) -> GlueError {
        GlueError(.unsupportedFeature, "AnalysisException: \(what) not supported yet in LocalGlue's SparkSQL engine.")
    }

    /// The names closest to `name` (edit distance, case-insensitive), best first.
    static func suggestions(for name: String, among candidates: [String], limit: Int = 5) -> [String] {
        let target = Array(name.lowercased().utf8)
        let scored = Set(candidates).map { candidate -> (String, Int) in (candidate, distance(target, Array(candidate.lowercased().utf8))) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var beforePrevious = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // A swap of two neighbours counts as one edit (optimal string alignment).
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
            }
            beforePrevious = previous
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
