/// One value of a column, for the edges of the engine: literals in tests, `Map` closures, printing.
///
/// Kernels never work on `Value`s; they work on a column's typed buffers.
public enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    /// Any integer type, widened to 64 bits.
    case integer(Int64)
    case float(Float)
    case double(Double)
    /// An exact decimal: `unscaled / 10^scale`.
    case decimal(unscaled: Int128, scale: Int)
    case string(String)
    case binary([UInt8])
    /// Days since 1970-01-01.
    case date(days: Int32)
    /// Microseconds since 1970-01-01T00:00:00 (UTC for `timestamp`, wall clock for `timestamp_ntz`).
    case timestamp(microseconds: Int64)
    case array([Value])
    /// Map entries in order, as parallel key and value lists.
    case map(keys: [Value], values: [Value])
    /// Struct fields in the struct type's order.
    case structure([Value])

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
