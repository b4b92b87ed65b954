/// Variable-length values (strings, binary) as one byte buffer plus `count + 1` offsets.
///
/// ```
/// offsets: [0, 3, 3, 8]          value 0 = bytes[0..<3], value 1 = "" , value 2 = bytes[3..<8]
/// bytes:   h i !  h e l l o
/// ```
/// A null row occupies an empty range; the column's validity bitmap says it is null.
public struct VariableWidthBuffer: Sendable, Hashable {
    /// `count + 1` non-decreasing offsets into ``bytes``, starting at 0.
    @inlinable public var offsets: [Int] { storedOffsets }
    /// The values' bytes, back to back.
    @inlinable public var bytes: [UInt8] { storedBytes }
    @usableFromInline internal var storedOffsets: [Int]
    @usableFromInline internal var storedBytes: [UInt8]

    /// An empty buffer.
    public init() {
        storedOffsets = [0]
        storedBytes = []
    }

    /// A buffer from offsets and bytes.
    ///
    /// - Precondition: offsets start at 0, never decrease, and end at `bytes.count`.
    public init(offsets: [Int], bytes: [UInt8]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "offsets do not cover the bytes")
        self.storedOffsets = offsets
        self.storedBytes = bytes
    }

    /// The number of values.
    @inlinable public var count: Int { offsets.count - 1 }

    /// The byte range of value `index`.
    @inlinable
    public func range(at index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// The bytes of value `index` as an array slice.
    @inlinable
    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[range(at: index)] }

    /// The value at `index` decoded as UTF-8 (invalid bytes become U+FFFD).
    public func string(at index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Appends one value.
    @inlinable
    public mutating func append(_ value: some Collection<UInt8>) {
        storedBytes.append(contentsOf: value)
        storedOffsets.append(storedBytes.count)
    }

    /// Appends one value from raw memory.
    @inlinable
    public mutating func append(_ value: UnsafeRawBufferPointer) {
        storedBytes.append(contentsOf: value)
        storedOffsets.append(storedBytes.count)
    }

    /// Appends an empty value (for a null row).
    @inlinable
    public mutating func appendEmpty() { storedOffsets.append(storedBytes.count) }

    /// Reserves room for `values` more values holding about `byteCount` more bytes.
    public mutating func reserveCapacity(values: Int, bytes byteCount: Int) {
        storedOffsets.reserveCapacity(storedOffsets.count + values)
        storedBytes.reserveCapacity(storedBytes.count + byteCount)
    }
}
