import ArgumentParser
import Foundation
import GlueCore

/// The `localglue` command: AWS Glue-style ETL jobs on one machine, with a CLI that mirrors
/// `aws glue | s3 | s3api | iam | kms | accessanalyzer`.
public struct LocalGlueCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "localglue",
        abstract: "Run AWS Glue-style ETL jobs locally, with Glue's semantics and IAM policies enforced.",
        discussion: """
            Commands mirror the AWS CLI: replace `aws` with `localglue`. State lives in a lake folder \
            (--lake, $LOCALGLUE_LAKE, or ./.localglue): a SQLite database and one folder per bucket.
            Errors print as the AWS CLI prints them and exit with 254; usage errors exit with 252, \
            configuration problems with 253.
            """,
        version: LocalGlueCommand.version,
        subcommands: LocalGlueCommand.serviceCommands + [Init.self, Run.self, Convert.self, Export.self]
    )

    /// The version printed by `--version` and written into files as `created_by`.
    public static let version = "0.1.0"

    /// The service command groups (`glue`, `s3`, `s3api`, `iam`, ...), in help order.
    static let serviceCommands: [any ParsableCommand.Type] = [
        GlueService.self,
        S3Service.self,
        S3APIService.self,
        KMSService.self,
        IAMService.self,
        AccessAnalyzerService.self,
    ]

    public init() {}

    /// Parses and runs a command line, printing errors as the AWS CLI does, and returns the exit code.
    ///
    /// | code | meaning |
    /// | --- | --- |
    /// | 0 | success (and `--help`) |
    /// | 252 | usage error |
    /// | 253 | configuration error (no lake, unreadable file) |
    /// | 254 | the service returned an error (any AWS-coded ``GlueError``) |
    /// | 255 | anything else |
    public static func execute(_ arguments: [String], console: Console = .standard) async -> Int32 {
        await Console.$current.withValue(console) {
            let normalized = GlobalOptions.normalize(arguments)
            let debug = normalized.contains("--debug")
            do {
                var command = try parseAsRoot(normalized)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch let error as GlueError {
                console.printError(debug ? error.detailedDescription : error.description)
                return 254
            } catch let error as ConfigurationError {
                console.printError(error.message)
                return 253
            } catch let error as ParameterError {
                console.printError(error.description)
                return 252
            } catch {
                let code = exitCode(for: error)
                let message = fullMessage(for: error)
                if code == .success {
                    if !message.isEmpty { console.print(message) }
                    return 0
                }
                if code == .validationFailure {
                    console.printError(message)
                    return 252
                }
                if error is ExitCode {
                    return code.rawValue
                }
                console.printError(message.isEmpty ? "\(error)" : message)
                return 255
            }
        }
    }
}
