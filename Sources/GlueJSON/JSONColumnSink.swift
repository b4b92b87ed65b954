import GlueColumnar
import GlueCore

/// One column of a batch being read: typed arrays for scalar types (filled straight from the
/// bytes by ``JSONLineConverter``), boxed ``Value``s for nested and choice types.
///
/// Unlike the columnar builders it can drop its last rows (``truncate(to:)``), so a line that
/// the byte-level path gives up on halfway leaves nothing behind.
struct JSONColumnSink {
    /// How the column is stored while it is built.
    enum Kind: Equatable {
        case boolean, int8, int16, int32, int64, float32, float64
        case decimal(precision: Int, scale: Int)
        case date, timestamp
        case text, binary
        /// Arrays, maps, structs and choices: boxed values, through ``ColumnBuilder``.
        case nested

        init(_ type: DataType) {
            switch type {
            case .boolean: self = .boolean
            case .tinyint: self = .int8
            case .smallint: self = .int16
            case .int: self = .int32
            case .bigint: self = .int64
            case .float: self = .float32
            case .double: self = .float64
            case .decimal(let precision, let scale): self = .decimal(precision: precision, scale: scale)
            case .date: self = .date
            case .timestamp, .timestampNTZ: self = .timestamp
            case .string, .char, .varchar: self = .text
            case .binary: self = .binary
            case .array, .map, .struct, .choice: self = .nested
            }
        }
    }

    let dataType: DataType
    let kind: Kind
    /// Integers of every width, dates (days) and timestamps (microseconds).
    var integers: [Int64] = []
    var doubles: [Double] = []
    var floats: [Float] = []
    var booleans: [Bool] = []
    var decimals: [Int128] = []
    /// Text and binary: the values' bytes back to back, and `count + 1` offsets.
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var values: [Value] = []
    /// The rows (ascending) that are null.
    var nullRows: [Int] = []
    private(set) var count = 0

    init(_ dataType: DataType) {
        self.dataType = dataType
        kind = Kind(dataType)
    }

    @inline(__always) mutating func appendInteger(_ value: Int64) {
        integers.append(value)
        count += 1
    }

    @inline(__always) mutating func appendDouble(_ value: Double) {
        doubles.append(value)
        count += 1
    }

    @inline(__always) mutating func appendFloat(_ value: Float) {
        floats.append(value)
        count += 1
    }

    @inline(__always) mutating func appendBoolean(_ value: Bool) {
        booleans.append(value)
        count += 1
    }

    @inline(__always) mutating func appendDecimal(_ value: Int128) {
        decimals.append(value)
        count += 1
    }

    /// Appends raw bytes as one text or binary value.
    @inline(__always) mutating func appendBytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        offsets.append(bytes.count)
        count += 1
    }

    /// Appends a byte array as one binary value.
    mutating func appendBytes(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
        closeBytes()
    }

    /// Ends a text value whose bytes were appended to ``bytes`` directly.
    @inline(__always) mutating func closeBytes() {
        offsets.append(bytes.count)
        count += 1
    }

    mutating func appendBoxed(_ value: Value) {
        values.append(value)
        count += 1
    }

    /// Appends a null.
    mutating func appendNull() {
        nullRows.append(count)
        switch kind {
        case .boolean: booleans.append(false)
        case .int8, .int16, .int32, .int64, .date, .timestamp: integers.append(0)
        case .float32: floats.append(0)
        case .float64: doubles.append(0)
        case .decimal: decimals.append(0)
        case .text, .binary: offsets.append(bytes.count)
        case .nested: values.append(.null)
        }
        count += 1
    }

    /// Appends a value converted by ``JSONValueConverter`` (the tree path); a value of the wrong
    /// shape becomes null, as the columnar builders' conformance check would make it.
    mutating func append(_ value: Value) {
        switch (kind, value) {
        case (_, .null): appendNull()
        case (.boolean, .boolean(let flag)): appendBoolean(flag)
        case (.int8, .integer(let v)) where Int8(exactly: v) != nil: appendInteger(v)
        case (.int16, .integer(let v)) where Int16(exactly: v) != nil: appendInteger(v)
        case (.int32, .integer(let v)) where Int32(exactly: v) != nil: appendInteger(v)
        case (.int64, .integer(let v)): appendInteger(v)
        case (.float32, .float(let v)): appendFloat(v)
        case (.float32, .double(let v)): appendFloat(Float(v))
        case (.float64, .double(let v)): appendDouble(v)
        case (.float64, .float(let v)): appendDouble(Double(v))
        case (.decimal(let precision, let scale), .decimal(let unscaled, let valueScale)):
            if let rescaled = Decimal128.rescale(unscaled, from: valueScale, to: scale), Decimal128.fits(rescaled, precision: precision) {
                appendDecimal(rescaled)
            } else {
                appendNull()
            }
        case (.date, .date(let days)): appendInteger(Int64(days))
        case (.timestamp, .timestamp(let micros)): appendInteger(micros)
        case (.text, .string(let text)), (.binary, .string(let text)):
            bytes.append(contentsOf: text.utf8)
            closeBytes()
        case (.binary, .binary(let data)), (.text, .binary(let data)):
            bytes.append(contentsOf: data)
            closeBytes()
        case (.nested, _): appendBoxed(value)
        default: appendNull()
        }
    }

    /// Drops the rows from `rowCount` on.
    mutating func truncate(to rowCount: Int) {
        guard rowCount < count else { return }
        while let last = nullRows.last, last >= rowCount { nullRows.removeLast() }
        switch kind {
        case .boolean: booleans.removeLast(count - rowCount)
        case .int8, .int16, .int32, .int64, .date, .timestamp: integers.removeLast(count - rowCount)
        case .float32: floats.removeLast(count - rowCount)
        case .float64: doubles.removeLast(count - rowCount)
        case .decimal: decimals.removeLast(count - rowCount)
        case .text, .binary:
            offsets.removeLast(count - rowCount)
            bytes.removeLast(bytes.count - (offsets.last ?? 0))
        case .nested: values.removeLast(count - rowCount)
        }
        count = rowCount
    }

    /// Returns the column built so far and empties the sink.
    mutating func finish() -> Column {
        var validity: ValidityBitmap? = nil
        if !nullRows.isEmpty {
            var bitmap = ValidityBitmap(count: count, allValid: true)
            for row in nullRows { bitmap.set(false, at: row) }
            validity = bitmap
        }
        let column: Column
        switch kind {
        case .boolean: column = Column(dataType, storage: .boolean(booleans), validity: validity)
        case .int8: column = Column(dataType, storage: .int8(integers.map { Int8(truncatingIfNeeded: $0) }), validity: validity)
        case .int16: column = Column(dataType, storage: .int16(integers.map { Int16(truncatingIfNeeded: $0) }), validity: validity)
        case .int32, .date: column = Column(dataType, storage: .int32(integers.map { Int32(truncatingIfNeeded: $0) }), validity: validity)
        case .int64, .timestamp: column = Column(dataType, storage: .int64(integers), validity: validity)
        case .float32: column = Column(dataType, storage: .float32(floats), validity: validity)
        case .float64: column = Column(dataType, storage: .float64(doubles), validity: validity)
        case .decimal: column = Column(dataType, storage: .int128(decimals), validity: validity)
        case .text, .binary:
            column = Column(dataType, storage: .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes)), validity: validity)
        case .nested:
            var builder = ColumnBuilder(dataType)
            for value in values {
                do { try builder.append(value) } catch { try? builder.append(.null) }
            }
            column = builder.finish()
        }
        let kept = (kind, dataType)
        self = JSONColumnSink(kept.1)
        return column
    }
}
