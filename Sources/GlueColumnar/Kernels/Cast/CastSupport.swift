import GlueCore

/// Loops and conversions shared by the cast kernels.
enum CastSupport {
    /// Builds `count` fixed-width values from a producer; `nil` makes the row null.
    @inline(__always)
    static func makeValues<Element: FixedWidthValue>(
        count: Int, validity: ValidityBitmap?, _ produce: (Int) -> Element?
    ) -> ([Element], ValidityBitmap?) {
        var nulls = NullMask(validity, count: count)
        let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                if let value = produce(index) {
                    buffer.initializeElement(at: index, to: value)
                } else {
                    buffer.initializeElement(at: index, to: .zero)
                    nulls.setNull(index)
                }
            }
            initialized = count
        }
        return (values, nulls.finish())
    }

    /// Maps every element of `source` through `transform`; `nil` makes the row null.
    @inline(__always)
    static func map<Source, Element: FixedWidthValue>(
        _ source: [Source], validity: ValidityBitmap?, _ transform: (Source) -> Element?
    ) -> ([Element], ValidityBitmap?) {
        source.withUnsafeBufferPointer { values in
            makeValues(count: values.count, validity: validity) { transform(values[$0]) }
        }
    }

    /// A column of `dataType` from a fixed-width conversion of `source`.
    @inline(__always)
    static func column<Source, Element: FixedWidthValue>(
        _ dataType: DataType, _ source: [Source], validity: ValidityBitmap?, _ transform: (Source) -> Element?
    ) -> Column {
        let (values, newValidity) = map(source, validity: validity, transform)
        return Column(dataType, storage: Element.storage(values), validity: newValidity)
    }

    /// Calls `body` with each value's bytes (null rows included: their bytes are empty).
    @inline(__always)
    static func forEachValue(_ buffer: VariableWidthBuffer, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        buffer.bytes.withUnsafeBufferPointer { bytes in
            buffer.offsets.withUnsafeBufferPointer { offsets in
                for index in 0..<(offsets.count - 1) {
                    body(index, UnsafeBufferPointer(rebasing: bytes[offsets[index]..<offsets[index + 1]]))
                }
            }
        }
    }

    /// A column of `dataType` parsed from text values; `nil` from the parser makes the row null.
    @inline(__always)
    static func parse<Element: FixedWidthValue>(
        _ dataType: DataType, _ buffer: VariableWidthBuffer, validity: ValidityBitmap?,
        _ parser: (UnsafeBufferPointer<UInt8>) -> Element?
    ) -> Column {
        let count = buffer.count
        var nulls = NullMask(validity, count: count)
        let values = [Element](unsafeUninitializedCapacity: count) { output, initialized in
            forEachValue(buffer) { index, bytes in
                if nulls.isValid(index), let value = parser(bytes) {
                    output.initializeElement(at: index, to: value)
                } else {
                    output.initializeElement(at: index, to: .zero)
                    nulls.setNull(index)
                }
            }
            initialized = count
        }
        return Column(dataType, storage: Element.storage(values), validity: nulls.finish())
    }

    // MARK: Java's primitive conversions

    /// Java's `(long) d`: truncation toward zero, NaN to 0, saturating at the bounds.
    @inline(__always)
    static func javaLong(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        if value >= 9.223372036854775807e18 { return .max }
        if value <= -9.223372036854775808e18 { return .min }
        return Int64(value)
    }

    /// Java's `(int) d`: truncation toward zero, NaN to 0, saturating at the bounds.
    @inline(__always)
    static func javaInt(_ value: Double) -> Int32 {
        if value.isNaN { return 0 }
        if value >= 2_147_483_647 { return .max }
        if value <= -2_147_483_648 { return .min }
        return Int32(value)
    }

    /// `floorDiv(value, divisor)` for a positive divisor.
    @inline(__always)
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    /// Microseconds per day.
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// A `double`'s value as a `decimal(p,s)` the way Spark gets there: Java's
    /// `BigDecimal.valueOf(d)` (the shortest decimal text of the double), then `HALF_UP` to the
    /// scale. NaN and infinities are `nil`.
    static func decimal(fromDouble value: Double, precision: Int, scale: Int) -> Int128? {
        guard value.isFinite else { return nil }
        var text = value.description
        return text.withUTF8 { DecimalParser.parse($0, precision: precision, scale: scale) }
    }

    /// The nearest `double` to a decimal (Java's `BigDecimal.doubleValue`).
    @inline(__always)
    static func double(fromDecimal unscaled: Int128, scale: Int) -> Double {
        if unscaled.magnitude <= 1 << 53 && scale <= 22 {
            // Through Int64: the generic Int128 conversion is far slower.
            let value = Double(Int64(truncatingIfNeeded: unscaled))
            return scale == 0 ? value : value / FloatingPointParser.powerOfTen(scale)
        }
        return slowDouble(unscaled, scale: scale)
    }

    @inline(never)
    static func slowDouble(_ unscaled: Int128, scale: Int) -> Double {
        Double(Decimal128.format(unscaled, scale: scale)) ?? .nan
    }

    /// The nearest `float` to a decimal (Java's `BigDecimal.floatValue`).
    @inline(__always)
    static func float(fromDecimal unscaled: Int128, scale: Int) -> Float {
        if unscaled.magnitude <= 1 << 24 && scale <= 10 {
            let value = Float(Int64(truncatingIfNeeded: unscaled))
            return scale == 0 ? value : value / Float(FloatingPointParser.powerOfTen(scale))
        }
        return Float(Decimal128.format(unscaled, scale: scale)) ?? .nan
    }

    /// The integral part of a decimal (truncated toward zero) as Java's `BigDecimal.longValue`:
    /// the low 64 bits when it does not fit.
    @inline(__always)
    static func long(fromDecimal unscaled: Int128, scale: Int) -> Int64 {
        let integral = scale == 0 ? unscaled : unscaled / Decimal128.powersOfTen[min(scale, 38)]
        return Int64(truncatingIfNeeded: integral)
    }

    /// `unscaled × 10^scale` when it fits `precision` digits, else `nil`.
    @inline(__always)
    static func decimal(fromInteger value: Int64, precision: Int, scale: Int) -> Int128? {
        let (product, overflow) = Int128(value).multipliedReportingOverflow(by: Decimal128.powersOfTen[min(scale, 38)])
        guard !overflow, Decimal128.fits(product, precision: precision) else { return nil }
        return product
    }
}
