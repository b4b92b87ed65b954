import Foundation

/// A table of the Data Catalog, as `GetTable` returns it.
///
/// Mirrors Glue's `Table`: the fields of ``TableInput`` plus `DatabaseName`, `CreateTime`,
/// `UpdateTime`, `CreatedBy`, `IsRegisteredWithLakeFormation`, `CatalogId` and `VersionId`.
public struct Table: Codable, Hashable, Sendable {
    /// The lower-cased table name.
    public var name: String
    /// The lower-cased database name.
    public var databaseName: String?
    /// A description.
    public var description: String?
    /// The owner.
    public var owner: String?
    /// When the table was created.
    public var createTime: Date?
    /// When the table was last updated.
    public var updateTime: Date?
    /// When the table was last read.
    public var lastAccessTime: Date?
    /// When column statistics were last computed.
    public var lastAnalyzedTime: Date?
    /// Retention time.
    public var retention: Int?
    /// Where the data lives and how it is stored.
    public var storageDescriptor: StorageDescriptor?
    /// The partition keys.
    public var partitionKeys: [Column]?
    /// A view's original text.
    public var viewOriginalText: String?
    /// A view's expanded text.
    public var viewExpandedText: String?
    /// The table type.
    public var tableType: String?
    /// Table properties.
    public var parameters: [String: String]?
    /// The principal that created the table.
    public var createdBy: String?
    /// Whether Lake Formation governs the table (always false here).
    public var isRegisteredWithLakeFormation: Bool?
    /// The target of a resource link.
    public var targetTable: TableIdentifier?
    /// The catalog's ID (the account).
    public var catalogId: String?
    /// The current version, an integer as a string.
    public var versionId: String?
    /// A multi-dialect view's definition.
    public var viewDefinition: ViewDefinition?
    /// Whether the view has several dialects.
    public var isMultiDialectView: Bool?

    /// Creates a table from its stored input.
    public init(
        input: TableInput, databaseName: String, createTime: Date?, updateTime: Date?, createdBy: String?,
        catalogId: String?, versionId: String?
    ) {
        name = input.name
        self.databaseName = databaseName
        description = input.description
        owner = input.owner
        self.createTime = createTime
        self.updateTime = updateTime
        lastAccessTime = input.lastAccessTime
        lastAnalyzedTime = input.lastAnalyzedTime
        retention = input.retention
        storageDescriptor = input.storageDescriptor
        partitionKeys = input.partitionKeys
        viewOriginalText = input.viewOriginalText
        viewExpandedText = input.viewExpandedText
        tableType = input.tableType
        parameters = input.parameters
        self.createdBy = createdBy
        isRegisteredWithLakeFormation = false
        targetTable = input.targetTable
        self.catalogId = catalogId
        self.versionId = versionId
        viewDefinition = input.viewDefinition.map(ViewDefinition.init)
        isMultiDialectView = input.viewDefinition == nil ? nil : (input.viewDefinition?.representations?.count ?? 0) > 1
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", databaseName = "DatabaseName", description = "Description", owner = "Owner"
        case createTime = "CreateTime", updateTime = "UpdateTime", lastAccessTime = "LastAccessTime"
        case lastAnalyzedTime = "LastAnalyzedTime", retention = "Retention", storageDescriptor = "StorageDescriptor"
        case partitionKeys = "PartitionKeys", viewOriginalText = "ViewOriginalText"
        case viewExpandedText = "ViewExpandedText", tableType = "TableType", parameters = "Parameters"
        case createdBy = "CreatedBy", isRegisteredWithLakeFormation = "IsRegisteredWithLakeFormation"
        case targetTable = "TargetTable", catalogId = "CatalogId", versionId = "VersionId"
        case viewDefinition = "ViewDefinition", isMultiDialectView = "IsMultiDialectView"
    }
}
