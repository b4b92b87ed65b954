/// A fixed-width element type that a column stores in a flat array.
public protocol FixedWidthValue: BitwiseCopyable, Sendable, Hashable {
    /// Wraps an array of elements as column storage.
    static func storage(_ values: [Self]) -> ColumnStorage
    /// The value stored in null rows.
    static var zero: Self { get }
}

extension Bool: FixedWidthValue {
    @inlinable public static func storage(_ values: [Bool]) -> ColumnStorage { .boolean(values) }
    @inlinable public static var zero: Bool { false }
}
extension Int8: FixedWidthValue {
    @inlinable public static func storage(_ values: [Int8]) -> ColumnStorage { .int8(values) }
}
extension Int16: FixedWidthValue {
    @inlinable public static func storage(_ values: [Int16]) -> ColumnStorage { .int16(values) }
}
extension Int32: FixedWidthValue {
    @inlinable public static func storage(_ values: [Int32]) -> ColumnStorage { .int32(values) }
}
extension Int64: FixedWidthValue {
    @inlinable public static func storage(_ values: [Int64]) -> ColumnStorage { .int64(values) }
}
extension Int128: FixedWidthValue {
    @inlinable public static func storage(_ values: [Int128]) -> ColumnStorage { .int128(values) }
}
extension Float: FixedWidthValue {
    @inlinable public static func storage(_ values: [Float]) -> ColumnStorage { .float32(values) }
}
extension Double: FixedWidthValue {
    @inlinable public static func storage(_ values: [Double]) -> ColumnStorage { .float64(values) }
}
