/// A column's logical type, in the Glue Data Catalog's (Hive's) vocabulary.
///
/// ``DataType/description`` prints the catalog's type string (`bigint`, `decimal(10,2)`,
/// `array<struct<name:string>>`) and ``DataType/init(parsing:)`` reads one, so a `Columns` entry
/// copied from `aws glue get-table` round-trips.
///
/// | case | catalog string | values |
/// | --- | --- | --- |
/// | `boolean` | `boolean` | true/false |
/// | `tinyint`, `smallint`, `int`, `bigint` | same | 8, 16, 32, 64-bit signed integers |
/// | `float`, `double` | same | IEEE 754 binary32, binary64 |
/// | `decimal(p, s)` | `decimal(p,s)` | exact, up to 38 digits |
/// | `string`, `char(n)`, `varchar(n)` | same | UTF-8 text |
/// | `binary` | `binary` | bytes |
/// | `date` | `date` | days since 1970-01-01 |
/// | `timestamp` | `timestamp` | an instant, microseconds since the epoch in UTC (Spark's `TimestampType`) |
/// | `timestampNTZ` | `timestamp_ntz` | a wall-clock time without zone, in microseconds |
/// | `array`, `map`, `struct` | `array<T>`, `map<K,V>`, `struct<a:T,...>` | nested values |
/// | `choice` | `choice<int,string>` | a DynamicFrame column whose values have several types |
public indirect enum DataType: Hashable, Sendable {
    case boolean
    case tinyint
    case smallint
    case int
    case bigint
    case float
    case double
    /// An exact decimal with `precision` digits in all, `scale` of them after the point (1...38).
    case decimal(precision: Int, scale: Int)
    case string
    /// A fixed-length string; values are stored as given (Glue does not pad on read).
    case char(Int)
    /// A string with a maximum length.
    case varchar(Int)
    case binary
    case date
    case timestamp
    case timestampNTZ
    case array(DataType)
    case map(key: DataType, value: DataType)
    case `struct`([Field])
    /// A DynamicFrame choice type: one column whose values come in several types.
    case choice([DataType])

    /// The largest precision a decimal may have.
    public static let maximumDecimalPrecision = 38
}

extension DataType {
    /// Whether the type is one of the integer types.
    public var isIntegral: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint: true
        default: false
        }
    }

    /// Whether the type is numeric (integers, floating point, decimals).
    public var isNumeric: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint, .float, .double, .decimal: true
        default: false
        }
    }

    /// Whether values of the type are text (`string`, `char(n)`, `varchar(n)`).
    public var isString: Bool {
        switch self {
        case .string, .char, .varchar: true
        default: false
        }
    }

    /// Whether the type is a primitive (not array, map, struct or choice).
    public var isPrimitive: Bool {
        switch self {
        case .array, .map, .struct, .choice: false
        default: true
        }
    }

    /// The width in bits of an integer type, or `nil`.
    public var integerBitWidth: Int? {
        switch self {
        case .tinyint: 8
        case .smallint: 16
        case .int: 32
        case .bigint: 64
        default: nil
        }
    }
}
