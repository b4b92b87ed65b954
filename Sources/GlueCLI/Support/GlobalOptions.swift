import ArgumentParser

/// The options every `localglue` command accepts, before or after the service word.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// The lake folder.
    @Option(name: .long, help: ArgumentHelp("The lake folder (default ./.localglue, or $LOCALGLUE_LAKE).", valueName: "dir"))
    public var lake: String?

    /// The output format.
    @Option(name: .long, help: "The output format: json (default), table or text.")
    public var output: OutputFormat = .json

    /// The role to act as.
    @Option(
        name: .customLong("as-role"),
        help: ArgumentHelp(
            "Act as an assumed-role session of this role (name or ARN); every call is authorized against its policies.",
            valueName: "role"))
    public var asRole: String?

    /// Whether to print detailed errors.
    @Flag(name: .long, help: "Print errors with their context chain and cause.")
    public var debug = false

    public init() {}

    /// The option names that take a value, for moving global options given before the service word.
    static let valueOptionNames: Set<String> = ["--lake", "--output", "--as-role"]
    /// The flag names, for the same purpose.
    static let flagNames: Set<String> = ["--debug"]

    /// Moves global options that appear before the command words to the end, so that
    /// `localglue --lake X s3 ls` and `localglue s3 ls --lake X` mean the same.
    static func normalize(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valueOptionNames.contains(name) {
                leading.append(argument)
                if !argument.contains("="), index + 1 < arguments.count {
                    leading.append(arguments[index + 1])
                    index += 1
                }
                index += 1
            } else if flagNames.contains(argument) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        if let terminator = rest.firstIndex(of: "--") {
            rest.insert(contentsOf: leading, at: terminator)
        } else {
            rest.append(contentsOf: leading)
        }
        return rest
    }
}

/// The `--output` formats of the AWS CLI.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case json
    case table
    case text
}
