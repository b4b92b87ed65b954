import Foundation
import Testing

/// Plays one case file of `Cases/` against a fresh lake, through `localglue` commands only.
///
/// A case file is JSON:
///
/// | key | what |
/// | --- | --- |
/// | `Description` | what the case shows |
/// | `Buckets` | `{"bucket": {"key": CONTENT}}`; CONTENT is text, `{"Lines": [...]}`, `{"JsonLines": [objects]}`, `{"SampleData": "path"}` or `{"GenerateCSV": {"Rows": N, "Files": F}}` (`id,name,amount` rows in F files `key-0.csv`...) |
/// | `BucketPolicies` | `{"bucket": policy}` |
/// | `Catalog` | `{"ImportSample": true}` (the repository's `Catalog/`), `{"Databases": [DatabaseInput], "Tables": {"db": [TableInput]}, "Partitions": {"db.table": [PartitionInput]}}` |
/// | `Role` | `{"Name", "TrustedService", "Policies": {"name": policy}, "ManagedPolicies": [arn]}`; default: `job-role`, trusted by Glue, allowed `s3:*` and `glue:*` |
/// | `Job` | the CreateJob JSON |
/// | `Steps` | what to do and expect, in order (see ``run(_:)``) |
struct CaseRunner {
    static var allowAll: [String: Any] {
        ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["s3:*", "glue:*"], "Resource": "*"]]]
    }

    let name: String
    let spec: [String: Any]
    let folder: URL
    var runs: [String: String] = [:]
    var lastRunID: String?

    init(name: String, spec: [String: Any], folder: URL) {
        self.name = name
        self.spec = spec
        self.folder = folder
    }

    var lake: URL { folder.appendingPathComponent("lake", isDirectory: true) }
    var jobFile: URL { folder.appendingPathComponent("job.json") }
    var job: [String: Any] { spec["Job"] as? [String: Any] ?? [:] }
    var jobName: String { job["Name"] as? String ?? "" }
    var steps: [[String: Any]] { spec["Steps"] as? [[String: Any]] ?? [] }

    /// Runs a command in this process against the case's lake.
    func lg(_ arguments: [String]) async -> CommandResult {
        await runInProcess(arguments + ["--lake", lake.path])
    }

    /// Runs a command that must succeed.
    @discardableResult
    func must(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = await lg(arguments)
        try #require(result.exitCode == 0, "\(name): \(arguments.prefix(3).joined(separator: " ")) failed: \(result.error)", sourceLocation: sourceLocation)
        return result.output
    }

    // MARK: Set-up

    mutating func setUp() async throws {
        try await must(["init"])
        try await setUpBuckets()
        try await setUpCatalog()
        try await setUpRole()
        let data = try JSONSerialization.data(withJSONObject: job, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: jobFile)
        if steps.contains(where: { ($0["Step"] as? String) == "Start" }) {
            try await must(["glue", "create-job", "--cli-input-json", "file://" + jobFile.path])
        }
    }

    func setUpBuckets() async throws {
        let buckets = spec["Buckets"] as? [String: Any] ?? [:]
        for bucket in buckets.keys.sorted() {
            try await must(["s3", "mb", "s3://\(bucket)"])
            let objects = buckets[bucket] as? [String: Any] ?? [:]
            guard !objects.isEmpty else { continue }
            let staging = folder.appendingPathComponent("input", isDirectory: true).appendingPathComponent(bucket, isDirectory: true)
            for (key, content) in objects {
                for (name, data) in try Self.files(key: key, content: content) {
                    let file = staging.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: file)
                }
            }
            try await must(["s3", "cp", staging.path, "s3://\(bucket)/", "--recursive"])
        }
        let policies = spec["BucketPolicies"] as? [String: Any] ?? [:]
        for (bucket, policy) in policies {
            try await must(["s3api", "put-bucket-policy", "--bucket", bucket, "--policy", jsonText(policy)])
        }
    }

    /// The files of one `Buckets` entry: one, or `GenerateCSV`'s `Files` parts (`KEY-NNNN.csv`).
    static func files(key: String, content: Any) throws -> [(String, Data)] {
        guard let generate = (content as? [String: Any])?["GenerateCSV"] as? [String: Any] else { return [(key, try bytes(content))] }
        let rows = generate["Rows"] as? Int ?? 0
        let files = max(1, generate["Files"] as? Int ?? 1)
        let perFile = (rows + files - 1) / files
        return (0..<files).map { part in
            let first = part * perFile
            return ("\(key)-\(part).csv", generatedCSV(rows: first..<min(rows, first + perFile)))
        }
    }

    /// `id,name,amount` rows: `7,name-7,1.75`.
    static func generatedCSV(rows: Range<Int>) -> Data {
        var bytes = Array("id,name,amount\n".utf8)
        bytes.reserveCapacity(rows.count * 28)
        for row in rows {
            bytes += Array("\(row),name-\(row % 97),\(row / 4).\((row % 4) * 25)\n".utf8)
        }
        return Data(bytes)
    }

    static func bytes(_ content: Any) throws -> Data {
        if let text = content as? String { return Data(text.utf8) }
        let object = content as? [String: Any] ?? [:]
        if let lines = object["Lines"] as? [String] { return Data(lines.map { $0 + "\n" }.joined().utf8) }
        if let records = object["JsonLines"] as? [Any] { return Data(records.map { jsonText($0) + "\n" }.joined().utf8) }
        if let path = object["SampleData"] as? String {
            return try Data(contentsOf: repositoryRoot.appendingPathComponent("SampleData").appendingPathComponent(path))
        }
        Issue.record("unknown object content \(content)")
        return Data()
    }

    func setUpCatalog() async throws {
        guard let catalog = spec["Catalog"] as? [String: Any] else { return }
        if catalog["ImportSample"] as? Bool == true {
            try await must(["glue", "import-catalog", repositoryRoot.appendingPathComponent("Catalog").path])
        }
        let databases = catalog["Databases"] as? [[String: Any]] ?? []
        let tables = catalog["Tables"] as? [String: [[String: Any]]] ?? [:]
        if !databases.isEmpty || !tables.isEmpty {
            let root = folder.appendingPathComponent("catalog", isDirectory: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("databases"), withIntermediateDirectories: true)
            for database in databases {
                let name = database["Name"] as? String ?? "db"
                try JSONSerialization.data(withJSONObject: database).write(to: root.appendingPathComponent("databases/\(name).json"))
            }
            for (database, list) in tables {
                let tableFolder = root.appendingPathComponent("tables/\(database)", isDirectory: true)
                try FileManager.default.createDirectory(at: tableFolder, withIntermediateDirectories: true)
                for table in list {
                    let name = table["Name"] as? String ?? "table"
                    try JSONSerialization.data(withJSONObject: table).write(to: tableFolder.appendingPathComponent("\(name).json"))
                }
            }
            try await must(["glue", "import-catalog", root.path])
        }
        let partitions = catalog["Partitions"] as? [String: [Any]] ?? [:]
        for (qualified, list) in partitions {
            let parts = qualified.split(separator: ".").map(String.init)
            try #require(parts.count == 2, "Partitions keys are DB.TABLE")
            let output = try await must([
                "glue", "batch-create-partition", "--database-name", parts[0], "--table-name", parts[1], "--partition-input-list", jsonText(list),
            ])
            #expect((jsonObject(output)["Errors"] as? [Any] ?? []).isEmpty, "\(name): \(output)")
        }
    }

    func setUpRole() async throws {
        let role = spec["Role"] as? [String: Any] ?? [:]
        let roleName = role["Name"] as? String ?? "job-role"
        let service = role["TrustedService"] as? String ?? "glue.amazonaws.com"
        let trust: [String: Any] = [
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": service], "Action": "sts:AssumeRole"]],
        ]
        try await must(["iam", "create-role", "--role-name", roleName, "--assume-role-policy-document", jsonText(trust)])
        let policies = role["Policies"] as? [String: Any] ?? ["all": Self.allowAll]
        for (policyName, document) in policies {
            let text = (document as? String).map { path in
                (try? String(contentsOf: repositoryRoot.appendingPathComponent("SampleData").appendingPathComponent(path), encoding: .utf8)) ?? ""
            } ?? jsonText(document)
            try await must(["iam", "put-role-policy", "--role-name", roleName, "--policy-name", policyName, "--policy-document", text])
        }
        for arn in role["ManagedPolicies"] as? [String] ?? [] {
            try await must(["iam", "attach-role-policy", "--role-name", roleName, "--policy-arn", arn])
        }
    }

    // MARK: Steps

    /// Plays every step. Step kinds (`"Step"`):
    /// - `Run`: `localglue run JOB.json` (`Arguments`, `Environment` → the real binary); expects
    ///   `State` (default `SUCCEEDED`), every `ErrorContains` in the run's `ErrorMessage`, or with
    ///   `CommandErrorContains` a refused command (exit 254) whose message holds the text.
    /// - `Start`: `glue start-job-run` with the real binary (`As` names the run; `ErrorContains`
    ///   expects a refusal).
    /// - `WaitFor`: polls `get-job-run` until run `Run` is in one of `States`.
    /// - `Stop`: `batch-stop-job-run` of run `Run`.
    /// - `ExpectRuns`: `get-job-runs`: `States` newest first; `RetryChain` checks `Attempt` and
    ///   `PreviousRunId`.
    /// - `ExpectObjects`: the keys under `Location`: `Count`, and each matching one of `KeyPatterns`.
    /// - `ExpectRows`: the rows of the files under `Location` (`Format` json or parquet), with
    ///   partition folders as string columns, equal as a multiset to `Rows`.
    /// - `ExpectLines`: the text lines of the files under `Location` (`SkipHeader` drops each
    ///   file's first line), equal as a multiset to `Lines`.
    /// - `ExpectPartitions`: the `Values` of the partitions of `Database`.`Table`.
    /// - `ExpectTableColumns`: `name:type` of the table's columns.
    /// - `ExpectErrorRecords`: the last run's `error-records.jsonl` has `Count` lines, each holding `Contains`.
    /// - `PutRolePolicy`: replaces an inline policy of the role.
    mutating func runSteps() async throws {
        for (index, step) in steps.enumerated() {
            let kind = step["Step"] as? String ?? ""
            let label = "\(name) step \(index + 1) (\(kind))"
            switch kind {
            case "Run": try await runJob(step, label: label)
            case "Start": try await start(step, label: label)
            case "WaitFor": try await waitFor(step, label: label)
            case "Stop": try await stop(step, label: label)
            case "ExpectRuns": try await expectRuns(step, label: label)
            case "ExpectObjects": try await expectObjects(step, label: label)
            case "ExpectRows": try await expectRows(step, label: label)
            case "ExpectLines": try await expectLines(step, label: label)
            case "ExpectPartitions": try await expectPartitions(step, label: label)
            case "ExpectTableColumns": try await expectTableColumns(step, label: label)
            case "ExpectErrorRecords": try expectErrorRecords(step, label: label)
            case "PutRolePolicy":
                let role = (spec["Role"] as? [String: Any])?["Name"] as? String ?? "job-role"
                try await must([
                    "iam", "put-role-policy", "--role-name", role, "--policy-name", step["PolicyName"] as? String ?? "all",
                    "--policy-document", jsonText(step["Policy"] ?? [:]),
                ])
            default:
                Issue.record("\(label): unknown step kind")
            }
        }
    }

    func runArguments(_ step: [String: Any]) -> [String] {
        guard let arguments = step["Arguments"] as? [String: String], !arguments.isEmpty else { return [] }
        return ["--arguments", jsonText(arguments)]
    }

    mutating func runJob(_ step: [String: Any], label: String) async throws {
        let arguments = ["run", jobFile.path] + runArguments(step)
        let result: CommandResult
        if let environment = step["Environment"] as? [String: String] {
            result = try runBinary(arguments + ["--lake", lake.path], environment: environment)
        } else {
            result = await lg(arguments)
        }
        if let refused = step["CommandErrorContains"] as? String {
            #expect(result.exitCode == 254, "\(label): exit \(result.exitCode)")
            #expect(result.error.contains(refused), "\(label): \(result.error)")
            return
        }
        let run = try #require(jsonObject(result.output)["JobRun"] as? [String: Any], "\(label): no JobRun printed: \(result.error)")
        let state = step["State"] as? String ?? "SUCCEEDED"
        #expect(run["JobRunState"] as? String == state, "\(label): \(run["JobRunState"] ?? "?"): \(run["ErrorMessage"] ?? "")")
        #expect(result.exitCode == (state == "SUCCEEDED" ? 0 : 254), "\(label): exit \(result.exitCode)")
        for text in Self.strings(step["ErrorContains"]) {
            #expect((run["ErrorMessage"] as? String ?? "").contains(text), "\(label): ErrorMessage \(run["ErrorMessage"] ?? "none") lacks \(text)")
        }
        lastRunID = run["Id"] as? String
    }

    static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return value as? [String] ?? []
    }

    mutating func start(_ step: [String: Any], label: String) async throws {
        let result = try runBinary(["glue", "start-job-run", "--job-name", jobName] + runArguments(step) + ["--lake", lake.path])
        if let refused = step["ErrorContains"] as? String {
            #expect(result.exitCode == 254, "\(label): exit \(result.exitCode): \(result.output)")
            #expect(result.error.contains(refused), "\(label): \(result.error)")
            return
        }
        #expect(result.exitCode == 0, "\(label): \(result.error)")
        let id = try #require(jsonObject(result.output)["JobRunId"] as? String, "\(label): no JobRunId")
        runs[step["As"] as? String ?? "run"] = id
        lastRunID = id
    }

    func runID(_ step: [String: Any], label: String) throws -> String {
        try #require(runs[step["Run"] as? String ?? "run"], "\(label): unknown run \(step["Run"] ?? "run")")
    }

    func waitFor(_ step: [String: Any], label: String) async throws {
        let id = try runID(step, label: label)
        let states = Self.strings(step["States"])
        var state = ""
        let deadline = Date().addingTimeInterval(40)
        while Date() < deadline {
            let run = jsonObject(await lg(["glue", "get-job-run", "--job-name", jobName, "--run-id", id]).output)["JobRun"] as? [String: Any]
            state = run?["JobRunState"] as? String ?? ""
            if states.contains(state) { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(states.contains(state), "\(label): run is \(state), expected one of \(states)")
    }

    func stop(_ step: [String: Any], label: String) async throws {
        let id = try runID(step, label: label)
        let output = jsonObject(try await must(["glue", "batch-stop-job-run", "--job-name", jobName, "--job-run-ids", id]))
        #expect((output["SuccessfulSubmissions"] as? [Any])?.count == 1, "\(label): \(output)")
    }

    func expectRuns(_ step: [String: Any], label: String) async throws {
        let runs = jsonObject(try await must(["glue", "get-job-runs", "--job-name", jobName]))["JobRuns"] as? [[String: Any]] ?? []
        let states = Self.strings(step["States"])
        #expect(runs.compactMap { $0["JobRunState"] as? String } == states, "\(label)")
        if step["RetryChain"] as? Bool == true {
            for (index, run) in runs.enumerated() {
                #expect(run["Attempt"] as? Int == runs.count - 1 - index, "\(label): attempts")
                let previous = index + 1 < runs.count ? runs[index + 1]["Id"] as? String : nil
                #expect(run["PreviousRunId"] as? String == previous, "\(label): PreviousRunId of attempt \(run["Attempt"] ?? "?")")
            }
        }
        for text in Self.strings(step["ErrorContains"]) {
            let message = runs.first?["ErrorMessage"] as? String ?? ""
            #expect(message.contains(text), "\(label): \(runs.first?["ErrorMessage"] ?? "no message")")
        }
    }

    /// The keys under an `s3://bucket/prefix/` location, relative to the prefix.
    func keys(_ location: String) async throws -> (bucket: String, prefix: String, keys: [String]) {
        let trimmed = location.dropFirst("s3://".count)
        let bucket = String(trimmed.prefix { $0 != "/" })
        let prefix = String(trimmed.dropFirst(bucket.count + 1))
        let output = jsonObject(try await must(["s3api", "list-objects-v2", "--bucket", bucket, "--prefix", prefix]))
        let keys = (output["Contents"] as? [[String: Any]] ?? []).compactMap { $0["Key"] as? String }
        return (bucket, prefix, keys.map { String($0.dropFirst(prefix.count)) })
    }

    func expectObjects(_ step: [String: Any], label: String) async throws {
        let location = step["Location"] as? String ?? ""
        let listed = try await keys(location).keys
        if let count = step["Count"] as? Int {
            #expect(listed.count == count, "\(label): \(listed.count) objects under \(location): \(listed)")
        }
        if let minimum = step["AtLeast"] as? Int {
            #expect(listed.count >= minimum, "\(label): \(listed.count) objects under \(location)")
        }
        let patterns = try Self.strings(step["KeyPatterns"]).map { try Regex("^" + $0 + "$") }
        if !patterns.isEmpty {
            for key in listed {
                #expect(patterns.contains { key.wholeMatch(of: $0) != nil }, "\(label): key \(key) matches no pattern")
            }
        }
    }

    func expectRows(_ step: [String: Any], label: String) async throws {
        let location = step["Location"] as? String ?? ""
        let (bucket, prefix, listed) = try await keys(location)
        var rows: [String] = []
        for key in listed {
            let file = lake.appendingPathComponent("buckets/\(bucket)/\(prefix)\(key)")
            var lines: [Substring] = []
            if key.hasSuffix(".parquet") {
                let converted = folder.appendingPathComponent("converted-\(UUID().uuidString).json")
                let result = await runInProcess(["convert", file.path, converted.path])
                #expect(result.exitCode == 0, "\(label): convert \(key): \(result.error)")
                let text = (try? String(contentsOf: converted, encoding: .utf8)) ?? ""
                lines = text.split(separator: "\n")
            } else {
                lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            }
            var partition: [String: Any] = [:]
            for segment in key.split(separator: "/").dropLast() {
                let pair = segment.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { partition[String(pair[0])] = String(pair[1]).removingPercentEncoding ?? String(pair[1]) }
            }
            for line in lines where !line.isEmpty {
                var row = jsonObject(String(line))
                row.merge(partition) { existing, _ in existing }
                rows.append(RowText.canonical(row))
            }
        }
        let expected = (step["Rows"] as? [[String: Any]] ?? []).map(RowText.canonical)
        #expect(rows.sorted() == expected.sorted(), "\(label): rows under \(location):\n\(rows.sorted().joined(separator: "\n"))")
    }

    func expectLines(_ step: [String: Any], label: String) async throws {
        let location = step["Location"] as? String ?? ""
        let (bucket, prefix, listed) = try await keys(location)
        var lines: [String] = []
        for key in listed {
            let text = try String(contentsOf: lake.appendingPathComponent("buckets/\(bucket)/\(prefix)\(key)"), encoding: .utf8)
            let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
            lines += step["SkipHeader"] as? Bool == true ? Array(fileLines.dropFirst()) : fileLines
        }
        let expected = Self.strings(step["Lines"])
        #expect(lines.sorted() == expected.sorted(), "\(label): lines under \(location):\n\(lines.sorted().joined(separator: "\n"))")
    }

    func expectPartitions(_ step: [String: Any], label: String) async throws {
        let output = jsonObject(try await must([
            "glue", "get-partitions", "--database-name", step["Database"] as? String ?? "", "--table-name", step["Table"] as? String ?? "",
        ]))
        let values = (output["Partitions"] as? [[String: Any]] ?? []).compactMap { $0["Values"] as? [String] }.map { $0.joined(separator: "/") }
        let expected = (step["Values"] as? [[String]] ?? []).map { $0.joined(separator: "/") }
        #expect(values.sorted() == expected.sorted(), "\(label): partitions \(values)")
        if let location = step["LocationPrefix"] as? String {
            for partition in output["Partitions"] as? [[String: Any]] ?? [] {
                let stored = (partition["StorageDescriptor"] as? [String: Any])?["Location"] as? String ?? ""
                #expect(stored.hasPrefix(location), "\(label): partition location \(stored)")
            }
        }
    }

    func expectTableColumns(_ step: [String: Any], label: String) async throws {
        let output = jsonObject(try await must([
            "glue", "get-table", "--database-name", step["Database"] as? String ?? "", "--name", step["Table"] as? String ?? "",
        ]))
        let descriptor = (output["Table"] as? [String: Any])?["StorageDescriptor"] as? [String: Any]
        let columns = (descriptor?["Columns"] as? [[String: Any]] ?? []).map { "\($0["Name"] ?? ""):\($0["Type"] ?? "")" }
        #expect(columns == Self.strings(step["Columns"]), "\(label): columns \(columns)")
    }

    func expectErrorRecords(_ step: [String: Any], label: String) throws {
        let id = try #require(lastRunID, "\(label): no run yet")
        let file = lake.appendingPathComponent("logs/\(jobName)/\(id)/error-records.jsonl")
        let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(lines.count == step["Count"] as? Int, "\(label): \(lines.count) error records")
        for text in Self.strings(step["Contains"]) {
            #expect(lines.allSatisfy { $0.contains(text) }, "\(label): error records \(lines)")
        }
    }
}
