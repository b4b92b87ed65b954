import Foundation
import GlueCLI
import Testing

let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SampleData")

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

/// Runs the real binary and returns its exit code and output.
func runBinary(_ arguments: [String]) throws -> CommandResult {
    let binary = try #require(localglueBinary(), "the localglue binary is not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(exitCode: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData, as: UTF8.self))
}

func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
}

@Suite struct JobCommandTests {
    @Test("create-job, get-job, list-jobs, update-job and delete-job mirror Glue's job API")
    func jobDefinitions() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.path]
            let jobFile = sampleData.appendingPathComponent("jobs/orders-csv-to-parquet.json").path
            let created = await runLocalGlue(["glue", "create-job", "--cli-input-json", "file://" + jobFile] + lake)
            #expect(created.exitCode == 0, "\(created.error)")
            #expect(jsonObject(created.output)["Name"] as? String == "orders-csv-to-parquet")
            let again = await runLocalGlue(["glue", "create-job", "--cli-input-json", "file://" + jobFile] + lake)
            #expect(again.exitCode == 254)
            #expect(again.error == "An error occurred (AlreadyExistsException) when calling the CreateJob operation: Job with name orders-csv-to-parquet already exists\n")
            let fetched = await runLocalGlue(["glue", "get-job", "--job-name", "orders-csv-to-parquet"] + lake)
            let job = try #require(jsonObject(fetched.output)["Job"] as? [String: Any])
            #expect(job["JobMode"] as? String == "VISUAL")
            #expect(job["CreatedOn"] is String)
            #expect((job["CodeGenConfigurationNodes"] as? [String: Any])?.count == 4)
            let simple = await runLocalGlue(["glue", "create-job", "--name", "nightly", "--role", "r", "--command", #"{"Name":"glueetl","ScriptLocation":"s3://s/n.py"}"#, "--timeout", "30"] + lake)
            #expect(simple.exitCode == 0, "\(simple.error)")
            let listed = await runLocalGlue(["glue", "list-jobs", "--output", "text"] + lake)
            #expect(listed.output == "JOBNAMES\tnightly\torders-csv-to-parquet\n")
            let updated = await runLocalGlue(["glue", "update-job", "--job-name", "nightly", "--job-update", #"{"Role":"r2","Command":{"Name":"glueetl"}}"#] + lake)
            #expect(updated.exitCode == 0, "\(updated.error)")
            let afterUpdate = jsonObject(await runLocalGlue(["glue", "get-job", "--job-name", "nightly"] + lake).output)["Job"] as? [String: Any]
            #expect(afterUpdate?["Role"] as? String == "r2")
            #expect(afterUpdate?["Timeout"] == nil)
            let invalid = await runLocalGlue(["glue", "create-job", "--name", "x", "--role", "r", "--command", "{}", "--timeout", "0"] + lake)
            #expect(invalid.exitCode == 254)
            #expect(invalid.error.contains("Timeout must be between 1 and 10080"))
            #expect(await runLocalGlue(["glue", "delete-job", "--job-name", "nightly"] + lake).exitCode == 0)
            #expect(await runLocalGlue(["glue", "get-job", "--job-name", "nightly"] + lake).exitCode == 254)
        }
    }

    @Test("start-job-run returns a jr_ ID at once; a background process runs it and retries it")
    func backgroundRun() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.path]
            _ = try runBinary(["glue", "create-job", "--name", "script", "--role", "r", "--command", #"{"Name":"glueetl","ScriptLocation":"s3://s/n.py"}"#, "--max-retries", "1"] + lake)
            let started = try runBinary(["glue", "start-job-run", "--job-name", "script", "--arguments", #"{"--day":"2026-11-22"}"#] + lake)
            #expect(started.exitCode == 0, "\(started.error)")
            let runID = try #require(jsonObject(started.output)["JobRunId"] as? String)
            #expect(runID.hasPrefix("jr_") && runID.count == 67)
            var runs: [[String: Any]] = []
            for _ in 0..<200 {
                runs = jsonObject(try runBinary(["glue", "get-job-runs", "--job-name", "script"] + lake).output)["JobRuns"] as? [[String: Any]] ?? []
                if runs.count == 2, runs.allSatisfy({ ($0["JobRunState"] as? String) == "FAILED" }) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(runs.count == 2)
            #expect(runs.first?["Attempt"] as? Int == 1)
            #expect(runs.first?["PreviousRunId"] as? String == runID)
            #expect((runs.last?["ErrorMessage"] as? String)?.contains("is a script job") == true)
            #expect((runs.last?["Arguments"] as? [String: String]) == ["--day": "2026-11-22"])
            let log = try String(contentsOf: folder.appendingPathComponent("logs/script/\(runID)/driver.log"), encoding: .utf8)
            #expect(log.contains("RUNNING") && log.contains("FAILED"))
            let stop = try runBinary(["glue", "batch-stop-job-run", "--job-name", "script", "--job-run-ids", runID, "jr_missing"] + lake)
            let stopOutput = jsonObject(stop.output)
            #expect((stopOutput["SuccessfulSubmissions"] as? [Any])?.isEmpty == true)
            #expect((stopOutput["Errors"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test("run prints the JobRun and exits 254 with the ErrorMessage when the run fails")
    func foregroundRunFailure() async throws {
        try await withTemporaryDirectory { folder in
            let jobFile = folder.appendingPathComponent("job.json")
            try Data(#"{"Name":"script","Role":"r","Command":{"Name":"glueetl","ScriptLocation":"s3://s/x.py"}}"#.utf8).write(to: jobFile)
            let result = await runLocalGlue(["run", jobFile.path, "--lake", folder.path + "/lake"])
            #expect(result.exitCode == 254)
            let run = try #require(jsonObject(result.output)["JobRun"] as? [String: Any])
            #expect(run["JobRunState"] as? String == "FAILED")
            #expect(result.error.contains("FAILED: An error occurred (InvalidInputException): Job script is a script job"))
        }
    }
}
