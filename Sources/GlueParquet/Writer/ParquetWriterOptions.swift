/// How ``ParquetWriter`` lays out a file.
public struct ParquetWriterOptions: Sendable, Hashable {
    /// The page codec (SNAPPY by default, the most widely readable).
    public var compression: CompressionCodec = .snappy
    /// The codec level for GZIP (1...9) and ZSTD (1...22); `nil` for the library default.
    public var compressionLevel: Int32?
    /// The most rows a row group holds.
    public var rowGroupRowCount: Int = 1_048_576
    /// The most rows a data page holds.
    public var dataPageRowCount: Int = 20_000
    /// The approximate largest uncompressed data page, in bytes.
    public var dataPageSize: Int = 1 << 20
    /// Whether columns may be dictionary-encoded (booleans never are).
    public var isDictionaryEnabled = true
    /// Once a chunk's dictionary grows past this many bytes, the rest of the chunk is PLAIN.
    public var dictionaryPageSizeLimit: Int = 1 << 20
    /// The `created_by` string, in the `name version X.Y.Z (build H)` shape parquet-java parses.
    public var createdBy: String = ParquetWriterOptions.localGlueCreatedBy
    /// File-level key/value metadata.
    public var keyValueMetadata: [KeyValue]?
    /// How many columns are encoded at once.
    public var parallelism: Int = ProcessInfoCores.active

    /// LocalGlue's `created_by`.
    public static let localGlueCreatedBy = "LocalGlue version 0.1.0 (build localglue)"

    /// The default options: SNAPPY, dictionaries with fallback, row groups of up to 1,048,576 rows.
    public init() {}
}
