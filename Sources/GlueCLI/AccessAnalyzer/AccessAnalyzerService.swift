import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue accessanalyzer ...`: IAM Access Analyzer's policy validation.
struct AccessAnalyzerService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessanalyzer",
        abstract: "IAM Access Analyzer: validate policies.",
        subcommands: [ValidatePolicy.self])
}
