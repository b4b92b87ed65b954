/// The one error type of LocalGlue: an AWS error code, a message, and where it happened.
///
/// Codes are spelled exactly as AWS spells them (`EntityNotFoundException`, `NoSuchKey`,
/// `AccessDenied`, ...), so an error printed by `localglue` reads like one printed by the AWS CLI:
///
/// ```
/// An error occurred (EntityNotFoundException) when calling the GetTable operation: Table orders not found.
/// ```
///
/// Each layer adds the codes it needs in an extension of ``GlueError/Code``; callers match them with
/// `catch GlueError.Code.noSuchKey { ... }` or `catch where error.code == .noSuchKey`.
public struct GlueError: Error, Sendable {
    /// The AWS error code, such as `EntityNotFoundException`.
    public var code: Code
    /// The human-readable message, as AWS would print it after the code.
    public var message: String
    /// The API operation that failed, in AWS's spelling (`GetTable`, `PutObject`), when known.
    public var operation: String?
    /// Outer-to-inner notes on what was being done, such as `"while reading s3://raw/a.csv"`.
    public var context: [String]
    /// The underlying error, when this one wraps another.
    public var cause: (any Error & Sendable)?
    /// Where in LocalGlue's sources the error was created, for `--debug` output.
    public var sourceLocation: SourceLocation

    /// Creates an error with a code and message.
    public init(
        _ code: Code,
        _ message: String,
        operation: String? = nil,
        cause: (any Error & Sendable)? = nil,
        fileID: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.operation = operation
        self.context = []
        self.cause = cause
        self.sourceLocation = SourceLocation(fileID: fileID, line: line)
    }

    /// Returns a copy that names the operation, unless one is already named.
    public func during(_ operation: String) -> GlueError {
        var copy = self
        if copy.operation == nil { copy.operation = operation }
        return copy
    }

    /// Returns a copy with one more note of context (outermost first).
    public func adding(context note: String) -> GlueError {
        var copy = self
        copy.context.insert(note, at: 0)
        return copy
    }

    /// A place in LocalGlue's own source code.
    public struct SourceLocation: Sendable, Hashable {
        /// The `#fileID` of the throw site.
        public var fileID: String
        /// The line of the throw site.
        public var line: Int
    }
}

extension GlueError {
    /// An AWS error code: an open set of strings, extended by each layer.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code exactly as AWS spells it.
        public var rawValue: String
        /// Creates a code from AWS's spelling.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from AWS's spelling.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Matches a thrown error against a code: `catch GlueError.Code.noSuchKey { ... }`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            (error as? GlueError)?.code == pattern
        }
    }
}

extension GlueError: CustomStringConvertible {
    /// The AWS CLI's one-line form, with the operation when known.
    public var description: String {
        if let operation {
            return "An error occurred (\(code.rawValue)) when calling the \(operation) operation: \(message)"
        }
        return "An error occurred (\(code.rawValue)): \(message)"
    }

    /// A multi-line description with the context chain, the cause and the source location.
    public var detailedDescription: String {
        var lines = [description]
        for note in context { lines.append("  \(note)") }
        if let cause { lines.append("  caused by: \(String(describing: cause))") }
        lines.append("  at \(sourceLocation.fileID):\(sourceLocation.line)")
        return lines.joined(separator: "\n")
    }
}
