import GlueColumnar
import GlueCore

/// Turns a chunk's physical values into a column's storage: the logical conversion (narrowing,
/// unsigned widening, timestamp units, decimals) and the spreading of non-null values over rows.
enum ValueConversion {
    /// The storage for `rowCount` rows; `levels` (one per row, 0 for null) is `nil` when no row is null.
    static func storage(
        descriptor: ParquetColumnDescriptor, values: PhysicalValues, dictionary: PhysicalValues, levels: [Int32]?, rowCount: Int
    ) throws(GlueError) -> ColumnStorage {
        var values = values
        if values.isIndexed, descriptor.conversion != .bytes {
            values.byteArrays = expand(values.indices, dictionary.byteArrays)
            values.isIndexed = false
        }
        switch descriptor.conversion {
        case .boolean:
            return .boolean(spread(values.booleans, levels, false))
        case .int32:
            return .int32(spread(values.int32s, levels, 0))
        case .int8:
            return .int8(spread(values.int32s.map { Int8(truncatingIfNeeded: $0) }, levels, 0))
        case .int16:
            return .int16(spread(values.int32s.map { Int16(truncatingIfNeeded: $0) }, levels, 0))
        case .uint8:
            return .int16(spread(values.int32s.map { Int16(UInt8(truncatingIfNeeded: $0)) }, levels, 0))
        case .uint16:
            return .int32(spread(values.int32s.map { Int32(UInt16(truncatingIfNeeded: $0)) }, levels, 0))
        case .uint32:
            return .int64(spread(values.int32s.map { Int64(UInt32(bitPattern: $0)) }, levels, 0))
        case .int64, .int96, .timestamp(.micros):
            return .int64(spread(values.int64s, levels, 0))
        case .timestamp(.millis):
            var micros: [Int64] = []
            micros.reserveCapacity(values.int64s.count)
            for value in values.int64s {
                let (product, overflow) = value.multipliedReportingOverflow(by: 1000)
                guard !overflow else { throw invalidData("timestamp \(value) ms is outside the microsecond range") }
                micros.append(product)
            }
            return .int64(spread(micros, levels, 0))
        case .timestamp(.nanos):
            return .int64(spread(values.int64s.map { floorDivide($0, 1000) }, levels, 0))
        case .uint64:
            return .int128(spread(values.int64s.map { Int128(UInt64(bitPattern: $0)) }, levels, 0))
        case .float:
            return .float32(spread(values.floats, levels, 0))
        case .double:
            return .float64(spread(values.doubles, levels, 0))
        case .float16:
            var floats: [Float] = []
            floats.reserveCapacity(values.byteArrays.count)
            let bytes = values.byteArrays.bytes
            for index in 0..<values.byteArrays.count {
                let start = values.byteArrays.offsets[index]
                floats.append(halfToFloat(UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8))
            }
            return .float32(spread(floats, levels, 0))
        case .decimalInt32:
            return .int128(spread(values.int32s.map { Int128($0) }, levels, 0))
        case .decimalInt64:
            return .int128(spread(values.int64s.map { Int128($0) }, levels, 0))
        case .decimalBytes:
            let source = values.byteArrays
            var decimals: [Int128] = []
            decimals.reserveCapacity(source.count)
            for index in 0..<source.count {
                decimals.append(try bigEndianDecimal(source.bytes[source.range(at: index)], column: descriptor.name))
            }
            return .int128(spread(decimals, levels, 0))
        case .bytes:
            if values.isIndexed, dictionary.byteArrays.count > 0 {
                let indices = spread(values.indices, levels, 0)
                return .dictionary(
                    indices: indices,
                    values: VariableWidthBuffer(offsets: dictionary.byteArrays.offsets, bytes: dictionary.byteArrays.bytes))
            }
            let source = values.isIndexed ? expand(values.indices, dictionary.byteArrays) : values.byteArrays
            return .bytes(spreadBytes(source, levels, rowCount))
        }
    }

    /// Spreads non-null values over rows; null rows get `zero`.
    static func spread<T>(_ compact: [T], _ levels: [Int32]?, _ zero: T) -> [T] {
        guard let levels else { return compact }
        var result = [T](repeating: zero, count: levels.count)
        var next = 0
        result.withUnsafeMutableBufferPointer { output in
            compact.withUnsafeBufferPointer { input in
                for row in 0..<levels.count where levels[row] != 0 && next < input.count {
                    output[row] = input[next]
                    next += 1
                }
            }
        }
        return result
    }

    /// Spreads byte-array values over rows; a null row is an empty range.
    static func spreadBytes(_ compact: ByteArrayValues, _ levels: [Int32]?, _ rowCount: Int) -> VariableWidthBuffer {
        guard let levels else { return VariableWidthBuffer(offsets: compact.offsets, bytes: compact.bytes) }
        var offsets = [Int](repeating: 0, count: rowCount + 1)
        var next = 0
        for row in 0..<rowCount {
            if levels[row] != 0, next < compact.count { next += 1 }
            offsets[row + 1] = compact.offsets[next]
        }
        return VariableWidthBuffer(offsets: offsets, bytes: compact.bytes)
    }

    /// Copies dictionary entries out for each index.
    static func expand(_ indices: [Int32], _ dictionary: ByteArrayValues) -> ByteArrayValues {
        var result = ByteArrayValues()
        result.offsets.reserveCapacity(indices.count + 1)
        for index in indices { result.append(dictionary.bytes[dictionary.range(at: Int(index))]) }
        return result
    }

    /// A big-endian two's-complement unscaled decimal of up to 16 significant bytes.
    static func bigEndianDecimal(_ bytes: ArraySlice<UInt8>, column: String) throws(GlueError) -> Int128 {
        guard let first = bytes.first else { return 0 }
        let negative = first & 0x80 != 0
        var start = bytes.startIndex
        // Wider than 16 bytes is allowed only when the extra leading bytes are sign extension.
        while bytes.endIndex - start > 16 {
            guard bytes[start] == (negative ? 0xFF : 0x00) else {
                throw invalidData("a decimal of column \(column) does not fit in 128 bits")
            }
            start += 1
        }
        var value: UInt128 = negative ? ~0 : 0
        for byte in bytes[start...] { value = value << 8 | UInt128(byte) }
        return Int128(bitPattern: value)
    }

    @inline(__always)
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    /// IEEE 754 half precision to single precision.
    static func halfToFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits >> 15) << 31
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 31 {
            return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }
}
