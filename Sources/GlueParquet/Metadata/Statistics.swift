import GlueCore

/// Column-chunk (or page) statistics (`Statistics` in parquet.thrift). Values are PLAIN-encoded,
/// without the length prefix for byte arrays.
public struct Statistics: Hashable, Sendable {
    /// Deprecated maximum, compared with signed order by old writers.
    public var max: [UInt8]?
    /// Deprecated minimum, compared with signed order by old writers.
    public var min: [UInt8]?
    /// The number of nulls; `nil` means unknown (not zero).
    public var nullCount: Int64?
    /// The number of distinct values, when the writer knew it.
    public var distinctCount: Int64?
    /// The maximum in the column's sort order.
    public var maxValue: [UInt8]?
    /// The minimum in the column's sort order.
    public var minValue: [UInt8]?
    /// Whether `maxValue` is an actual value (false: a truncated upper bound).
    public var isMaxValueExact: Bool?
    /// Whether `minValue` is an actual value (false: a truncated lower bound).
    public var isMinValueExact: Bool?
    /// The number of NaN values of a floating-point column.
    public var nanCount: Int64?

    /// Creates empty statistics.
    public init() {}

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: max = try reader.readBinary(field.type)
            case 2: min = try reader.readBinary(field.type)
            case 3: nullCount = try reader.readI64(field.type)
            case 4: distinctCount = try reader.readI64(field.type)
            case 5: maxValue = try reader.readBinary(field.type)
            case 6: minValue = try reader.readBinary(field.type)
            case 7: isMaxValueExact = try reader.readBool(field.type)
            case 8: isMinValueExact = try reader.readBool(field.type)
            case 9: nanCount = try reader.readI64(field.type)
            default: try reader.skip(field.type)
            }
        }
    }

    func write(_ id: Int16, to writer: inout ThriftCompactWriter) {
        writer.beginStruct(id)
        if let max { writer.writeBinary(1, max) }
        if let min { writer.writeBinary(2, min) }
        if let nullCount { writer.writeI64(3, nullCount) }
        if let distinctCount { writer.writeI64(4, distinctCount) }
        if let maxValue { writer.writeBinary(5, maxValue) }
        if let minValue { writer.writeBinary(6, minValue) }
        if let isMaxValueExact { writer.writeBool(7, isMaxValueExact) }
        if let isMinValueExact { writer.writeBool(8, isMinValueExact) }
        if let nanCount { writer.writeI64(9, nanCount) }
        writer.endStruct()
    }
}
