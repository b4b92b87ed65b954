import GlueCore

extension Column {
    /// Primitive values to text as Spark prints them (see ``Cast``); nulls stay null.
    func castToString(as target: DataType) -> Column {
        switch storage {
        case .boolean(let values):
            return Self.text(target, count: count, maximumWidth: 5, validity: validity) { index, output in
                let word: StaticString = values[index] ? "true" : "false"
                return word.withUTF8Buffer { bytes in
                    for offset in 0..<bytes.count { output[offset] = bytes[offset] }
                    return bytes.count
                }
            }
        case .int8(let values): return Self.integerText(values, target, validity)
        case .int16(let values): return Self.integerText(values, target, validity)
        case .int32(let values):
            if dataType == .date {
                return values.withUnsafeBufferPointer { days in
                    Self.text(target, count: count, maximumWidth: TextWriter.maximumDateWidth, validity: validity) { index, output in
                        TextWriter.writeDate(CivilDate(daysSinceEpoch: Int(days[index])), to: output)
                    }
                }
            }
            return Self.integerText(values, target, validity)
        case .int64(let values):
            if dataType == .timestamp || dataType == .timestampNTZ {
                return values.withUnsafeBufferPointer { micros in
                    Self.text(target, count: count, maximumWidth: TextWriter.maximumTimestampWidth, validity: validity) { index, output in
                        TextWriter.writeTimestamp(micros[index], to: output)
                    }
                }
            }
            return Self.integerText(values, target, validity)
        case .float32(let values):
            return Self.slowText(target, count: count, validity: validity) { NumberFormat.javaString(values[$0]) }
        case .float64(let values):
            return Self.slowText(target, count: count, validity: validity) { NumberFormat.javaString(values[$0]) }
        case .int128(let values):
            guard case .decimal(_, let scale) = dataType else { return .nulls(target, count: count) }
            var bytes: [UInt8] = []
            var offsets: [Int] = [0]
            offsets.reserveCapacity(count + 1)
            for index in 0..<count {
                if !isNull(at: index) { TextWriter.appendDecimal(values[index], scale: scale, to: &bytes) }
                offsets.append(bytes.count)
            }
            return Column(target, storage: .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes)), validity: validity)
        case .bytes, .dictionary:
            return Column(target, storage: storage, validity: validity)
        default:
            return .nulls(target, count: count)
        }
    }

    static func integerText<Source: FixedWidthInteger & SignedInteger>(
        _ values: [Source], _ target: DataType, _ validity: ValidityBitmap?
    ) -> Column {
        values.withUnsafeBufferPointer { values in
            text(target, count: values.count, maximumWidth: TextWriter.maximumIntegerWidth, validity: validity) { index, output in
                TextWriter.write(Int64(values[index]), to: output)
            }
        }
    }

    /// Builds a text column by letting `write` put each valid row's bytes (at most
    /// `maximumWidth`) at a pointer and return how many it wrote.
    @inline(__always)
    static func text(
        _ target: DataType, count: Int, maximumWidth: Int, validity: ValidityBitmap?,
        _ write: (Int, UnsafeMutablePointer<UInt8>) -> Int
    ) -> Column {
        var offsets = [Int](repeating: 0, count: count + 1)
        let capacity = count * maximumWidth
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
            var position = 0
            offsets.withUnsafeMutableBufferPointer { offsets in
                guard let base = output.baseAddress else { return }
                for index in 0..<count {
                    if validity?.isValid(at: index) ?? true {
                        position += write(index, base + position)
                    }
                    offsets[index + 1] = position
                }
            }
            initialized = position
        }
        // Do not keep a mostly empty allocation alive for the life of the batch.
        if bytes.count < capacity / 2 {
            let used = bytes.count
            bytes = bytes.withUnsafeBufferPointer { source in
                [UInt8](unsafeUninitializedCapacity: used) { copy, copied in
                    _ = copy.initialize(from: source)
                    copied = used
                }
            }
        }
        return Column(target, storage: .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes)), validity: validity)
    }

    /// Builds a text column from a `String` per valid row (floating point, where Java's digit
    /// rules are applied to Swift's shortest round-trip text).
    static func slowText(_ target: DataType, count: Int, validity: ValidityBitmap?, _ render: (Int) -> String) -> Column {
        var buffer = VariableWidthBuffer()
        buffer.reserveCapacity(values: count, bytes: count * 8)
        for index in 0..<count {
            if validity?.isValid(at: index) ?? true { buffer.append(render(index).utf8) } else { buffer.appendEmpty() }
        }
        return Column(target, storage: .bytes(buffer), validity: validity)
    }
}
