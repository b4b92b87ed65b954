/// A Parquet page compression codec (`CompressionCodec` in parquet.thrift).
///
/// An open set: values this version does not know are kept as their raw number.
public struct CompressionCodec: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UNCOMPRESSED`
    public static let uncompressed = Self(rawValue: 0)
    /// `SNAPPY`
    public static let snappy = Self(rawValue: 1)
    /// `GZIP`
    public static let gzip = Self(rawValue: 2)
    /// `LZO`
    public static let lzo = Self(rawValue: 3)
    /// `BROTLI`
    public static let brotli = Self(rawValue: 4)
    /// `LZ4`
    public static let lz4 = Self(rawValue: 5)
    /// `ZSTD`
    public static let zstd = Self(rawValue: 6)
    /// `LZ4_RAW`
    public static let lz4Raw = Self(rawValue: 7)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "UNCOMPRESSED"
        case 1: "SNAPPY"
        case 2: "GZIP"
        case 3: "LZO"
        case 4: "BROTLI"
        case 5: "LZ4"
        case 6: "ZSTD"
        case 7: "LZ4_RAW"
        default: "CompressionCodec(\(rawValue))"
        }
    }
}
