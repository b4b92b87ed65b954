import Foundation
import GlueCore
import GlueJobs

/// Refusals: a construct that cannot be exported with LocalGlue's semantics is refused by name at
/// export time, never written as a script that fails or silently differs on the cluster.
enum ExportRefusal {
    /// `InvalidInputException: node 'NAME' (TYPE) cannot be exported to TARGET: REASON`.
    static func node(_ id: String, _ node: CodeGenConfigurationNode, _ target: ExportTarget, _ reason: String) -> GlueError {
        let label = node.name.map { "'\($0)' [\(id)]" } ?? "'\(id)'"
        return GlueError(.invalidInput, "node \(label) (\(node.typeName)) cannot be exported to \(target.rawValue): \(reason)")
    }
}

/// Field paths as awsglue writes them: segments joined by `.`, a segment holding `.` in back-ticks.
enum GluePath {
    static func dotted(_ segments: [String]) -> String {
        segments.map { $0.contains(".") ? "`\($0)`" : $0 }.joined(separator: ".")
    }
}
