/// A link from a table to a schema in the Glue Schema Registry, instead of `Columns`.
///
/// Mirrors Glue's `SchemaReference`.
public struct SchemaReference: Codable, Hashable, Sendable {
    /// Identifies the schema.
    public var schemaId: SchemaId?
    /// The schema version's UUID.
    public var schemaVersionId: String?
    /// The schema version's number.
    public var schemaVersionNumber: Int64?

    /// Creates a schema reference.
    public init(schemaId: SchemaId? = nil, schemaVersionId: String? = nil, schemaVersionNumber: Int64? = nil) {
        self.schemaId = schemaId
        self.schemaVersionId = schemaVersionId
        self.schemaVersionNumber = schemaVersionNumber
    }

    enum CodingKeys: String, CodingKey {
        case schemaId = "SchemaId", schemaVersionId = "SchemaVersionId", schemaVersionNumber = "SchemaVersionNumber"
    }
}

/// Identifies a schema in the Glue Schema Registry.
///
/// Mirrors Glue's `SchemaId`.
public struct SchemaId: Codable, Hashable, Sendable {
    /// The schema's ARN.
    public var schemaArn: String?
    /// The schema's name.
    public var schemaName: String?
    /// The registry's name.
    public var registryName: String?

    /// Creates a schema identifier.
    public init(schemaArn: String? = nil, schemaName: String? = nil, registryName: String? = nil) {
        self.schemaArn = schemaArn
        self.schemaName = schemaName
        self.registryName = registryName
    }

    enum CodingKeys: String, CodingKey {
        case schemaArn = "SchemaArn", schemaName = "SchemaName", registryName = "RegistryName"
    }
}
