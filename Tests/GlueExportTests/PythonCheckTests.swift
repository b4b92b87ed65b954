import Foundation
import GlueExport
import GlueJobs
import Testing

/// The exported scripts are valid Python (`py_compile`), and the Glue scripts of the W2 workload
/// and the sample lake's job use only awsglue/pyspark names that exist
/// (`scripts/check-glue-script.py`, when the repository has it). Runs when `LOCALGLUE_PYTHON` is
/// set (`make test` sets it to the project's virtual environment); skipped otherwise.
@Suite struct PythonCheckTests {
    static let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"]

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: python != nil, "LOCALGLUE_PYTHON is not set"))
    func everyExportedScriptCompilesAndGlueScriptsUseExistingNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glue-export-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var scripts: [String] = []
        var checked: [String] = []
        for path in ExportGoldenTests.jobs {
            let job = try ExportTestLake.job(path)
            for target in ExportTarget.allCases {
                guard let files = try? ExportTestLake().exporter(job).export(target) else { continue }
                for file in files where file.name.hasSuffix(".py") {
                    let url = folder.appendingPathComponent(file.name)
                    try Data(file.contents.utf8).write(to: url)
                    scripts.append(url.path)
                    if target == .glue, ["localglue-bench-W2", "rds-snapshot-orders"].contains(job.name) { checked.append(url.path) }
                }
            }
        }
        #expect(scripts.count >= 20)
        for script in scripts {
            let result = try run(["-m", "py_compile", script])
            #expect(result.status == 0, "\(script): \(result.output)")
        }
        #expect(checked.count == 2)
        let checker = ExportTestLake.repository.appendingPathComponent("scripts/check-glue-script.py")
        if FileManager.default.fileExists(atPath: checker.path) {
            let result = try run([checker.path] + checked)
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
