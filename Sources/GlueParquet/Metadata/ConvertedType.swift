/// A legacy Parquet type annotation (`ConvertedType` in parquet.thrift).
///
/// An open set: values this version does not know are kept as their raw number.
public struct ConvertedType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UTF8`
    public static let utf8 = Self(rawValue: 0)
    /// `MAP`
    public static let map = Self(rawValue: 1)
    /// `MAP_KEY_VALUE`
    public static let mapKeyValue = Self(rawValue: 2)
    /// `LIST`
    public static let list = Self(rawValue: 3)
    /// `ENUM`
    public static let `enum` = Self(rawValue: 4)
    /// `DECIMAL`
    public static let decimal = Self(rawValue: 5)
    /// `DATE`
    public static let date = Self(rawValue: 6)
    /// `TIME_MILLIS`
    public static let timeMillis = Self(rawValue: 7)
    /// `TIME_MICROS`
    public static let timeMicros = Self(rawValue: 8)
    /// `TIMESTAMP_MILLIS`
    public static let timestampMillis = Self(rawValue: 9)
    /// `TIMESTAMP_MICROS`
    public static let timestampMicros = Self(rawValue: 10)
    /// `UINT_8`
    public static let uint8 = Self(rawValue: 11)
    /// `UINT_16`
    public static let uint16 = Self(rawValue: 12)
    /// `UINT_32`
    public static let uint32 = Self(rawValue: 13)
    /// `UINT_64`
    public static let uint64 = Self(rawValue: 14)
    /// `INT_8`
    public static let int8 = Self(rawValue: 15)
    /// `INT_16`
    public static let int16 = Self(rawValue: 16)
    /// `INT_32`
    public static let int32 = Self(rawValue: 17)
    /// `INT_64`
    public static let int64 = Self(rawValue: 18)
    /// `JSON`
    public static let json = Self(rawValue: 19)
    /// `BSON`
    public static let bson = Self(rawValue: 20)
    /// `INTERVAL`
    public static let interval = Self(rawValue: 21)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "UTF8"
        case 1: "MAP"
        case 2: "MAP_KEY_VALUE"
        case 3: "LIST"
        case 4: "ENUM"
        case 5: "DECIMAL"
        case 6: "DATE"
        case 7: "TIME_MILLIS"
        case 8: "TIME_MICROS"
        case 9: "TIMESTAMP_MILLIS"
        case 10: "TIMESTAMP_MICROS"
        case 11: "UINT_8"
        case 12: "UINT_16"
        case 13: "UINT_32"
        case 14: "UINT_64"
        case 15: "INT_8"
        case 16: "INT_16"
        case 17: "INT_32"
        case 18: "INT_64"
        case 19: "JSON"
        case 20: "BSON"
        case 21: "INTERVAL"
        default: "ConvertedType(\(rawValue))"
        }
    }
}
