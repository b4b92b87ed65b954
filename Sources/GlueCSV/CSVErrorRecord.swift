/// A CSV record the reader rejected: it goes to the error output instead of the batches.
///
/// Mirrors a DynamicFrame error record (`errorsAsDynamicFrame()`): where it was, why, and the raw
/// text. Rejected records never stop the read and never shift the records after them.
public struct CSVErrorRecord: Sendable, Hashable, CustomStringConvertible {
    /// The name of the input (a path or key), as given to the reader.
    public var file: String
    /// The 1-based line on which the record starts.
    public var line: Int
    /// The byte offset of the record's first byte in the (decompressed) input.
    public var byteOffset: Int
    /// The 0-based column the problem is in, when it is one value's.
    public var column: Int?
    /// Why the record was rejected.
    public var reason: String
    /// The record's text (at most ``maximumRecordTextLength`` bytes, invalid UTF-8 replaced).
    public var recordText: String

    /// The longest raw text kept on an error record.
    public static let maximumRecordTextLength = 1_024

    /// Creates an error record.
    public init(file: String, line: Int, byteOffset: Int, column: Int?, reason: String, recordText: String) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.column = column
        self.reason = reason
        self.recordText = recordText
    }

    /// `file:line (byte N, column C): reason`.
    public var description: String {
        var text = "\(file.isEmpty ? "<input>" : file):\(line) (byte \(byteOffset)"
        if let column { text += ", column \(column)" }
        return text + "): " + reason
    }
}
