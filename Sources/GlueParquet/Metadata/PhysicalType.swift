/// A Parquet physical type (`Type` in parquet.thrift).
///
/// An open set: values this version does not know are kept as their raw number.
public struct PhysicalType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `BOOLEAN`
    public static let boolean = Self(rawValue: 0)
    /// `INT32`
    public static let int32 = Self(rawValue: 1)
    /// `INT64`
    public static let int64 = Self(rawValue: 2)
    /// `INT96`
    public static let int96 = Self(rawValue: 3)
    /// `FLOAT`
    public static let float = Self(rawValue: 4)
    /// `DOUBLE`
    public static let double = Self(rawValue: 5)
    /// `BYTE_ARRAY`
    public static let byteArray = Self(rawValue: 6)
    /// `FIXED_LEN_BYTE_ARRAY`
    public static let fixedLenByteArray = Self(rawValue: 7)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "BOOLEAN"
        case 1: "INT32"
        case 2: "INT64"
        case 3: "INT96"
        case 4: "FLOAT"
        case 5: "DOUBLE"
        case 6: "BYTE_ARRAY"
        case 7: "FIXED_LEN_BYTE_ARRAY"
        default: "PhysicalType(\(rawValue))"
        }
    }
}
