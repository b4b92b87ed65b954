import Foundation
import GlueCLI
import Synchronization

/// Runs `localglue` in-process and captures what it prints.
struct CommandResult {
    var exitCode: Int32
    var output: String
    var error: String
}

final class Capture: Sendable {
    let output = Mutex("")
    let error = Mutex("")
}

func runLocalGlue(_ arguments: [String]) async -> CommandResult {
    let capture = Capture()
    let console = Console(
        output: { text in capture.output.withLock { $0 += text } },
        error: { text in capture.error.withLock { $0 += text } })
    let code = await LocalGlueCommand.execute(arguments, console: console)
    return CommandResult(exitCode: code, output: capture.output.withLock { $0 }, error: capture.error.withLock { $0 })
}

/// A fresh temporary folder, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async rethrows -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-test-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
