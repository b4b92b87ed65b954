import Foundation

/// Where commands write their output: standard output and error by default, a buffer in tests.
public final class Console: Sendable {
    private let writeOutput: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    /// A console over the process's standard output and error.
    public static let standard = Console(
        output: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) })

    /// The console of the running command (a task-local, so tests can capture output).
    @TaskLocal public static var current: Console = .standard

    /// A console with custom writers.
    public init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        writeOutput = output
        writeError = error
    }

    /// Writes a line to standard output.
    public func print(_ line: String) { writeOutput(line + "\n") }

    /// Writes text to standard output without a newline.
    public func write(_ text: String) { writeOutput(text) }

    /// Writes a line to standard error.
    public func printError(_ line: String) { writeError(line + "\n") }

    /// Whether standard output is a terminal (progress lines only then).
    public var isTerminal: Bool { self === Console.standard && isatty(STDOUT_FILENO) != 0 }
}
