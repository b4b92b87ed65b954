import GlueCore

extension Column {
    /// `boolean` to numbers (1/0), decimals and timestamps (1 or 0 microseconds, as Spark).
    static func castBoolean(_ values: [Bool], validity: ValidityBitmap?, to target: DataType) -> Column {
        switch target {
        case .tinyint: return CastSupport.column(target, values, validity: validity) { Int8($0 ? 1 : 0) }
        case .smallint: return CastSupport.column(target, values, validity: validity) { Int16($0 ? 1 : 0) }
        case .int: return CastSupport.column(target, values, validity: validity) { Int32($0 ? 1 : 0) }
        case .bigint, .timestamp: return CastSupport.column(target, values, validity: validity) { Int64($0 ? 1 : 0) }
        case .float: return CastSupport.column(target, values, validity: validity) { Float($0 ? 1 : 0) }
        case .double: return CastSupport.column(target, values, validity: validity) { Double($0 ? 1 : 0) }
        case .decimal(let precision, let scale):
            return CastSupport.column(target, values, validity: validity) {
                CastSupport.decimal(fromInteger: $0 ? 1 : 0, precision: precision, scale: scale)
            }
        default: return .nulls(target, count: values.count)
        }
    }

    /// Integers to other numbers (narrowing wraps), booleans, decimals, timestamps and binary.
    static func castIntegral<Source: FixedWidthInteger & SignedInteger>(
        _ values: [Source], validity: ValidityBitmap?, to target: DataType
    ) -> Column {
        switch target {
        case .boolean: return CastSupport.column(target, values, validity: validity) { $0 != 0 }
        case .tinyint: return CastSupport.column(target, values, validity: validity) { Int8(truncatingIfNeeded: $0) }
        case .smallint: return CastSupport.column(target, values, validity: validity) { Int16(truncatingIfNeeded: $0) }
        case .int: return CastSupport.column(target, values, validity: validity) { Int32(truncatingIfNeeded: $0) }
        case .bigint: return CastSupport.column(target, values, validity: validity) { Int64(truncatingIfNeeded: $0) }
        case .float: return CastSupport.column(target, values, validity: validity) { Float($0) }
        case .double: return CastSupport.column(target, values, validity: validity) { Double($0) }
        case .decimal(let precision, let scale):
            return CastSupport.column(target, values, validity: validity) {
                CastSupport.decimal(fromInteger: Int64($0), precision: precision, scale: scale)
            }
        case .timestamp:
            // Seconds to microseconds, saturating like Java's TimeUnit.SECONDS.toMicros.
            return CastSupport.column(target, values, validity: validity) { (seconds: Source) -> Int64? in
                let (micros, overflow) = Int64(seconds).multipliedReportingOverflow(by: 1_000_000)
                return overflow ? (seconds < 0 ? .min : .max) : micros
            }
        case .binary:
            // Big-endian bytes of the source width (Spark's NumberConverter.toBinary).
            var buffer = VariableWidthBuffer()
            let width = Source.bitWidth / 8
            buffer.reserveCapacity(values: values.count, bytes: values.count * width)
            for value in values {
                var bigEndian = value.bigEndian
                withUnsafeBytes(of: &bigEndian) { buffer.append($0) }
            }
            return Column(target, storage: .bytes(buffer), validity: validity)
        default:
            return .nulls(target, count: values.count)
        }
    }

    /// `float` and `double` to integers (Java's saturating conversions), decimals (through the
    /// shortest decimal text), booleans and timestamps (NaN and ±∞ become null).
    static func castFractional<Source: BinaryFloatingPoint>(
        _ values: [Source], validity: ValidityBitmap?, to target: DataType
    ) -> Column {
        switch target {
        case .boolean: return CastSupport.column(target, values, validity: validity) { $0 != 0 }
        case .tinyint:
            return CastSupport.column(target, values, validity: validity) { Int8(truncatingIfNeeded: CastSupport.javaInt(Double($0))) }
        case .smallint:
            return CastSupport.column(target, values, validity: validity) { Int16(truncatingIfNeeded: CastSupport.javaInt(Double($0))) }
        case .int: return CastSupport.column(target, values, validity: validity) { CastSupport.javaInt(Double($0)) }
        case .bigint: return CastSupport.column(target, values, validity: validity) { CastSupport.javaLong(Double($0)) }
        case .float: return CastSupport.column(target, values, validity: validity) { Float($0) }
        case .double: return CastSupport.column(target, values, validity: validity) { Double($0) }
        case .decimal(let precision, let scale):
            return CastSupport.column(target, values, validity: validity) {
                CastSupport.decimal(fromDouble: Double($0), precision: precision, scale: scale)
            }
        case .timestamp:
            return CastSupport.column(target, values, validity: validity) { (value: Source) -> Int64? in
                let seconds = Double(value)
                return seconds.isFinite ? CastSupport.javaLong(seconds * 1_000_000) : nil
            }
        default:
            return .nulls(target, count: values.count)
        }
    }

    /// Decimals to integers (truncate, then wrap), floating point (nearest), other decimals
    /// (`HALF_UP`, null on overflow), booleans and timestamps.
    static func castDecimal(_ values: [Int128], scale: Int, validity: ValidityBitmap?, to target: DataType) -> Column {
        switch target {
        case .boolean: return CastSupport.column(target, values, validity: validity) { $0 != 0 }
        case .tinyint:
            return CastSupport.column(target, values, validity: validity) { Int8(truncatingIfNeeded: CastSupport.long(fromDecimal: $0, scale: scale)) }
        case .smallint:
            return CastSupport.column(target, values, validity: validity) { Int16(truncatingIfNeeded: CastSupport.long(fromDecimal: $0, scale: scale)) }
        case .int:
            return CastSupport.column(target, values, validity: validity) { Int32(truncatingIfNeeded: CastSupport.long(fromDecimal: $0, scale: scale)) }
        case .bigint:
            return CastSupport.column(target, values, validity: validity) { CastSupport.long(fromDecimal: $0, scale: scale) }
        case .float:
            return CastSupport.column(target, values, validity: validity) { CastSupport.float(fromDecimal: $0, scale: scale) }
        case .double:
            return CastSupport.column(target, values, validity: validity) { CastSupport.double(fromDecimal: $0, scale: scale) }
        case .decimal(let precision, let targetScale):
            return CastSupport.column(target, values, validity: validity) { (unscaled: Int128) -> Int128? in
                guard let rescaled = Decimal128.rescaleRounding(unscaled, from: scale, to: targetScale),
                    Decimal128.fits(rescaled, precision: precision)
                else { return nil }
                return rescaled
            }
        case .timestamp:
            // (d × 10^6).longValue: truncate toward zero, keep the low 64 bits.
            return CastSupport.column(target, values, validity: validity) { (unscaled: Int128) -> Int64 in
                if scale <= 6 {
                    return Int64(truncatingIfNeeded: unscaled &* Decimal128.powersOfTen[6 - scale])
                }
                return Int64(truncatingIfNeeded: unscaled / Decimal128.powersOfTen[min(scale - 6, 38)])
            }
        default:
            return .nulls(target, count: values.count)
        }
    }
}
