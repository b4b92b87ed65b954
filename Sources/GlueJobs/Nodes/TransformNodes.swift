// Transform nodes of Glue Studio's `CodeGenConfigurationNode` union that LocalGlue runs.

/// One entry of an `ApplyMapping` node (`Mapping`); `Children` map nested fields.
public struct Mapping: Codable, Sendable, Equatable {
    public var toKey: String?
    public var fromPath: PathSegments?
    public var fromType: String?
    public var toType: String?
    public var dropped: Bool?
    public var children: [Mapping]?

    enum CodingKeys: String, CodingKey {
        case toKey = "ToKey"
        case fromPath = "FromPath"
        case fromType = "FromType"
        case toType = "ToType"
        case dropped = "Dropped"
        case children = "Children"
    }
}

/// Mirrors Glue `ApplyMapping`.
public struct ApplyMappingNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var mapping: [Mapping]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case mapping = "Mapping"
    }
}

/// Mirrors Glue `SelectFields`, `DropFields` and `SplitFields` (a node name and field paths).
public struct PathsNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var paths: [PathSegments]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case paths = "Paths"
    }
}

/// Mirrors Glue `RenameField`.
public struct RenameFieldNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var sourcePath: PathSegments
    public var targetPath: PathSegments

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case sourcePath = "SourcePath"
        case targetPath = "TargetPath"
    }
}

/// Mirrors Glue `Spigot`: writes a sample of the rows to an S3 path and passes all rows on.
public struct SpigotNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var path: String
    public var topk: Int?
    public var prob: Double?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case path = "Path"
        case topk = "Topk"
        case prob = "Prob"
    }
}

/// One side of a `Join` (`JoinColumn`).
public struct JoinColumn: Codable, Sendable, Equatable {
    public var from: String
    public var keys: [PathSegments]

    enum CodingKeys: String, CodingKey {
        case from = "From"
        case keys = "Keys"
    }
}

/// Mirrors Glue `Join`.
public struct JoinNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    /// `equijoin`, `left`, `right`, `outer`, `leftsemi` or `leftanti`.
    public var joinType: String
    public var columns: [JoinColumn]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case joinType = "JoinType"
        case columns = "Columns"
    }
}

/// Mirrors Glue `SelectFromCollection`.
public struct SelectFromCollectionNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var index: Int

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case index = "Index"
    }
}

/// Mirrors Glue `FillMissingValues`.
public struct FillMissingValuesNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var imputedPath: String
    public var filledPath: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case imputedPath = "ImputedPath"
        case filledPath = "FilledPath"
    }
}

/// One operand of a `Filter` expression (`FilterValue`).
public struct FilterValue: Codable, Sendable, Equatable {
    /// `COLUMNEXTRACTED` or `CONSTANT`.
    public var `type`: String
    public var value: [String]

    enum CodingKeys: String, CodingKey {
        case `type` = "Type"
        case value = "Value"
    }
}

/// One comparison of a `Filter` node (`FilterExpression`).
public struct FilterExpression: Codable, Sendable, Equatable {
    /// `EQ`, `LT`, `GT`, `LTE`, `GTE`, `REGEX` or `ISNULL`.
    public var operation: String
    public var negated: Bool?
    public var values: [FilterValue]

    enum CodingKeys: String, CodingKey {
        case operation = "Operation"
        case negated = "Negated"
        case values = "Values"
    }
}

/// Mirrors Glue `Filter`.
public struct FilterNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    /// `AND` or `OR`.
    public var logicalOperator: String
    public var filters: [FilterExpression]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case logicalOperator = "LogicalOperator"
        case filters = "Filters"
    }
}

/// One input of a `SparkSQL` node and its alias.
public struct SqlAlias: Codable, Sendable, Equatable {
    public var from: String
    public var alias: String

    enum CodingKeys: String, CodingKey {
        case from = "From"
        case alias = "Alias"
    }
}

/// Mirrors Glue `SparkSQL`.
public struct SparkSQLNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var sqlQuery: String
    public var sqlAliases: [SqlAlias]
    public var outputSchemas: [GlueSchema]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case sqlQuery = "SqlQuery"
        case sqlAliases = "SqlAliases"
        case outputSchemas = "OutputSchemas"
    }
}

/// A checkbox set of `DropNullFields` (`NullCheckBoxList`).
public struct NullCheckBoxList: Codable, Sendable, Equatable {
    public var isEmpty: Bool?
    public var isNullString: Bool?
    public var isNegOne: Bool?

    enum CodingKeys: String, CodingKey {
        case isEmpty = "IsEmpty"
        case isNullString = "IsNullString"
        case isNegOne = "IsNegOne"
    }
}

/// A custom null token of `DropNullFields` (`NullValueField`).
public struct NullValueField: Codable, Sendable, Equatable {
    public struct Datatype: Codable, Sendable, Equatable {
        public var id: String
        public var label: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case label = "Label"
        }
    }
    public var value: String
    public var datatype: Datatype

    enum CodingKeys: String, CodingKey {
        case value = "Value"
        case datatype = "Datatype"
    }
}

/// Mirrors Glue `DropNullFields`.
public struct DropNullFieldsNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var nullCheckBoxList: NullCheckBoxList?
    public var nullTextList: [NullValueField]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case nullCheckBoxList = "NullCheckBoxList"
        case nullTextList = "NullTextList"
    }
}

/// Mirrors Glue `Union`.
public struct UnionNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    /// `ALL` or `DISTINCT`.
    public var unionType: String

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case unionType = "UnionType"
    }
}

/// One aggregation of an `Aggregate` node (`AggregateOperation`).
public struct AggregateOperation: Codable, Sendable, Equatable {
    public var column: PathSegments
    /// One of Glue Studio's `AggFunction` values (`avg`, `count`, `sum`, ...).
    public var aggFunc: String

    enum CodingKeys: String, CodingKey {
        case column = "Column"
        case aggFunc = "AggFunc"
    }
}

/// Mirrors Glue `Aggregate`.
public struct AggregateNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var groups: [PathSegments]
    public var aggs: [AggregateOperation]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case groups = "Groups"
        case aggs = "Aggs"
    }
}

/// Mirrors Glue `DropDuplicates`.
public struct DropDuplicatesNode: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var columns: [PathSegments]?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case inputs = "Inputs"
        case columns = "Columns"
    }
}
