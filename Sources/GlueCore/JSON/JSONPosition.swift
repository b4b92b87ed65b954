/// A place in a JSON text: 1-based line and column, and 0-based byte offset.
///
/// Columns count Unicode scalars from the start of the line, so a caret under a line printed in a
/// terminal points at the right character.
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 0-based offset in UTF-8 bytes.
    public var byteOffset: Int

    /// Creates a position.
    public init(line: Int, column: Int, byteOffset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `line L, column C`.
    public var description: String { "line \(line), column \(column)" }
}

/// Where a JSON value starts and ends in its text (`end` is just past the value's last byte).
public struct JSONSpan: Sendable, Hashable {
    /// The first byte of the value.
    public var start: JSONPosition
    /// Just after the last byte of the value.
    public var end: JSONPosition

    /// Creates a span.
    public init(start: JSONPosition, end: JSONPosition) {
        self.start = start
        self.end = end
    }
}

/// A JSON syntax error with its place; the `cause` of the `InvalidDataException` the parser throws.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, such as `expected ':' after an object key`.
    public var reason: String
    /// Where the problem was found.
    public var position: JSONPosition
    /// The path of the value being read when the problem was found.
    public var path: JSONPath

    /// Creates a syntax error.
    public init(reason: String, position: JSONPosition, path: JSONPath) {
        self.reason = reason
        self.position = position
        self.path = path
    }

    /// `REASON at line L, column C (byte B, path P)`.
    public var description: String {
        "\(reason) at \(position) (byte \(position.byteOffset), path \(path))"
    }
}
