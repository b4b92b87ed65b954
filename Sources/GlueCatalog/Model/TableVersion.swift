/// One archived definition of a table.
///
/// Mirrors Glue's `TableVersion`: `VersionId` is an integer as a string, incremented by 1 on each
/// archiving update.
public struct TableVersion: Codable, Hashable, Sendable {
    /// The table as it was in this version.
    public var table: Table?
    /// The version number as a string.
    public var versionId: String?

    /// Creates a table version.
    public init(table: Table?, versionId: String?) {
        self.table = table
        self.versionId = versionId
    }

    enum CodingKeys: String, CodingKey {
        case table = "Table", versionId = "VersionId"
    }
}
