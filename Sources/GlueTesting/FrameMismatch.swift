/// Why a frame is not what a test expected: the message and a line diff (`-` expected, `+` actual).
///
/// Thrown by ``expectFrame(_:equals:order:)`` and ``GoldenFile``; a swift-testing or XCTest test
/// that throws it fails with this text.
public struct FrameMismatch: Error, CustomStringConvertible, Sendable {
    /// What differs, then the diff.
    public let description: String

    /// Creates the error from a summary and the two texts, with a line diff of them.
    public init(_ summary: String, expected: String, actual: String) {
        description = summary + "\n" + LineDiff.render(expected: expected, actual: actual)
    }
}
