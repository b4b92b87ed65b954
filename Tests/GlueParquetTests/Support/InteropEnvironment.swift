import Foundation

/// Runs the Python interop scripts with `$LOCALGLUE_PYTHON` (the project's venv).
enum InteropEnvironment {
    /// The venv's python, or `nil` when the variable is unset (the tests then skip).
    static var python: String? {
        guard let path = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"], !path.isEmpty else { return nil }
        return path
    }

    /// The folder of the interop scripts.
    static var scripts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interop")
    }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-parquet-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `python script args...`, returning its exit status and combined output.
    static func run(_ python: String, script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
