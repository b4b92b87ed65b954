/// Where a table's or a partition's data lives and how it is stored.
///
/// Mirrors Glue's `StorageDescriptor`. `Columns` are the data columns only; partition keys live on
/// the table (`PartitionKeys`).
public struct StorageDescriptor: Codable, Hashable, Sendable {
    /// The data columns.
    public var columns: [Column]?
    /// The table root or the partition folder, such as `s3://bucket/prefix/`.
    public var location: String?
    /// More locations (Delta tables).
    public var additionalLocations: [String]?
    /// The Hadoop input format class.
    public var inputFormat: String?
    /// The Hadoop output format class.
    public var outputFormat: String?
    /// Whether the data is compressed.
    public var compressed: Bool?
    /// The number of buckets (crawlers write -1).
    public var numberOfBuckets: Int?
    /// The SerDe.
    public var serdeInfo: SerDeInfo?
    /// The bucketing columns.
    public var bucketColumns: [String]?
    /// The sort columns of each bucket.
    public var sortColumns: [Order]?
    /// Properties (crawlers copy the table's parameters here).
    public var parameters: [String: String]?
    /// Skew information.
    public var skewedInfo: SkewedInfo?
    /// Whether the data is stored in sub-directories.
    public var storedAsSubDirectories: Bool?
    /// A schema-registry link instead of `Columns`.
    public var schemaReference: SchemaReference?

    /// Creates a storage descriptor.
    public init(
        columns: [Column]? = nil, location: String? = nil, additionalLocations: [String]? = nil,
        inputFormat: String? = nil, outputFormat: String? = nil, compressed: Bool? = nil,
        numberOfBuckets: Int? = nil, serdeInfo: SerDeInfo? = nil, bucketColumns: [String]? = nil,
        sortColumns: [Order]? = nil, parameters: [String: String]? = nil, skewedInfo: SkewedInfo? = nil,
        storedAsSubDirectories: Bool? = nil, schemaReference: SchemaReference? = nil
    ) {
        self.columns = columns
        self.location = location
        self.additionalLocations = additionalLocations
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.compressed = compressed
        self.numberOfBuckets = numberOfBuckets
        self.serdeInfo = serdeInfo
        self.bucketColumns = bucketColumns
        self.sortColumns = sortColumns
        self.parameters = parameters
        self.skewedInfo = skewedInfo
        self.storedAsSubDirectories = storedAsSubDirectories
        self.schemaReference = schemaReference
    }

    enum CodingKeys: String, CodingKey {
        case columns = "Columns", location = "Location", additionalLocations = "AdditionalLocations"
        case inputFormat = "InputFormat", outputFormat = "OutputFormat", compressed = "Compressed"
        case numberOfBuckets = "NumberOfBuckets", serdeInfo = "SerdeInfo", bucketColumns = "BucketColumns"
        case sortColumns = "SortColumns", parameters = "Parameters", skewedInfo = "SkewedInfo"
        case storedAsSubDirectories = "StoredAsSubDirectories", schemaReference = "SchemaReference"
    }
}
