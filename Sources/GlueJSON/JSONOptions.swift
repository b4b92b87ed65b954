import GlueCore

/// JSON reading switches, under Glue's `format_options` names (`jsonPath`, `multiLine`).
public struct JSONOptions: Sendable, Hashable {
    /// Whether a file holds one JSON document (an object, or an array of records) instead of one
    /// object per line. Glue's default is `false` (JSON Lines).
    public var multiLine: Bool
    /// A JsonPath selecting the records inside each document: `$`, `$.a.b`, `$.items[*]`, `$[*]`.
    public var jsonPath: String?
    /// Output compression for the writer (`gzip` or none); input gzip is recognised by its magic bytes.
    public var gzip: Bool

    /// Creates options with Glue's defaults.
    public init(multiLine: Bool = false, jsonPath: String? = nil, gzip: Bool = false) {
        self.multiLine = multiLine
        self.jsonPath = jsonPath
        self.gzip = gzip
    }

    /// Reads Glue's `format_options` (values as text).
    ///
    /// - Throws: `InvalidInputException` for a non-boolean `multiLine`, a malformed `jsonPath` or
    ///   an unknown compression.
    public init(formatOptions: [String: String]) throws(GlueError) {
        self.init()
        for (key, value) in formatOptions {
            switch key {
            case "multiLine", "multiline":
                switch value.lowercased() {
                case "true": multiLine = true
                case "false": multiLine = false
                default: throw GlueError(.invalidInput, "The JSON option \(key) must be true or false, not \"\(value)\".")
                }
            case "jsonPath":
                _ = try JSONRecordPath(value)
                jsonPath = value
            case "compression", "compressionType":
                switch value.lowercased() {
                case "gzip": gzip = true
                case "none", "": gzip = false
                default: throw GlueError(.invalidInput, "Unknown JSON compression \"\(value)\"; use gzip or none.")
                }
            default: continue
            }
        }
    }
}
