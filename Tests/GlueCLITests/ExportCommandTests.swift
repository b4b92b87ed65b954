import Foundation
import Testing

/// `localglue export JOB.json --target glue|pyspark`: the files it writes and prints, and its
/// AWS-style errors.
@Suite struct ExportCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let job = repository.appendingPathComponent("SampleData/jobs/rds-snapshot-orders.json").path

    @Test func glueTargetWritesScriptCreateJobAndRoleFiles() async throws {
        try await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake").path
            #expect(await runLocalGlue(["--lake", lake, "init"]).exitCode == 0)
            let catalog = Self.repository.appendingPathComponent("Catalog").path
            #expect(await runLocalGlue(["--lake", lake, "glue", "import-catalog", catalog]).exitCode == 0)
            let trust = Self.repository.appendingPathComponent("SampleData/iam/data-lake-test-job-role.trust-policy.json").path
            #expect(await runLocalGlue(["--lake", lake, "iam", "create-role", "--role-name", "data-lake-test-job-role", "--assume-role-policy-document", "file://" + trust]).exitCode == 0)

            let out = folder.appendingPathComponent("out").path
            let result = await runLocalGlue(["--lake", lake, "export", Self.job, "--target", "glue", "--output-dir", out])
            #expect(result.exitCode == 0, "\(result.error)")
            let printed = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String]])
            let names = (printed["Files"] ?? []).map { URL(fileURLWithPath: $0).lastPathComponent }
            #expect(names == ["rds-snapshot-orders.py", "rds-snapshot-orders.create-job.json", "rds-snapshot-orders.iam.sh", "rds-snapshot-orders.cloudformation.yaml"])
            for path in printed["Files"] ?? [] { #expect(FileManager.default.fileExists(atPath: path)) }
            let script = try String(contentsOfFile: out + "/rds-snapshot-orders.py", encoding: .utf8)
            #expect(script.contains("job.commit()"))

            let pyspark = await runLocalGlue(["--lake", lake, "export", Self.job, "--target", "pyspark", "--output-dir", out])
            #expect(pyspark.exitCode == 0, "\(pyspark.error)")
            #expect(FileManager.default.fileExists(atPath: out + "/rds-snapshot-orders.pyspark.py"))
        }
    }

    @Test func missingRoleIsNoSuchEntityAndWritesNothing() async {
        await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake").path
            #expect(await runLocalGlue(["--lake", lake, "init"]).exitCode == 0)
            #expect(await runLocalGlue(["--lake", lake, "glue", "import-catalog", Self.repository.appendingPathComponent("Catalog").path]).exitCode == 0)
            let out = folder.appendingPathComponent("out").path
            let result = await runLocalGlue(["--lake", lake, "export", Self.job, "--target", "glue", "--output-dir", out])
            #expect(result.exitCode == 254)
            #expect(result.error.contains("An error occurred (NoSuchEntity) when calling the GetRole operation:"))
            #expect(result.error.contains("data-lake-test-job-role"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func unknownTargetIsAUsageError() async {
        await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake").path
            #expect(await runLocalGlue(["--lake", lake, "init"]).exitCode == 0)
            let result = await runLocalGlue(["--lake", lake, "export", Self.job, "--target", "emr"])
            #expect(result.exitCode == 252)
            #expect(result.error.contains("--target"))
            let location = await runLocalGlue(["--lake", lake, "export", Self.job, "--target", "glue", "--script-location", "/tmp/job.py"])
            #expect(location.exitCode == 252)
            #expect(location.error.contains("--script-location"))
        }
    }
}
