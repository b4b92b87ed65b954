/// The kind of a Parquet page (`PageType` in parquet.thrift).
///
/// An open set: values this version does not know are kept as their raw number.
public struct PageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `DATA_PAGE`
    public static let dataPage = Self(rawValue: 0)
    /// `INDEX_PAGE`
    public static let indexPage = Self(rawValue: 1)
    /// `DICTIONARY_PAGE`
    public static let dictionaryPage = Self(rawValue: 2)
    /// `DATA_PAGE_V2`
    public static let dataPageV2 = Self(rawValue: 3)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "DATA_PAGE"
        case 1: "INDEX_PAGE"
        case 2: "DICTIONARY_PAGE"
        case 3: "DATA_PAGE_V2"
        default: "PageType(\(rawValue))"
        }
    }
}
