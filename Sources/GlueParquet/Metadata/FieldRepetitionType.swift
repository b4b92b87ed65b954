/// Whether a schema element is required, optional or repeated (`FieldRepetitionType`).
///
/// An open set: values this version does not know are kept as their raw number.
public struct FieldRepetitionType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number stored in the Thrift metadata.
    public var rawValue: Int32
    /// Creates a value from its Thrift number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `REQUIRED`
    public static let required = Self(rawValue: 0)
    /// `OPTIONAL`
    public static let optional = Self(rawValue: 1)
    /// `REPEATED`
    public static let repeated = Self(rawValue: 2)

    /// The spec's name of the value.
    public var description: String {
        switch rawValue {
        case 0: "REQUIRED"
        case 1: "OPTIONAL"
        case 2: "REPEATED"
        default: "FieldRepetitionType(\(rawValue))"
        }
    }
}
