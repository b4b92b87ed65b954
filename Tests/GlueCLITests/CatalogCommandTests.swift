import Foundation
import GlueCLI
import Synchronization
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `glue` catalog commands end to end, their output checked against botocore's Glue model.
@Suite struct CatalogCommandTests {
    /// Runs a command in-process against a lake and expects success.
    func glue(_ lake: URL, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async -> String {
        let result = await runLocalGlue(["glue"] + arguments + ["--lake", lake.path])
        #expect(result.exitCode == 0, "\(arguments.first ?? ""): \(result.error)", sourceLocation: sourceLocation)
        return result.output
    }

    @Test("import-catalog loads Catalog/; get-database(s), get-table(s), get-partitions answer with Glue's shapes")
    func importAndQuery() async throws {
        try await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake")
            let imported = jsonObject(await glue(lake, ["import-catalog", repositoryRoot.appendingPathComponent("Catalog").path]))
            #expect((imported["TablesCreated"] as? [String])?.contains("data_lake_snapshot.sales_orders") == true)
            let again = jsonObject(await glue(lake, ["import-catalog", repositoryRoot.appendingPathComponent("Catalog").path]))
            #expect((again["TablesUpdated"] as? [String])?.count == (imported["TablesCreated"] as? [String])?.count)

            let table = jsonObject(await glue(lake, ["get-table", "--database-name", "data_lake_snapshot", "--name", "SALES_ORDERS"]))
            let tableBody = table["Table"] as? [String: Any]
            #expect(tableBody?["Name"] as? String == "sales_orders")
            #expect(tableBody?["VersionId"] as? String == "2")

            let tables = jsonObject(await glue(lake, ["get-tables", "--database-name", "data_lake_snapshot", "--expression", "sales_*"]))
            #expect((tables["TableList"] as? [[String: Any]])?.compactMap { $0["Name"] as? String } == ["sales_customers", "sales_orders"])

            let partitions = (1...3).map { day in
                #"{"Values": ["2024", "10", "2\#(day)"], "StorageDescriptor": {"Location": "s3://sagemaker-rawdata/raw/events/2024/10/2\#(day)/"}}"#
            }
            let created = jsonObject(await glue(lake, [
                "batch-create-partition", "--database-name", "sagemaker_rawdata", "--table-name", "events",
                "--partition-input-list", "[" + partitions.joined(separator: ",") + "]",
            ]))
            #expect((created["Errors"] as? [Any])?.isEmpty == true)
            let selected = jsonObject(await glue(lake, [
                "get-partitions", "--database-name", "sagemaker_rawdata", "--table-name", "events",
                "--expression", "partition_2 >= '22'",
            ]))
            #expect((selected["Partitions"] as? [[String: Any]])?.count == 2)
            let one = jsonObject(await glue(lake, [
                "get-partition", "--database-name", "sagemaker_rawdata", "--table-name", "events", "--partition-values", "2024", "10", "21",
            ]))
            #expect((one["Partition"] as? [String: Any])?["Values"] as? [String] == ["2024", "10", "21"])

            let missing = await runLocalGlue(["glue", "get-table", "--database-name", "data_lake_snapshot", "--name", "nope", "--lake", lake.path])
            #expect(missing.exitCode == 254)
            #expect(missing.error.contains("An error occurred (EntityNotFoundException) when calling the GetTable operation: Table nope not found."))

            guard let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"] else {
                print("CatalogCommandTests: LOCALGLUE_PYTHON is not set; skipping the botocore shape checks (make test runs them)")
                return
            }
            let outputs: [(String, [String])] = [
                ("GetTable", ["get-table", "--database-name", "sagemaker_rawdata", "--name", "events"]),
                ("GetTables", ["get-tables", "--database-name", "data_lake_snapshot"]),
                ("GetPartitions", ["get-partitions", "--database-name", "sagemaker_rawdata", "--table-name", "events", "--expression", "partition_0 = '2024'"]),
                ("GetPartition", ["get-partition", "--database-name", "sagemaker_rawdata", "--table-name", "events", "--partition-values", "2024", "10", "22"]),
                ("GetDatabase", ["get-database", "--name", "data_lake_target"]),
                ("GetDatabases", ["get-databases"]),
                ("GetTableVersions", ["get-table-versions", "--database-name", "data_lake_target", "--table-name", "orders"]),
                ("BatchCreatePartition", ["batch-create-partition", "--database-name", "sagemaker_rawdata", "--table-name", "events", "--partition-input-list", #"[{"Values": ["2024", "10", "21"]}]"#]),
            ]
            for (operation, arguments) in outputs {
                let file = folder.appendingPathComponent("\(operation).json")
                try await glue(lake, arguments).write(to: file, atomically: true, encoding: .utf8)
                let check = try runPython(python, ["validate", operation, file.path])
                #expect(check.exitCode == 0, "\(operation): \(check.output)")
            }
        }
    }

    @Test("create-table accepts every TableInput member botocore's model allows, and get-table returns them")
    func everyTableInputMember() async throws {
        guard let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"] else {
            print("CatalogCommandTests: LOCALGLUE_PYTHON is not set; skipping the TableInput check (make test runs it)")
            return
        }
        try await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake")
            let input = folder.appendingPathComponent("table-input.json")
            let generated = try runPython(python, ["table-input", input.path])
            #expect(generated.exitCode == 0, "\(generated.output)")
            _ = await glue(lake, ["create-database", "--database-input", #"{"Name": "shapes"}"#])
            _ = await glue(lake, ["create-table", "--database-name", "shapes", "--table-input", "file://" + input.path])
            let output = folder.appendingPathComponent("GetTable.json")
            try await glue(lake, ["get-table", "--database-name", "shapes", "--name", "every_member"]).write(to: output, atomically: true, encoding: .utf8)
            let roundTrip = try runPython(python, ["round-trip", input.path, output.path])
            #expect(roundTrip.exitCode == 0, "\(roundTrip.output)")
            let shape = try runPython(python, ["validate", "GetTable", output.path])
            #expect(shape.exitCode == 0, "\(shape.output)")
        }
    }

    @Test("Two localglue processes writing partitions to one lake at once lose nothing")
    func twoProcesses() async throws {
        guard localglueBinary() != nil else {
            print("CatalogCommandTests: the localglue binary is not built next to the tests; skipping the two-process test")
            return
        }
        try await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake").path
            _ = try runBinary(["glue", "create-database", "--database-input", #"{"Name": "shared"}"#, "--lake", lake])
            let table = #"{"Name": "t", "PartitionKeys": [{"Name": "writer", "Type": "string"}, {"Name": "n", "Type": "int"}]}"#
            let created = try runBinary(["glue", "create-table", "--database-name", "shared", "--table-input", table, "--lake", lake])
            #expect(created.exitCode == 0, "\(created.error)")
            let failures = Capture()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                for batch in 0..<4 {
                    let list = (0..<50).map { #"{"Values": ["w\#(writer)", "\#(batch * 50 + $0)"]}"# }
                    do {
                        let result = try runBinary([
                            "glue", "batch-create-partition", "--database-name", "shared", "--table-name", "t",
                            "--partition-input-list", "[" + list.joined(separator: ",") + "]", "--lake", lake,
                        ])
                        if result.exitCode != 0 || !result.output.contains("\"Errors\": []") {
                            failures.error.withLock { $0 += "writer \(writer) batch \(batch): \(result.error)\(result.output)\n" }
                        }
                    } catch {
                        failures.error.withLock { $0 += "writer \(writer): \(error)\n" }
                    }
                }
            }
            #expect(failures.error.withLock { $0 }.isEmpty, "\(failures.error.withLock { $0 })")
            let all = try runBinary(["glue", "get-partitions", "--database-name", "shared", "--table-name", "t", "--lake", lake])
            #expect((jsonObject(all.output)["Partitions"] as? [Any])?.count == 400)
        }
    }

    func runPython(_ python: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryRoot.appendingPathComponent("Tests/GlueCatalogTests/botocore_shapes.py").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(exitCode: process.terminationStatus, output: String(decoding: data, as: UTF8.self), error: "")
    }
}
