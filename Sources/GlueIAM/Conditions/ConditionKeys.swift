import GlueCore

/// Facts about condition keys the evaluator and the linter need.
enum ConditionKeys {
    /// Keys that carry several values per request (lower-cased). A plain operator never matches them.
    static let multivalued: Set<String> = [
        "aws:tagkeys", "aws:calledvia", "aws:principalservicenameslist", "aws:principalorgpaths",
        "aws:sourceorgpaths", "aws:resourceorgpaths",
    ]
}
