import GlueCore

/// The CSV dialect and read/write switches, under Glue's `format_options` names.
///
/// Mirrors the `csv` format options of `create_dynamic_frame.from_options` and
/// `write_dynamic_frame.from_options`: `separator`, `quoteChar` (`-1` disables quoting),
/// `escaper`, `withHeader`, `writeHeader`, `skipFirst`, `multiLine`, plus `compression` and
/// Spark's `nullValue`.
public struct CSVOptions: Sendable, Hashable {
    /// The field separator: any single byte (`,`, `|`, `\t`, `;`, `\u{1}`). Default `,`.
    public var separator: UInt8
    /// The quote byte, or `nil` when quoting is disabled (`quoteChar: "-1"`). Default `"`.
    public var quoteChar: UInt8?
    /// A byte that makes the next byte literal (read), and escapes the quote (write). Default none.
    public var escaper: UInt8?
    /// Whether the first record is a header (read). Glue's default is `false`.
    public var withHeader: Bool
    /// Whether the writer emits a header record. Glue's default is `true`.
    public var writeHeader: Bool
    /// Whether to skip the first data record (read).
    public var skipFirst: Bool
    /// Whether a quoted field may hold line breaks, so one record may span lines. Default `false`:
    /// a line break always ends the record, as in Glue.
    public var multiLine: Bool
    /// A token read as null in every column (in addition to the empty unquoted field), and
    /// written for nulls when set. Spark's `nullValue`.
    public var nullValue: [UInt8]?
    /// File-level compression of the bytes.
    public var compression: CSVCompression

    /// Creates options; every parameter defaults to Glue's default.
    public init(
        separator: UInt8 = UInt8(ascii: ","),
        quoteChar: UInt8? = UInt8(ascii: "\""),
        escaper: UInt8? = nil,
        withHeader: Bool = false,
        writeHeader: Bool = true,
        skipFirst: Bool = false,
        multiLine: Bool = false,
        nullValue: [UInt8]? = nil,
        compression: CSVCompression = .none
    ) {
        self.separator = separator
        self.quoteChar = quoteChar
        self.escaper = escaper
        self.withHeader = withHeader
        self.writeHeader = writeHeader
        self.skipFirst = skipFirst
        self.multiLine = multiLine
        self.nullValue = nullValue
        self.compression = compression
    }

    /// Reads Glue's `format_options` (values as text: `"true"`, `"|"`, `"-1"`).
    ///
    /// Unknown keys are ignored, as Glue ignores them.
    ///
    /// - Throws: `InvalidInputException` for a separator, quote or escaper that is not one byte,
    ///   a quote equal to the separator, a boolean that is not `true`/`false`, or an unknown
    ///   compression.
    public init(formatOptions: [String: String]) throws(GlueError) {
        self.init()
        for (key, value) in formatOptions {
            switch key {
            case "separator", "sep", "delimiter":
                separator = try CSVOptions.singleByte(value, option: key)
            case "quoteChar", "quote":
                if value == "-1" || value.isEmpty { quoteChar = nil } else { quoteChar = try CSVOptions.singleByte(value, option: key) }
            case "escaper", "escape":
                escaper = value.isEmpty ? nil : try CSVOptions.singleByte(value, option: key)
            case "withHeader", "header": withHeader = try CSVOptions.flag(value, option: key)
            case "writeHeader": writeHeader = try CSVOptions.flag(value, option: key)
            case "skipFirst": skipFirst = try CSVOptions.flag(value, option: key)
            case "multiLine", "multiline": multiLine = try CSVOptions.flag(value, option: key)
            case "nullValue": nullValue = value.isEmpty ? nil : Array(value.utf8)
            case "compression", "compressionType":
                guard let parsed = CSVCompression(rawValue: value.lowercased()) else {
                    throw GlueError(.invalidInput, "Unknown CSV compression \"\(value)\"; use gzip or none.")
                }
                compression = parsed
            default: continue
            }
        }
        try validate()
    }

    /// Checks that the bytes do not collide.
    ///
    /// - Throws: `InvalidInputException` naming the clash.
    public func validate() throws(GlueError) {
        if separator == UInt8(ascii: "\n") || separator == UInt8(ascii: "\r") {
            throw GlueError(.invalidInput, "The CSV separator cannot be a line break.")
        }
        if let quoteChar {
            if quoteChar == separator { throw GlueError(.invalidInput, "The CSV quoteChar cannot equal the separator.") }
            if quoteChar == UInt8(ascii: "\n") || quoteChar == UInt8(ascii: "\r") {
                throw GlueError(.invalidInput, "The CSV quoteChar cannot be a line break.")
            }
        }
        if let escaper, escaper == separator || escaper == UInt8(ascii: "\n") || escaper == UInt8(ascii: "\r") {
            throw GlueError(.invalidInput, "The CSV escaper cannot be the separator or a line break.")
        }
    }

    static func singleByte(_ text: String, option: String) throws(GlueError) -> UInt8 {
        let bytes = Array(text.utf8)
        if bytes.count == 1 { return bytes[0] }
        // Accept the spelled-out escapes people paste from Glue scripts: "\t", "\u0001".
        switch text {
        case "\\t": return UInt8(ascii: "\t")
        case "\\u0001", "\\001", "^A": return 1
        default: break
        }
        throw GlueError(.invalidInput, "The CSV option \(option) must be a single byte, not \"\(text)\".")
    }

    static func flag(_ text: String, option: String) throws(GlueError) -> Bool {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw GlueError(.invalidInput, "The CSV option \(option) must be true or false, not \"\(text)\".")
        }
    }
}

/// File-level compression of CSV bytes.
public enum CSVCompression: String, Sendable, Hashable {
    /// Plain bytes (detected gzip input is still inflated).
    case none
    /// gzip (RFC 1952), also multi-member files.
    case gzip
    /// bzip2: recognised and refused with a clear error.
    case bzip2
}
