import Foundation
import Testing

/// A `localglue run` killed with SIGKILL half-way: nothing it wrote is published, and the next
/// command that looks at runs reports the run FAILED.
@Suite struct KillTests {
    @Test("SIGKILL in the middle of a run leaves no object under the target; the next get-job-run reports FAILED")
    func killMidRun() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.appendingPathComponent("lake").path]
            func must(_ arguments: [String]) async throws -> String {
                let result = await runInProcess(arguments + lake)
                try #require(result.exitCode == 0, "\(arguments.prefix(3).joined(separator: " ")): \(result.error)")
                return result.output
            }
            _ = try await must(["init"])
            _ = try await must(["s3", "mb", "s3://in-bucket"])
            _ = try await must(["s3", "mb", "s3://out-bucket"])
            let input = folder.appendingPathComponent("input", isDirectory: true)
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            for (name, data) in try CaseRunner.files(key: "rows", content: ["GenerateCSV": ["Rows": 600_000, "Files": 120]]) {
                try data.write(to: input.appendingPathComponent(name))
            }
            _ = try await must(["s3", "cp", input.path, "s3://in-bucket/big/", "--recursive"])
            let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
            _ = try await must(["iam", "create-role", "--role-name", "job-role", "--assume-role-policy-document", trust])
            let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
            _ = try await must(["iam", "put-role-policy", "--role-name", "job-role", "--policy-name", "s3", "--policy-document", policy])
            let job = #"""
                {"Name": "killed", "Role": "job-role", "Command": {"Name": "glueetl"}, "CodeGenConfigurationNodes": {
                  "src": {"S3CsvSource": {"Name": "Big", "Paths": ["s3://in-bucket/big/"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}},
                  "out": {"S3DirectTarget": {"Name": "Out", "Inputs": ["src"], "Path": "s3://out-bucket/big/", "Format": "json", "PartitionKeys": [["name"]]}}}}
                """#
            let jobFile = folder.appendingPathComponent("job.json")
            try Data(job.utf8).write(to: jobFile)

            let (process, _, _) = try spawnBinary(["run", jobFile.path] + lake)
            // The run's driver log says when it is RUNNING. Polled with plain sleeps: the test's own
            // task pool may be busy with other suites' pipelines.
            let logs = folder.appendingPathComponent("lake/logs/killed", isDirectory: true)
            var runID: String?
            let deadline = Date().addingTimeInterval(60)
            while runID == nil, Date() < deadline, process.isRunning {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? [] {
                    let log = (try? String(contentsOf: logs.appendingPathComponent("\(name)/driver.log"), encoding: .utf8)) ?? ""
                    if log.contains(" RUNNING") { runID = name }
                }
                if runID == nil { usleep(5_000) }
            }
            let id = try #require(runID, "the run never reached RUNNING")
            #expect(process.isRunning, "the run ended before it could be killed")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

            let listed = jsonObject(try await must(["s3api", "list-objects-v2", "--bucket", "out-bucket"]))
            #expect((listed["Contents"] as? [Any] ?? []).isEmpty, "objects were published: \(listed)")
            let run = jsonObject(try await must(["glue", "get-job-run", "--job-name", "killed", "--run-id", id]))["JobRun"] as? [String: Any]
            #expect(run?["JobRunState"] as? String == "FAILED")
            let message = run?["ErrorMessage"] as? String ?? ""
            #expect(message.contains("ended before the run finished. No output of the run was committed."))
            #expect(run?["CompletedOn"] != nil)
        }
    }
}
