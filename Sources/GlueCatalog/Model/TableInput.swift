import Foundation

/// The definition of a table in `CreateTable` and `UpdateTable`.
///
/// Mirrors Glue's `TableInput`. Only `Name` is required; the name is folded to lower case.
public struct TableInput: Codable, Hashable, Sendable {
    /// The table name.
    public var name: String
    /// A description.
    public var description: String?
    /// The owner (crawlers write `owner`).
    public var owner: String?
    /// When the table was last read.
    public var lastAccessTime: Date?
    /// When column statistics were last computed.
    public var lastAnalyzedTime: Date?
    /// Retention time (crawlers write 0).
    public var retention: Int?
    /// Where the data lives and how it is stored.
    public var storageDescriptor: StorageDescriptor?
    /// The partition keys, in folder order (primitive types only).
    public var partitionKeys: [Column]?
    /// A view's original text.
    public var viewOriginalText: String?
    /// A view's expanded text.
    public var viewExpandedText: String?
    /// `EXTERNAL_TABLE`, `VIRTUAL_VIEW`, `GOVERNED`, `MANAGED_TABLE`, ...
    public var tableType: String?
    /// Table properties (`classification`, `delimiter`, ...).
    public var parameters: [String: String]?
    /// The target of a resource link.
    public var targetTable: TableIdentifier?
    /// A multi-dialect view's definition.
    public var viewDefinition: ViewDefinitionInput?

    /// Creates a table input.
    public init(
        name: String, description: String? = nil, owner: String? = nil, lastAccessTime: Date? = nil,
        lastAnalyzedTime: Date? = nil, retention: Int? = nil, storageDescriptor: StorageDescriptor? = nil,
        partitionKeys: [Column]? = nil, viewOriginalText: String? = nil, viewExpandedText: String? = nil,
        tableType: String? = nil, parameters: [String: String]? = nil, targetTable: TableIdentifier? = nil,
        viewDefinition: ViewDefinitionInput? = nil
    ) {
        self.name = name
        self.description = description
        self.owner = owner
        self.lastAccessTime = lastAccessTime
        self.lastAnalyzedTime = lastAnalyzedTime
        self.retention = retention
        self.storageDescriptor = storageDescriptor
        self.partitionKeys = partitionKeys
        self.viewOriginalText = viewOriginalText
        self.viewExpandedText = viewExpandedText
        self.tableType = tableType
        self.parameters = parameters
        self.targetTable = targetTable
        self.viewDefinition = viewDefinition
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", description = "Description", owner = "Owner", lastAccessTime = "LastAccessTime"
        case lastAnalyzedTime = "LastAnalyzedTime", retention = "Retention", storageDescriptor = "StorageDescriptor"
        case partitionKeys = "PartitionKeys", viewOriginalText = "ViewOriginalText"
        case viewExpandedText = "ViewExpandedText", tableType = "TableType", parameters = "Parameters"
        case targetTable = "TargetTable", viewDefinition = "ViewDefinition"
    }
}
