import Foundation
import Testing

/// Compares text with a golden file next to the tests; `LOCALGLUE_RECORD_GOLDEN=1` re-records it.
func expectGolden(_ actual: String, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["LOCALGLUE_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("Golden file \(name) is missing; run with LOCALGLUE_RECORD_GOLDEN=1 to record it.", sourceLocation: sourceLocation)
        return
    }
    #expect(actual + "\n" == expected, sourceLocation: sourceLocation)
}
