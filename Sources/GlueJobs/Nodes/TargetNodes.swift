// Target nodes of Glue Studio's `CodeGenConfigurationNode` union that LocalGlue runs.

/// Mirrors Glue `S3DirectTarget`: files of a format under an S3 path.
public struct S3DirectTargetNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var path: String
    /// `json`, `csv`, `avro`, `orc`, `parquet`, `hudi`, `delta`, `iceberg`, `hyper` or `xml`.
    public var format: String
    public var compression: String?
    public var partitionKeys: [PathSegments]?
    public var numberTargetPartitions: String?
    public var schemaChangePolicy: DirectSchemaChangePolicy?
    public var autoDataQuality: AutoDataQuality?
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case path = "Path"
        case format = "Format"
        case compression = "Compression"
        case partitionKeys = "PartitionKeys"
        case numberTargetPartitions = "NumberTargetPartitions"
        case schemaChangePolicy = "SchemaChangePolicy"
        case autoDataQuality = "AutoDataQuality"
        case outputSchemas = "OutputSchemas"
    }
}

/// Mirrors Glue `S3GlueParquetTarget`: Glue's Parquet writer under an S3 path.
public struct S3GlueParquetTargetNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var path: String
    public var partitionKeys: [PathSegments]?
    /// `snappy`, `lzo`, `gzip`, `brotli`, `lz4`, `uncompressed` or `none`.
    public var compression: String?
    public var numberTargetPartitions: String?
    public var schemaChangePolicy: DirectSchemaChangePolicy?
    public var autoDataQuality: AutoDataQuality?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case path = "Path"
        case partitionKeys = "PartitionKeys"
        case compression = "Compression"
        case numberTargetPartitions = "NumberTargetPartitions"
        case schemaChangePolicy = "SchemaChangePolicy"
        case autoDataQuality = "AutoDataQuality"
    }
}

/// Mirrors Glue `CatalogTarget` (`BasicCatalogTarget`) and `S3CatalogTarget`: a Data Catalog table.
public struct CatalogTargetNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var database: String
    public var table: String
    public var partitionKeys: [PathSegments]?
    public var schemaChangePolicy: DirectSchemaChangePolicy?
    public var autoDataQuality: AutoDataQuality?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case database = "Database"
        case table = "Table"
        case partitionKeys = "PartitionKeys"
        case schemaChangePolicy = "SchemaChangePolicy"
        case autoDataQuality = "AutoDataQuality"
    }
}
