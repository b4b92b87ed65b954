/// A JSON record the reader rejected: it goes to the error output instead of the batches.
///
/// Mirrors a DynamicFrame error record: where it was, why, and the raw text. Rejected records never
/// stop the read and never shift the records after them.
public struct JSONErrorRecord: Sendable, Hashable, CustomStringConvertible {
    /// The name of the input (a path or key), as given to the reader.
    public var file: String
    /// The 1-based line on which the record starts.
    public var line: Int
    /// The byte offset of the record's first byte in the (decompressed) input.
    public var byteOffset: Int
    /// The JSON path of the problem inside the record (`$.a[2]`), or the column name.
    public var path: String?
    /// Why the record was rejected.
    public var reason: String
    /// The record's text (at most 1,024 bytes, invalid UTF-8 replaced).
    public var recordText: String

    /// Creates an error record.
    public init(file: String, line: Int, byteOffset: Int, path: String?, reason: String, recordText: String) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.path = path
        self.reason = reason
        self.recordText = recordText
    }

    /// `file:line (byte N, at PATH): reason`.
    public var description: String {
        var text = "\(file.isEmpty ? "<input>" : file):\(line) (byte \(byteOffset)"
        if let path { text += ", at \(path)" }
        return text + "): " + reason
    }
}
