import Foundation

/// A database of the Data Catalog, as `GetDatabase` returns it.
///
/// Mirrors Glue's `Database`: the fields of ``DatabaseInput`` plus `CreateTime` and `CatalogId`.
public struct Database: Codable, Hashable, Sendable {
    /// The lower-cased name.
    public var name: String
    /// The description.
    public var description: String?
    /// The default location of the database's tables.
    public var locationUri: String?
    /// Free-form properties.
    public var parameters: [String: String]?
    /// When the database was created.
    public var createTime: Date?
    /// Lake Formation default permissions.
    public var createTableDefaultPermissions: [PrincipalPermissions]?
    /// The target of a resource link.
    public var targetDatabase: DatabaseIdentifier?
    /// The catalog's ID (the account).
    public var catalogId: String?
    /// The external entity of a federated database.
    public var federatedDatabase: FederatedDatabase?

    /// Creates a database from its stored input.
    public init(input: DatabaseInput, createTime: Date?, catalogId: String?) {
        name = input.name
        description = input.description
        locationUri = input.locationUri
        parameters = input.parameters
        self.createTime = createTime
        createTableDefaultPermissions = input.createTableDefaultPermissions
        targetDatabase = input.targetDatabase
        self.catalogId = catalogId
        federatedDatabase = input.federatedDatabase
    }

    /// The input that recreates this database.
    public var input: DatabaseInput {
        DatabaseInput(
            name: name, description: description, locationUri: locationUri, parameters: parameters,
            createTableDefaultPermissions: createTableDefaultPermissions, targetDatabase: targetDatabase,
            federatedDatabase: federatedDatabase)
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", description = "Description", locationUri = "LocationUri", parameters = "Parameters"
        case createTime = "CreateTime", createTableDefaultPermissions = "CreateTableDefaultPermissions"
        case targetDatabase = "TargetDatabase", catalogId = "CatalogId", federatedDatabase = "FederatedDatabase"
    }
}
