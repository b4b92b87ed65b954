import Foundation
import GlueCore

/// The options of a crawler's `Configuration` JSON string that LocalGlue follows.
///
/// `{"Version": 1.0, "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas",
/// "TableLevelConfiguration": N}, "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior":
/// "InheritFromTable"}, "Tables": {"AddOrUpdateBehavior": "MergeNewColumns"}}}`.
public struct CrawlerConfiguration: Sendable, Hashable {
    /// `CombineCompatibleSchemas`: one table per include path, columns merged.
    public var combineCompatibleSchemas = false
    /// The absolute folder level of table roots (the bucket is level 1).
    public var tableLevel: Int?
    /// Partitions copy the table's schema and formats.
    public var partitionsInheritFromTable = false
    /// Existing tables only gain new columns (nothing removed, no type changed).
    public var mergeNewColumns = false

    /// The defaults (no configuration).
    public init() {}

    /// Parses a configuration string.
    ///
    /// - Throws: `InvalidInputException` for text that is not a JSON object with a `Version`.
    public init(parsing text: String?) throws(GlueError) {
        guard let text, !text.isEmpty else { return }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw GlueError(.invalidInput, "Crawler configuration not valid: it is not a JSON object")
        }
        guard object["Version"] != nil else {
            throw GlueError(.invalidInput, "Crawler configuration not valid: Version is required")
        }
        if let grouping = object["Grouping"] as? [String: Any] {
            if let policy = grouping["TableGroupingPolicy"] as? String {
                guard policy == "CombineCompatibleSchemas" else {
                    throw GlueError(.invalidInput, "Crawler configuration not valid: TableGroupingPolicy '\(policy)' is not CombineCompatibleSchemas")
                }
                combineCompatibleSchemas = true
            }
            if let level = grouping["TableLevelConfiguration"] as? Int {
                guard level >= 1 else { throw GlueError(.invalidInput, "Crawler configuration not valid: TableLevelConfiguration must be 1 or more") }
                tableLevel = level
            }
        }
        if let output = object["CrawlerOutput"] as? [String: Any] {
            if let partitions = output["Partitions"] as? [String: Any], let behavior = partitions["AddOrUpdateBehavior"] as? String {
                partitionsInheritFromTable = behavior == "InheritFromTable"
            }
            if let tables = output["Tables"] as? [String: Any], let behavior = tables["AddOrUpdateBehavior"] as? String {
                mergeNewColumns = behavior == "MergeNewColumns"
            }
        }
    }
}
