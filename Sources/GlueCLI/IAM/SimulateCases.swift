import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam simulate-cases FILE`: LocalGlue's extension. Decides every case of a JSON file
/// (CLI.md's format), prints one JSON line per case, and exits 1 when an expectation is not met.
struct SimulateCases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate-cases", abstract: "Decide a file of authorization cases and compare with their expectations (LocalGlue extension).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The cases file (a JSON array of cases; PATH or file://PATH).") var file: String

    func run() async throws {
        let path = file.hasPrefix("file://") ? file : "file://\(file)"
        let text = try ParameterInput.text(path, option: "FILE")
        let outcomes: [SimulationCaseRunner.Outcome]
        do {
            outcomes = try SimulationCaseRunner.run(json: text)
        } catch {
            throw error.during("SimulateCases")
        }
        for outcome in outcomes { Console.current.print(outcome.jsonLine) }
        if outcomes.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
