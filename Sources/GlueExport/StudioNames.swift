import Foundation
/// Python variable names for nodes, as Glue Studio makes them: the node's `Name` and its ID with
/// everything but letters, digits and `_` removed, joined by `_` (`Amazon S3` + `node-1697` ->
/// `AmazonS3_node1697`). Names stay unique within one script.
struct StudioNames {
    private(set) var names: [String: String] = [:]
    private var used: Set<String> = []

    /// Python's keywords and the script's own globals, never used as node variables.
    static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield", "sys", "re", "args", "sc", "spark", "glueContext", "job",
        "F", "T", "parser", "DynamicFrame", "SqlFuncs",
    ]

    init(order: [String], nodeName: (String) -> String?) {
        for id in order {
            let label = Self.clean(nodeName(id) ?? "")
            var base = label.isEmpty ? Self.clean(id) : label + "_" + Self.clean(id)
            if base.isEmpty { base = "node" }
            if let first = base.unicodeScalars.first, ("0"..."9").contains(first) { base = "n" + base }
            var candidate = base
            var counter = 2
            while used.contains(candidate) || Self.reserved.contains(candidate) {
                candidate = base + "_" + String(counter)
                counter += 1
            }
            used.insert(candidate)
            names[id] = candidate
        }
    }

    /// The variable of node `id`.
    subscript(_ id: String) -> String { names[id] ?? Self.clean(id) }

    /// Letters, digits and `_` only (ASCII).
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }))
    }
}
