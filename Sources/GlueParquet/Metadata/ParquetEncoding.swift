/// A Parquet value or level encoding (`Encoding` in parquet.thrift).
///
/// An open set: values this version does not know are kept as their raw number.
public struct ParquetEncoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `PLAIN`
    public static let plain = Self(rawValue: 0)
    /// `PLAIN_DICTIONARY`
    public static let plainDictionary = Self(rawValue: 2)
    /// `RLE`
    public static let rle = Self(rawValue: 3)
    /// `BIT_PACKED`
    public static let bitPacked = Self(rawValue: 4)
    /// `DELTA_BINARY_PACKED`
    public static let deltaBinaryPacked = Self(rawValue: 5)
    /// `DELTA_LENGTH_BYTE_ARRAY`
    public static let deltaLengthByteArray = Self(rawValue: 6)
    /// `DELTA_BYTE_ARRAY`
    public static let deltaByteArray = Self(rawValue: 7)
    /// `RLE_DICTIONARY`
    public static let rleDictionary = Self(rawValue: 8)
    /// `BYTE_STREAM_SPLIT`
    public static let byteStreamSplit = Self(rawValue: 9)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "PLAIN"
        case 2: "PLAIN_DICTIONARY"
        case 3: "RLE"
        case 4: "BIT_PACKED"
        case 5: "DELTA_BINARY_PACKED"
        case 6: "DELTA_LENGTH_BYTE_ARRAY"
        case 7: "DELTA_BYTE_ARRAY"
        case 8: "RLE_DICTIONARY"
        case 9: "BYTE_STREAM_SPLIT"
        default: "ParquetEncoding(\(rawValue))"
        }
    }
}
