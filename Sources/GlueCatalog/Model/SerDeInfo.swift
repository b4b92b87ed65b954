/// How rows are serialized and deserialized.
///
/// Mirrors Glue's `SerDeInfo` (the key in a `StorageDescriptor` is spelled `SerdeInfo`).
public struct SerDeInfo: Codable, Hashable, Sendable {
    /// The SerDe's name.
    public var name: String?
    /// The Hive SerDe class, such as `org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe`.
    public var serializationLibrary: String?
    /// SerDe properties such as `field.delim` or `serialization.format`.
    public var parameters: [String: String]?

    /// Creates a SerDe description.
    public init(name: String? = nil, serializationLibrary: String? = nil, parameters: [String: String]? = nil) {
        self.name = name
        self.serializationLibrary = serializationLibrary
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", serializationLibrary = "SerializationLibrary", parameters = "Parameters"
    }
}
