import Foundation
@testable import GlueCLI
import Testing

@Suite struct CommandLineTests {
    @Test("init creates the lake and prints its account and region as the AWS CLI prints JSON")
    func initLake() async throws {
        await withTemporaryDirectory { folder in
            let lake = folder.appendingPathComponent("lake").path
            let result = await runLocalGlue(["init", "--lake", lake, "--account-id", "444455556666", "--region", "eu-west-1"])
            #expect(result.exitCode == 0)
            #expect(result.output == """
                {
                    "AccountId": "444455556666",
                    "Lake": "\(lake)",
                    "Region": "eu-west-1"
                }

                """)
            for name in ["config.json", "lake.sqlite", "buckets", "logs"] {
                #expect(FileManager.default.fileExists(atPath: lake + "/" + name))
            }
            // Re-initializing with another account is a configuration error and changes nothing.
            let again = await runLocalGlue(["--lake", lake, "init", "--account-id", "111122223333"])
            #expect(again.exitCode == 253)
            #expect(again.error.contains("already exists for account 444455556666"))
        }
    }

    @Test("Global options work before and after the command words")
    func globalOptionPlacement() async throws {
        await withTemporaryDirectory { folder in
            let lake = folder.path + "/l"
            let before = await runLocalGlue(["--lake", lake, "--output", "text", "init"])
            #expect(before.exitCode == 0)
            #expect(before.output == "123456789012\t\(lake)\tus-east-1\n")
            let after = await runLocalGlue(["init", "--output=table", "--lake=\(lake)"])
            #expect(after.exitCode == 0)
            #expect(after.output.contains("| AccountId | 123456789012 "))
        }
        #expect(GlobalOptions.normalize(["--lake", "x", "--debug", "s3", "ls"]) == ["s3", "ls", "--lake", "x", "--debug"])
        #expect(GlobalOptions.normalize(["s3", "ls", "--lake", "x"]) == ["s3", "ls", "--lake", "x"])
        #expect(GlobalOptions.normalize(["--output=json", "run", "--", "--lake"]) == ["run", "--output=json", "--", "--lake"])
    }

    @Test("Exit codes: usage 252, configuration 253, service error 254, help 0")
    func exitCodes() async throws {
        #expect(await runLocalGlue(["no-such-command"]).exitCode == 252)
        #expect(await runLocalGlue(["init", "--output", "yaml"]).exitCode == 252)
        let help = await runLocalGlue(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.output.contains("USAGE: localglue"))
        let missing = await runLocalGlue(["convert", "/nonexistent/in.csv", "/tmp/out.parquet"])
        #expect(missing.exitCode == 253)
        #expect(missing.error.contains("/nonexistent/in.csv"))
        await withTemporaryDirectory { folder in
            let badAccount = await runLocalGlue(["init", "--lake", folder.path + "/x", "--account-id", "12"])
            #expect(badAccount.exitCode == 254)
            #expect(badAccount.error.hasPrefix("An error occurred (InvalidInputException)"))
            let unknownFormat = await runLocalGlue(["convert", folder.path, folder.path + "/out.xyz", "--input-format", "csv"])
            #expect(unknownFormat.exitCode == 252)
        }
    }

    @Test("JSON keys lose the space before the colon; string values are untouched")
    func jsonSpacing() {
        #expect(OutputPrinter.tightenKeySeparator("\"a\" : \"b : c\"") == "\"a\": \"b : c\"")
        #expect(OutputPrinter.tightenKeySeparator("\"a\\\" : x\" : 1") == "\"a\\\" : x\": 1")
        #expect(OutputPrinter.tightenKeySeparator("\"plain string : value\"") == "\"plain string : value\"")
        #expect(OutputPrinter.awsTimestamp(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250000+00:00")
    }

    @Test("Format options accept strings, booleans and numbers")
    func formatOptions() throws {
        let options = try FormatOptions.parse(#"{"separator": "|", "withHeader": true, "skipFirst": false}"#)
        #expect(options["separator"] == "|")
        #expect(try options.bool("withHeader", default: false))
        #expect(try !options.bool("skipFirst", default: true))
        #expect(try options.bool("multiLine", default: true))
        #expect(throws: ParameterError.self) { try FormatOptions.parse("[1]") }
        #expect(FileFormat.inferred(from: "x.CSV.gz") == .csv)
        #expect(FileFormat.inferred(from: "part-0.snappy.parquet") == .parquet)
        #expect(FileFormat.inferred(from: "a.jsonl") == .json)
        #expect(FileFormat.inferred(from: "a.bin") == nil)
    }
}

@Suite struct JSONLayoutTests {
    @Test("Empty objects and arrays print as {} and [] like the AWS CLI")
    func emptyContainers() {
        #expect(OutputPrinter.reindent("{\n  \"a\" : {\n\n  },\n  \"b\" : [\n\n  ]\n}") == "{\n    \"a\": {},\n    \"b\": []\n}")
    }
}

@Suite struct ConvertOverwriteTests {
    @Test("convert replaces an existing output, even an empty one")
    func overwrite() async throws {
        try await withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("in.csv")
            try Data("id,text\n".utf8).write(to: input)
            let output = folder.appendingPathComponent("out.jsonl").path
            for _ in 0..<2 {
                let result = await runLocalGlue(["convert", input.path, output, "--schema", "id int, text string"])
                #expect(result.exitCode == 0, "\(result.error)")
            }
            #expect(FileManager.default.fileExists(atPath: output))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.csv", "out.jsonl"])
        }
    }
}
