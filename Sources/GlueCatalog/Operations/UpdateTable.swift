/// The request of Glue `UpdateTable`: replaces a table's definition, archiving the old one as a version unless `SkipArchive`.
public struct UpdateTableRequest: Codable, Hashable, Sendable {
    /// `CatalogId`.
    public var catalogId: String?
    /// `DatabaseName`.
    public var databaseName: String
    /// `Name`.
    public var name: String?
    /// `TableInput`.
    public var tableInput: TableInput?
    /// `SkipArchive`.
    public var skipArchive: Bool?
    /// `TransactionId`.
    public var transactionId: String?
    /// `VersionId`.
    public var versionId: String?
    /// `ViewUpdateAction`.
    public var viewUpdateAction: String?
    /// `Force`.
    public var force: Bool?
    /// `UpdateOpenTableFormatInput`.
    public var updateOpenTableFormatInput: JSONValue?

    /// Creates the value; members follow the AWS shape.
    public init(
        catalogId: String? = nil,
        databaseName: String,
        name: String? = nil,
        tableInput: TableInput? = nil,
        skipArchive: Bool? = nil,
        transactionId: String? = nil,
        versionId: String? = nil,
        viewUpdateAction: String? = nil,
        force: Bool? = nil,
        updateOpenTableFormatInput: JSONValue? = nil
    ) {
        self.catalogId = catalogId
        self.databaseName = databaseName
        self.name = name
        self.tableInput = tableInput
        self.skipArchive = skipArchive
        self.transactionId = transactionId
        self.versionId = versionId
        self.viewUpdateAction = viewUpdateAction
        self.force = force
        self.updateOpenTableFormatInput = updateOpenTableFormatInput
    }

    enum CodingKeys: String, CodingKey {
        case catalogId = "CatalogId"
        case databaseName = "DatabaseName"
        case name = "Name"
        case tableInput = "TableInput"
        case skipArchive = "SkipArchive"
        case transactionId = "TransactionId"
        case versionId = "VersionId"
        case viewUpdateAction = "ViewUpdateAction"
        case force = "Force"
        case updateOpenTableFormatInput = "UpdateOpenTableFormatInput"
    }
}
