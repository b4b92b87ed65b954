/// A path into a record as Glue Studio writes it in node JSON: one string per nesting level
/// (`["address", "city"]`).
public typealias PathSegments = [String]

/// A column in a node's `OutputSchemas` (`{"Name": ..., "Type": ..., "GlueStudioType": ...}`).
public struct GlueStudioColumn: Codable, Sendable, Equatable {
    public var name: String
    public var `type`: String?
    public var glueStudioType: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case `type` = "Type"
        case glueStudioType = "GlueStudioType"
    }
}

/// One schema of a node's `OutputSchemas`.
public struct GlueSchema: Codable, Sendable, Equatable {
    public var columns: [GlueStudioColumn]?

    enum CodingKeys: String, CodingKey {
        case columns = "Columns"
    }
}

/// The S3 read options shared by S3CsvSource, S3JsonSource and S3ParquetSource.
public struct S3SourceAdditionalOptions: Codable, Sendable, Equatable {
    public var boundedSize: Int64?
    public var boundedFiles: Int64?
    public var enableSamplePath: Bool?
    public var samplePath: String?

    enum CodingKeys: String, CodingKey {
        case boundedSize = "BoundedSize"
        case boundedFiles = "BoundedFiles"
        case enableSamplePath = "EnableSamplePath"
        case samplePath = "SamplePath"
    }
}

/// Whether and how a target updates the Data Catalog (`DirectSchemaChangePolicy` / `CatalogSchemaChangePolicy`).
public struct DirectSchemaChangePolicy: Codable, Sendable, Equatable {
    public var enableUpdateCatalog: Bool?
    /// `UPDATE_IN_DATABASE` or `LOG`.
    public var updateBehavior: String?
    public var table: String?
    public var database: String?

    enum CodingKeys: String, CodingKey {
        case enableUpdateCatalog = "EnableUpdateCatalog"
        case updateBehavior = "UpdateBehavior"
        case table = "Table"
        case database = "Database"
    }
}

/// Glue Studio's data-quality switch on targets (accepted and ignored locally).
public struct AutoDataQuality: Codable, Sendable, Equatable {
    public var isEnabled: Bool?
    public var evaluationContext: String?

    enum CodingKeys: String, CodingKey {
        case isEnabled = "IsEnabled"
        case evaluationContext = "EvaluationContext"
    }
}
