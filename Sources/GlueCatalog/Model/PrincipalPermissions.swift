/// Lake Formation permissions granted to a principal (stored, not enforced).
///
/// Mirrors Glue's `PrincipalPermissions`.
public struct PrincipalPermissions: Codable, Hashable, Sendable {
    /// The principal.
    public var principal: DataLakePrincipal?
    /// The permissions (`ALL`, `SELECT`, `ALTER`, ...).
    public var permissions: [String]?

    /// Creates a grant.
    public init(principal: DataLakePrincipal? = nil, permissions: [String]? = nil) {
        self.principal = principal
        self.permissions = permissions
    }

    enum CodingKeys: String, CodingKey {
        case principal = "Principal", permissions = "Permissions"
    }
}

/// A Lake Formation principal.
///
/// Mirrors Glue's `DataLakePrincipal`.
public struct DataLakePrincipal: Codable, Hashable, Sendable {
    /// The principal's identifier, such as `IAM_ALLOWED_PRINCIPALS`.
    public var dataLakePrincipalIdentifier: String?

    /// Creates a principal.
    public init(dataLakePrincipalIdentifier: String? = nil) {
        self.dataLakePrincipalIdentifier = dataLakePrincipalIdentifier
    }

    enum CodingKeys: String, CodingKey {
        case dataLakePrincipalIdentifier = "DataLakePrincipalIdentifier"
    }
}
