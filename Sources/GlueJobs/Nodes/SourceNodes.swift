// Source nodes of Glue Studio's `CodeGenConfigurationNode` union that LocalGlue runs. Field names are
// the Glue API's own (PascalCase), so a job definition from `aws glue get-job` decodes unchanged.

/// Mirrors Glue `S3CsvSource`: CSV files under S3 paths.
public struct S3CsvSourceNode: Codable, Sendable, Equatable {
    public var name: String
    public var paths: [String]
    /// `comma`, `ctrla`, `pipe`, `semicolon` or `tab`.
    public var separator: String
    /// `quote`, `quillemet`, `single_quote` or `disabled`.
    public var quoteChar: String
    public var escaper: String?
    public var withHeader: Bool?
    public var writeHeader: Bool?
    public var skipFirst: Bool?
    public var multiline: Bool?
    /// `gzip` or `bzip2`.
    public var compressionType: String?
    public var exclusions: [String]?
    public var groupSize: String?
    public var groupFiles: String?
    public var recurse: Bool?
    public var maxBand: Int?
    public var maxFilesInBand: Int?
    public var additionalOptions: S3SourceAdditionalOptions?
    public var optimizePerformance: Bool?
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case paths = "Paths"
        case separator = "Separator"
        case quoteChar = "QuoteChar"
        case escaper = "Escaper"
        case withHeader = "WithHeader"
        case writeHeader = "WriteHeader"
        case skipFirst = "SkipFirst"
        case multiline = "Multiline"
        case compressionType = "CompressionType"
        case exclusions = "Exclusions"
        case groupSize = "GroupSize"
        case groupFiles = "GroupFiles"
        case recurse = "Recurse"
        case maxBand = "MaxBand"
        case maxFilesInBand = "MaxFilesInBand"
        case additionalOptions = "AdditionalOptions"
        case optimizePerformance = "OptimizePerformance"
        case outputSchemas = "OutputSchemas"
    }
}

/// Mirrors Glue `S3JsonSource`: JSON files under S3 paths.
public struct S3JsonSourceNode: Codable, Sendable, Equatable {
    public var name: String
    public var paths: [String]
    public var jsonPath: String?
    public var multiline: Bool?
    public var compressionType: String?
    public var exclusions: [String]?
    public var groupSize: String?
    public var groupFiles: String?
    public var recurse: Bool?
    public var maxBand: Int?
    public var maxFilesInBand: Int?
    public var additionalOptions: S3SourceAdditionalOptions?
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case paths = "Paths"
        case jsonPath = "JsonPath"
        case multiline = "Multiline"
        case compressionType = "CompressionType"
        case exclusions = "Exclusions"
        case groupSize = "GroupSize"
        case groupFiles = "GroupFiles"
        case recurse = "Recurse"
        case maxBand = "MaxBand"
        case maxFilesInBand = "MaxFilesInBand"
        case additionalOptions = "AdditionalOptions"
        case outputSchemas = "OutputSchemas"
    }
}

/// Mirrors Glue `S3ParquetSource`: Parquet files under S3 paths.
public struct S3ParquetSourceNode: Codable, Sendable, Equatable {
    public var name: String
    public var paths: [String]
    /// `snappy`, `lzo`, `gzip`, `brotli`, `lz4`, `uncompressed` or `none`.
    public var compressionType: String?
    public var exclusions: [String]?
    public var groupSize: String?
    public var groupFiles: String?
    public var recurse: Bool?
    public var maxBand: Int?
    public var maxFilesInBand: Int?
    public var additionalOptions: S3SourceAdditionalOptions?
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case paths = "Paths"
        case compressionType = "CompressionType"
        case exclusions = "Exclusions"
        case groupSize = "GroupSize"
        case groupFiles = "GroupFiles"
        case recurse = "Recurse"
        case maxBand = "MaxBand"
        case maxFilesInBand = "MaxFilesInBand"
        case additionalOptions = "AdditionalOptions"
        case outputSchemas = "OutputSchemas"
    }
}

/// Mirrors Glue `CatalogSource` and `S3CatalogSource`: a Data Catalog table.
public struct CatalogSourceNode: Codable, Sendable, Equatable {
    public var name: String
    public var database: String
    public var table: String
    public var partitionPredicate: String?
    public var additionalOptions: S3SourceAdditionalOptions?
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case database = "Database"
        case table = "Table"
        case partitionPredicate = "PartitionPredicate"
        case additionalOptions = "AdditionalOptions"
        case outputSchemas = "OutputSchemas"
    }
}
