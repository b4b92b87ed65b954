/// A database that points to an entity outside the Glue Data Catalog.
///
/// Mirrors Glue's `FederatedDatabase`.
public struct FederatedDatabase: Codable, Hashable, Sendable {
    /// The federated entity's identifier.
    public var identifier: String?
    /// The connection to the external metastore.
    public var connectionName: String?
    /// The connection's type.
    public var connectionType: String?

    /// Creates a federated database reference.
    public init(identifier: String? = nil, connectionName: String? = nil, connectionType: String? = nil) {
        self.identifier = identifier
        self.connectionName = connectionName
        self.connectionType = connectionType
    }

    enum CodingKeys: String, CodingKey {
        case identifier = "Identifier", connectionName = "ConnectionName", connectionType = "ConnectionType"
    }
}
