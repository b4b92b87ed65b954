import Foundation
import GlueCore
import GlueExport
import GlueIAM
import GlueJobs
import GlueTesting
import Testing

/// Golden tests of the exported files: every node type, both targets, compared byte for byte
/// with the files under Golden/JOB/. Re-record on purpose with `LOCALGLUE_RECORD_GOLDEN=1 swift
/// test --filter GlueExportTests` and review the diff before committing.
@Suite struct ExportGoldenTests {
    /// The jobs exported, and the targets each one is refused for (tested in RefusalTests).
    static let jobs: [String] = [
        "SampleData/jobs/orders-csv-to-parquet.json",
        "SampleData/jobs/rds-snapshot-orders.json",
        "Benchmarks/workloads/W2.json",
        "Benchmarks/workloads/W3.json",
        "Benchmarks/workloads/W4.json",
        "Tests/GlueExportTests/Jobs/nodes-csv-mapping-filter.json",
        "Tests/GlueExportTests/Jobs/nodes-json-fields.json",
        "Tests/GlueExportTests/Jobs/nodes-join-union-aggregate.json",
        "Tests/GlueExportTests/Jobs/nodes-split-sql.json",
        "Tests/GlueExportTests/Jobs/nodes-catalog.json",
        "Tests/GlueExportTests/Jobs/nodes-glue-only.json",
        "Tests/GlueExportTests/Jobs/nodes-dropnull-placeholders.json",
        "Tests/GlueExportTests/Jobs/nodes-inferred-columns.json",
    ]

    /// Job and target pairs that are refused; their message is golden too.
    static let refused: Set<String> = []

    @Test(arguments: jobs, ExportTarget.allCases)
    func exportedFilesMatchTheGoldenFiles(path: String, target: ExportTarget) throws {
        let job = try ExportTestLake.job(path)
        let lake = try ExportTestLake()
        try lake.addEventPartitions()
        let key = "\(job.name)/\(target.rawValue)"
        do {
            let files = try lake.exporter(job).export(target)
            #expect(!Self.refused.contains(key), "\(key) was expected to be refused")
            for file in files {
                // Every file is checked (and recorded) even when an earlier one differs.
                do { try GoldenFile.check(file.contents, named: "\(job.name)/\(file.name)") } catch { Issue.record(error) }
            }
        } catch let error as GlueError {
            #expect(Self.refused.contains(key), "\(key) was refused: \(error)")
            try GoldenFile.check("\(error.code.rawValue): \(error.message)\n", named: "\(job.name)/\(target.rawValue).refused.txt")
        }
    }

    @Test func exportIsDeterministic() throws {
        let job = try ExportTestLake.job("Tests/GlueExportTests/Jobs/nodes-join-union-aggregate.json")
        for target in ExportTarget.allCases {
            let first = try ExportTestLake().exporter(job).export(target)
            let second = try ExportTestLake().exporter(job).export(target)
            #expect(first == second)
        }
    }

    @Test func fileNamesStayInTheOutputFolder() throws {
        var job = try ExportTestLake.job("Tests/GlueExportTests/Jobs/nodes-json-fields.json")
        job.name = ".team/nightly job"
        let names = try ExportTestLake().exporter(job).export(.glue).map(\.name)
        #expect(names == ["_team_nightly job.py", "_team_nightly job.create-job.json", "_team_nightly job.iam.sh", "_team_nightly job.cloudformation.yaml"])
    }

    @Test func policyPathsWithShellCharactersStayInSingleQuotes() throws {
        let lake = try ExportTestLake()
        // IAM paths may hold any printable ASCII; none of it may reach the shell unquoted.
        let odd = try lake.iam.createPolicy(
            policyName: "odd", policyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
            path: "/$(id)`id`\"/")
        try lake.iam.attachRolePolicy(roleName: "GlueJobRole", policyArn: odd.arn)
        let job = try ExportTestLake.job("Tests/GlueExportTests/Jobs/nodes-json-fields.json")
        let files = try lake.exporter(job).export(.glue)
        let script = try #require(files.first { $0.name.hasSuffix(".iam.sh") }).contents
        #expect(script.contains(#"--policy-arn "arn:aws:iam::${ACCOUNT_ID}:policy"'/$(id)`id`"/odd'"#))
        #expect(script.contains(#"--policy-arn "arn:aws:iam::${ACCOUNT_ID}:policy/glue-job-data""#))
    }

    @Test func scriptLocationDefaultsToGlueStudiosAssetsBucket() throws {
        let job = try ExportTestLake.job("SampleData/jobs/rds-snapshot-orders.json")
        let exporter = try ExportTestLake().exporter(job)
        #expect(exporter.defaultScriptLocation == "s3://aws-glue-assets-123456789012-us-east-1/scripts/rds-snapshot-orders.py")
        let files = try exporter.export(.glue, scriptLocation: "s3://my-scripts/jobs/orders.py")
        let createJob = try #require(files.first { $0.name == "rds-snapshot-orders.create-job.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(createJob.contents.utf8)) as? [String: Any])
        let command = try #require(object["Command"] as? [String: Any])
        #expect(command["ScriptLocation"] as? String == "s3://my-scripts/jobs/orders.py")
        #expect(command["Name"] as? String == "glueetl")
        #expect(object["JobMode"] as? String == "SCRIPT")
        #expect(object["CodeGenConfigurationNodes"] == nil)
    }
}
