import Foundation
import GlueCLI
import Synchronization
import Testing

/// What a `localglue` command printed and how it exited.
struct CommandResult: Sendable {
    var exitCode: Int32
    var output: String
    var error: String
}

final class Capture: Sendable {
    let output = Mutex("")
    let error = Mutex("")
}

/// Runs `localglue` in this process through the CLI entry point and captures what it prints.
func runInProcess(_ arguments: [String]) async -> CommandResult {
    let capture = Capture()
    let console = Console(
        output: { text in capture.output.withLock { $0 += text } },
        error: { text in capture.error.withLock { $0 += text } })
    let code = await LocalGlueCommand.execute(arguments, console: console)
    return CommandResult(exitCode: code, output: capture.output.withLock { $0 }, error: capture.error.withLock { $0 })
}

/// The `localglue` binary built beside the test bundle.
func localglueBinary() -> URL? {
    let testExecutable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    var folder = testExecutable.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("localglue")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return nil
}

/// A started `localglue` child process.
func spawnBinary(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, output: Pipe, error: Pipe) {
    let binary = try #require(localglueBinary(), "the localglue binary is not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, new in new }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    return (process, output, error)
}

/// Runs the real binary to its end.
func runBinary(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let (process, output, error) = try spawnBinary(arguments, environment: environment)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        exitCode: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData, as: UTF8.self))
}

func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
}

func jsonText(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    else { return "\(value)" }
    return String(decoding: data, as: UTF8.self)
}

/// A fresh temporary folder, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async rethrows -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-e2e-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Rows compared as multisets of canonical text: each value tagged with its JSON kind, numbers
/// compared as numbers (`1` equals `1.0`), keys sorted.
enum RowText {
    static func canonical(_ row: [String: Any]) -> String {
        row.keys.sorted().map { "\($0)=\(value(row[$0] as Any))" }.joined(separator: ", ")
    }

    static func value(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let text as String: return "\"\(text)\""
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        case let list as [Any]: return "[" + list.map { self.value($0) }.joined(separator: ", ") + "]"
        case let object as [String: Any]: return "{" + canonical(object) + "}"
        default: return "\(value)"
        }
    }
}

/// Lets a few cases run at once: every in-process job run starts its own pipeline workers, and
/// dozens of lakes at once on a small machine only queue behind each other.
actor CaseGate {
    static let shared = CaseGate(limit: max(2, min(4, ProcessInfo.processInfo.activeProcessorCount)))

    let limit: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
