/// The definition of a database in `CreateDatabase` and `UpdateDatabase`.
///
/// Mirrors Glue's `DatabaseInput`. The name is folded to lower case when stored.
public struct DatabaseInput: Codable, Hashable, Sendable {
    /// The database name (1 to 255 characters, single line).
    public var name: String
    /// A description (up to 2048 characters).
    public var description: String?
    /// The default location of the database's tables, such as `s3://bucket/prefix/`.
    public var locationUri: String?
    /// Free-form properties.
    public var parameters: [String: String]?
    /// Lake Formation default permissions (stored, not enforced).
    public var createTableDefaultPermissions: [PrincipalPermissions]?
    /// The target of a resource link.
    public var targetDatabase: DatabaseIdentifier?
    /// The external entity of a federated database.
    public var federatedDatabase: FederatedDatabase?

    /// Creates a database input.
    public init(
        name: String, description: String? = nil, locationUri: String? = nil, parameters: [String: String]? = nil,
        createTableDefaultPermissions: [PrincipalPermissions]? = nil, targetDatabase: DatabaseIdentifier? = nil,
        federatedDatabase: FederatedDatabase? = nil
    ) {
        self.name = name
        self.description = description
        self.locationUri = locationUri
        self.parameters = parameters
        self.createTableDefaultPermissions = createTableDefaultPermissions
        self.targetDatabase = targetDatabase
        self.federatedDatabase = federatedDatabase
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", description = "Description", locationUri = "LocationUri", parameters = "Parameters"
        case createTableDefaultPermissions = "CreateTableDefaultPermissions", targetDatabase = "TargetDatabase"
        case federatedDatabase = "FederatedDatabase"
    }
}
