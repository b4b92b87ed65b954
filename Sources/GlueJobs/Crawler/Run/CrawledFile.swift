import GlueCatalog

/// One object a crawl read, with what Glue's built-in classifiers found in it.
struct CrawledFile: Sendable {
    /// The object.
    var object: S3ObjectReference
    /// The folders between the include path and the object.
    var folders: [String]
    /// The object's name (the last segment of its key).
    var fileName: String
    /// `csv`, `json`, `parquet` or `UNKNOWN`.
    var classification: String
    /// `gzip` or `none`.
    var compression: String
    /// The columns (lower-case names, catalog types).
    var columns: [GlueCatalog.Column]
    /// The CSV separator, for `csv`.
    var delimiter: String?
    /// Whether the first CSV record is a header.
    var hasHeader = false
    /// Whether any CSV field was quoted.
    var areColumnsQuoted = false
    /// Records in the object (exact for Parquet and for text that fits the sample, else estimated).
    var recordCount: Int64
    /// Bytes per record.
    var averageRecordSize: Int64

    /// What must be equal for objects to share a table.
    var formatSignature: String {
        [classification, compression, delimiter ?? "", hasHeader ? "header" : ""].joined(separator: "|")
    }
}
