/// The physical values of a ``Column``: one typed buffer per logical type family.
///
/// | logical type | storage |
/// | --- | --- |
/// | `boolean` | `boolean([Bool])` |
/// | `tinyint`, `smallint`, `int`, `bigint` | `int8`, `int16`, `int32`, `int64` |
/// | `float`, `double` | `float32`, `float64` |
/// | `decimal(p,s)` | `int128`: the unscaled value (`12.34` in `decimal(5,2)` is `1234`) |
/// | `date` | `int32`: days since 1970-01-01 |
/// | `timestamp`, `timestamp_ntz` | `int64`: microseconds since 1970-01-01T00:00:00 |
/// | `string`, `char`, `varchar`, `binary` | `bytes`, or `dictionary` for low-cardinality text |
/// | `array<T>` | `list`: `count + 1` offsets into a child column |
/// | `map<K,V>` | `list` whose child is `struct<key:K,value:V>` |
/// | `struct<...>` | `structure`: one child column per field, each `count` long |
/// | `choice<...>` | `union`: a branch index per row and one `count`-long child per branch |
///
/// Rows that are null hold an unspecified value (zero, empty) in the buffers.
public indirect enum ColumnStorage: Sendable {
    case boolean([Bool])
    case int8([Int8])
    case int16([Int16])
    case int32([Int32])
    case int64([Int64])
    case float32([Float])
    case float64([Double])
    case int128([Int128])
    case bytes(VariableWidthBuffer)
    /// Indices into a buffer of distinct values.
    case dictionary(indices: [Int32], values: VariableWidthBuffer)
    case list(offsets: [Int], values: Column)
    case structure([Column])
    case union(branchIndices: [Int8], branches: [Column])

    /// The number of rows the storage holds.
    public var count: Int {
        switch self {
        case .boolean(let values): values.count
        case .int8(let values): values.count
        case .int16(let values): values.count
        case .int32(let values): values.count
        case .int64(let values): values.count
        case .float32(let values): values.count
        case .float64(let values): values.count
        case .int128(let values): values.count
        case .bytes(let buffer): buffer.count
        case .dictionary(let indices, _): indices.count
        case .list(let offsets, _): offsets.count - 1
        case .structure(let children): children.first?.count ?? 0
        case .union(let branchIndices, _): branchIndices.count
        }
    }
}
