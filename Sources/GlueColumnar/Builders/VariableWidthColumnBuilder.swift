import GlueCore

/// Builds a `string`, `char`, `varchar` or `binary` column one row at a time.
public struct VariableWidthColumnBuilder: Sendable {
    /// The logical type of the column being built.
    public let dataType: DataType
    @usableFromInline var buffer: VariableWidthBuffer
    @usableFromInline var validity: ValidityBitmap?

    /// Creates a builder; the capacities are hints.
    ///
    /// - Precondition: `dataType` is a string type or `binary`.
    public init(_ dataType: DataType = .string, capacity: Int = 0, byteCapacity: Int = 0) {
        precondition(dataType.isString || dataType == .binary, "\(dataType) is not a variable-width type")
        self.dataType = dataType
        buffer = VariableWidthBuffer()
        buffer.reserveCapacity(values: capacity, bytes: byteCapacity)
    }

    /// The number of rows appended so far.
    @inlinable public var count: Int { buffer.count }

    /// Appends a value's bytes.
    @inlinable
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(bytes)
        validity?.append(true)
    }

    /// Appends a value's bytes from raw memory.
    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
        validity?.append(true)
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public mutating func append(_ string: String) {
        append(string.utf8)
    }

    /// Appends a null.
    @inlinable
    public mutating func appendNull() {
        if validity == nil { validity = ValidityBitmap(count: buffer.count, allValid: true) }
        buffer.appendEmpty()
        validity?.append(false)
    }

    /// Returns the column built so far and empties the builder.
    public mutating func finish() -> Column {
        let column = Column(dataType, storage: .bytes(buffer), validity: validity)
        buffer = VariableWidthBuffer()
        validity = nil
        return column
    }
}
