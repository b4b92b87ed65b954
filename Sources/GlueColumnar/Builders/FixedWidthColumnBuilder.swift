import GlueCore

/// Builds a column of fixed-width values one row at a time (the readers' hot path).
///
/// The validity bitmap is created only when the first null arrives, so a column without nulls
/// never pays for one.
public struct FixedWidthColumnBuilder<Element: FixedWidthValue>: Sendable {
    /// The logical type of the column being built.
    public let dataType: DataType
    @usableFromInline var elements: [Element]
    @usableFromInline var validity: ValidityBitmap?

    /// Creates a builder; `capacity` is a hint.
    ///
    /// - Precondition: `Element` is the storage element of `dataType` (see ``ColumnStorage``).
    public init(_ dataType: DataType, capacity: Int = 0) {
        precondition(Column.storageMatches(dataType, Element.storage([])), "element type does not fit \(dataType)")
        self.dataType = dataType
        elements = []
        elements.reserveCapacity(capacity)
    }

    /// The number of rows appended so far.
    @inlinable public var count: Int { elements.count }

    /// Appends a value.
    @inlinable
    public mutating func append(_ element: Element) {
        elements.append(element)
        validity?.append(true)
    }

    /// Appends a null.
    @inlinable
    public mutating func appendNull() {
        if validity == nil { validity = ValidityBitmap(count: elements.count, allValid: true) }
        elements.append(.zero)
        validity?.append(false)
    }

    /// Appends a value or a null.
    @inlinable
    public mutating func append(_ element: Element?) {
        if let element { append(element) } else { appendNull() }
    }

    /// Returns the column built so far and empties the builder.
    public mutating func finish() -> Column {
        let column = Column(dataType, storage: Element.storage(elements), validity: validity)
        elements = []
        validity = nil
        return column
    }
}
