/// A problem with LocalGlue's own configuration or with a file named on the command line: no
/// lake, an unreadable `file://` parameter, an invalid `config.json`. Exits with 253.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file or option.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
