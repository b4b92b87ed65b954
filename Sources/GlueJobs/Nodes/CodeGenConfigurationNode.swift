import GlueCore

/// Mirrors Glue's `CodeGenConfigurationNode`: a union in which exactly one member, named after the
/// node type, is set.
///
/// LocalGlue decodes the node types it can run into typed cases. Node types Glue defines but that
/// cannot run on one machine (JDBC, Redshift, Kafka, CustomCode, ...) decode to
/// ``unsupported(_:)`` so the job is rejected by name before any run; a name Glue does not define
/// is a decoding error.
public enum CodeGenConfigurationNode: Sendable, Equatable {
    case s3CsvSource(S3CsvSourceNode)
    case s3JsonSource(S3JsonSourceNode)
    case s3ParquetSource(S3ParquetSourceNode)
    case catalogSource(CatalogSourceNode)
    case s3CatalogSource(CatalogSourceNode)
    case applyMapping(ApplyMappingNode)
    case selectFields(PathsNode)
    case dropFields(PathsNode)
    case renameField(RenameFieldNode)
    case spigot(SpigotNode)
    case join(JoinNode)
    case splitFields(PathsNode)
    case selectFromCollection(SelectFromCollectionNode)
    case fillMissingValues(FillMissingValuesNode)
    case filter(FilterNode)
    case sparkSQL(SparkSQLNode)
    case dropNullFields(DropNullFieldsNode)
    case union(UnionNode)
    case aggregate(AggregateNode)
    case dropDuplicates(DropDuplicatesNode)
    case s3DirectTarget(S3DirectTargetNode)
    case s3GlueParquetTarget(S3GlueParquetTargetNode)
    case catalogTarget(CatalogTargetNode)
    case s3CatalogTarget(CatalogTargetNode)
    /// A node type Glue defines that LocalGlue cannot run locally, with its display name if given.
    case unsupported(typeName: String, name: String?)

    /// The union member's name: the Glue node type (`S3CsvSource`, `ApplyMapping`, ...).
    public var typeName: String {
        switch self {
        case .s3CsvSource: "S3CsvSource"
        case .s3JsonSource: "S3JsonSource"
        case .s3ParquetSource: "S3ParquetSource"
        case .catalogSource: "CatalogSource"
        case .s3CatalogSource: "S3CatalogSource"
        case .applyMapping: "ApplyMapping"
        case .selectFields: "SelectFields"
        case .dropFields: "DropFields"
        case .renameField: "RenameField"
        case .spigot: "Spigot"
        case .join: "Join"
        case .splitFields: "SplitFields"
        case .selectFromCollection: "SelectFromCollection"
        case .fillMissingValues: "FillMissingValues"
        case .filter: "Filter"
        case .sparkSQL: "SparkSQL"
        case .dropNullFields: "DropNullFields"
        case .union: "Union"
        case .aggregate: "Aggregate"
        case .dropDuplicates: "DropDuplicates"
        case .s3DirectTarget: "S3DirectTarget"
        case .s3GlueParquetTarget: "S3GlueParquetTarget"
        case .catalogTarget: "CatalogTarget"
        case .s3CatalogTarget: "S3CatalogTarget"
        case .unsupported(let typeName, _): typeName
        }
    }

    /// The node's display `Name`.
    public var name: String? {
        switch self {
        case .s3CsvSource(let node): node.name
        case .s3JsonSource(let node): node.name
        case .s3ParquetSource(let node): node.name
        case .catalogSource(let node), .s3CatalogSource(let node): node.name
        case .applyMapping(let node): node.name
        case .selectFields(let node), .dropFields(let node), .splitFields(let node): node.name
        case .renameField(let node): node.name
        case .spigot(let node): node.name
        case .join(let node): node.name
        case .selectFromCollection(let node): node.name
        case .fillMissingValues(let node): node.name
        case .filter(let node): node.name
        case .sparkSQL(let node): node.name
        case .dropNullFields(let node): node.name
        case .union(let node): node.name
        case .aggregate(let node): node.name
        case .dropDuplicates(let node): node.name
        case .s3DirectTarget(let node): node.name
        case .s3GlueParquetTarget(let node): node.name
        case .catalogTarget(let node), .s3CatalogTarget(let node): node.name
        case .unsupported(_, let name): name
        }
    }

    /// The node IDs this node reads from (empty for sources).
    public var inputs: [String] {
        switch self {
        case .s3CsvSource, .s3JsonSource, .s3ParquetSource, .catalogSource, .s3CatalogSource, .unsupported: []
        case .applyMapping(let node): node.inputs
        case .selectFields(let node), .dropFields(let node), .splitFields(let node): node.inputs
        case .renameField(let node): node.inputs
        case .spigot(let node): node.inputs
        case .join(let node): node.inputs
        case .selectFromCollection(let node): node.inputs
        case .fillMissingValues(let node): node.inputs
        case .filter(let node): node.inputs
        case .sparkSQL(let node): node.inputs
        case .dropNullFields(let node): node.inputs
        case .union(let node): node.inputs
        case .aggregate(let node): node.inputs
        case .dropDuplicates(let node): node.inputs
        case .s3DirectTarget(let node): node.inputs
        case .s3GlueParquetTarget(let node): node.inputs
        case .catalogTarget(let node), .s3CatalogTarget(let node): node.inputs
        }
    }

    /// How many inputs the node type takes, as Glue's model shapes say (`OneInput`, `TwoInputs`,
    /// `ManyInputs`, none for sources).
    public var inputArity: ClosedRange<Int> {
        switch self {
        case .s3CsvSource, .s3JsonSource, .s3ParquetSource, .catalogSource, .s3CatalogSource, .unsupported: 0...0
        case .join, .union: 2...2
        case .sparkSQL: 1...Int.max
        default: 1...1
        }
    }

    /// Whether the node writes data out (a target).
    public var isTarget: Bool {
        switch self {
        case .s3DirectTarget, .s3GlueParquetTarget, .catalogTarget, .s3CatalogTarget: true
        default: false
        }
    }

    /// Every member name of Glue's `CodeGenConfigurationNode` union (the model's 79 node types).
    public static let glueNodeTypeNames: Set<String> = [
        "AthenaConnectorSource", "JDBCConnectorSource", "SparkConnectorSource", "CatalogSource", "RedshiftSource",
        "S3CatalogSource", "S3CsvSource", "S3JsonSource", "S3ParquetSource", "RelationalCatalogSource",
        "DynamoDBCatalogSource", "JDBCConnectorTarget", "SparkConnectorTarget", "CatalogTarget", "RedshiftTarget",
        "S3CatalogTarget", "S3GlueParquetTarget", "S3DirectTarget", "ApplyMapping", "SelectFields", "DropFields",
        "RenameField", "Spigot", "Join", "SplitFields", "SelectFromCollection", "FillMissingValues", "Filter",
        "CustomCode", "SparkSQL", "DirectKinesisSource", "DirectKafkaSource", "CatalogKinesisSource",
        "CatalogKafkaSource", "DropNullFields", "Merge", "Union", "PIIDetection", "Aggregate", "DropDuplicates",
        "GovernedCatalogTarget", "GovernedCatalogSource", "MicrosoftSQLServerCatalogSource", "MySQLCatalogSource",
        "OracleSQLCatalogSource", "PostgreSQLCatalogSource", "MicrosoftSQLServerCatalogTarget", "MySQLCatalogTarget",
        "OracleSQLCatalogTarget", "PostgreSQLCatalogTarget", "Route", "DynamicTransform", "EvaluateDataQuality",
        "S3CatalogHudiSource", "CatalogHudiSource", "S3HudiSource", "S3HudiCatalogTarget", "S3HudiDirectTarget",
        "DirectJDBCSource", "S3CatalogDeltaSource", "CatalogDeltaSource", "S3DeltaSource", "S3DeltaCatalogTarget",
        "S3DeltaDirectTarget", "AmazonRedshiftSource", "AmazonRedshiftTarget", "EvaluateDataQualityMultiFrame",
        "Recipe", "SnowflakeSource", "SnowflakeTarget", "ConnectorDataSource", "ConnectorDataTarget",
        "S3CatalogIcebergSource", "CatalogIcebergSource", "S3IcebergCatalogTarget", "S3IcebergDirectTarget",
        "S3ExcelSource", "S3HyperDirectTarget", "DynamoDBELTConnectorSource",
    ]
}

extension CodeGenConfigurationNode: Codable {
    struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct NameOnly: Decodable {
        var Name: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        let members = container.allKeys
        guard members.count == 1, let member = members.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath,
                debugDescription: members.isEmpty
                    ? "a node must set exactly one node type, but sets none"
                    : "a node must set exactly one node type, but sets \(members.map(\.stringValue).sorted().joined(separator: ", "))"))
        }
        switch member.stringValue {
        case "S3CsvSource": self = .s3CsvSource(try container.decode(S3CsvSourceNode.self, forKey: member))
        case "S3JsonSource": self = .s3JsonSource(try container.decode(S3JsonSourceNode.self, forKey: member))
        case "S3ParquetSource": self = .s3ParquetSource(try container.decode(S3ParquetSourceNode.self, forKey: member))
        case "CatalogSource": self = .catalogSource(try container.decode(CatalogSourceNode.self, forKey: member))
        case "S3CatalogSource": self = .s3CatalogSource(try container.decode(CatalogSourceNode.self, forKey: member))
        case "ApplyMapping": self = .applyMapping(try container.decode(ApplyMappingNode.self, forKey: member))
        case "SelectFields": self = .selectFields(try container.decode(PathsNode.self, forKey: member))
        case "DropFields": self = .dropFields(try container.decode(PathsNode.self, forKey: member))
        case "RenameField": self = .renameField(try container.decode(RenameFieldNode.self, forKey: member))
        case "Spigot": self = .spigot(try container.decode(SpigotNode.self, forKey: member))
        case "Join": self = .join(try container.decode(JoinNode.self, forKey: member))
        case "SplitFields": self = .splitFields(try container.decode(PathsNode.self, forKey: member))
        case "SelectFromCollection": self = .selectFromCollection(try container.decode(SelectFromCollectionNode.self, forKey: member))
        case "FillMissingValues": self = .fillMissingValues(try container.decode(FillMissingValuesNode.self, forKey: member))
        case "Filter": self = .filter(try container.decode(FilterNode.self, forKey: member))
        case "SparkSQL": self = .sparkSQL(try container.decode(SparkSQLNode.self, forKey: member))
        case "DropNullFields": self = .dropNullFields(try container.decode(DropNullFieldsNode.self, forKey: member))
        case "Union": self = .union(try container.decode(UnionNode.self, forKey: member))
        case "Aggregate": self = .aggregate(try container.decode(AggregateNode.self, forKey: member))
        case "DropDuplicates": self = .dropDuplicates(try container.decode(DropDuplicatesNode.self, forKey: member))
        case "S3DirectTarget": self = .s3DirectTarget(try container.decode(S3DirectTargetNode.self, forKey: member))
        case "S3GlueParquetTarget": self = .s3GlueParquetTarget(try container.decode(S3GlueParquetTargetNode.self, forKey: member))
        case "CatalogTarget": self = .catalogTarget(try container.decode(CatalogTargetNode.self, forKey: member))
        case "S3CatalogTarget": self = .s3CatalogTarget(try container.decode(CatalogTargetNode.self, forKey: member))
        case let typeName where Self.glueNodeTypeNames.contains(typeName):
            let name = (try? container.decode(NameOnly.self, forKey: member))?.Name
            self = .unsupported(typeName: typeName, name: name)
        case let typeName:
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath + [member],
                debugDescription: "\(typeName) is not a Glue node type"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        let key = MemberKey(stringValue: typeName)
        switch self {
        case .s3CsvSource(let node): try container.encode(node, forKey: key)
        case .s3JsonSource(let node): try container.encode(node, forKey: key)
        case .s3ParquetSource(let node): try container.encode(node, forKey: key)
        case .catalogSource(let node), .s3CatalogSource(let node): try container.encode(node, forKey: key)
        case .applyMapping(let node): try container.encode(node, forKey: key)
        case .selectFields(let node), .dropFields(let node), .splitFields(let node): try container.encode(node, forKey: key)
        case .renameField(let node): try container.encode(node, forKey: key)
        case .spigot(let node): try container.encode(node, forKey: key)
        case .join(let node): try container.encode(node, forKey: key)
        case .selectFromCollection(let node): try container.encode(node, forKey: key)
        case .fillMissingValues(let node): try container.encode(node, forKey: key)
        case .filter(let node): try container.encode(node, forKey: key)
        case .sparkSQL(let node): try container.encode(node, forKey: key)
        case .dropNullFields(let node): try container.encode(node, forKey: key)
        case .union(let node): try container.encode(node, forKey: key)
        case .aggregate(let node): try container.encode(node, forKey: key)
        case .dropDuplicates(let node): try container.encode(node, forKey: key)
        case .s3DirectTarget(let node): try container.encode(node, forKey: key)
        case .s3GlueParquetTarget(let node): try container.encode(node, forKey: key)
        case .catalogTarget(let node), .s3CatalogTarget(let node): try container.encode(node, forKey: key)
        case .unsupported(_, let name):
            try container.encode(["Name": name], forKey: key)
        }
    }
}
