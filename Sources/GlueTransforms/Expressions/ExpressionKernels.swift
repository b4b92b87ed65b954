import GlueColumnar
import GlueCore

/// Loops shared by the expression kernels: typed arrays in, typed arrays out, nulls tracked in a
/// bitmap that is allocated only when a result is null.
enum ExpressionKernels {
    /// A validity bitmap under construction.
    struct Nulls {
        var bitmap: ValidityBitmap?
        let count: Int

        init(_ validity: ValidityBitmap?, count: Int) {
            self.bitmap = validity
            self.count = count
        }

        @inline(__always)
        func isValid(_ index: Int) -> Bool { bitmap?.isValid(at: index) ?? true }

        @inline(__always)
        mutating func setNull(_ index: Int) {
            if bitmap == nil { bitmap = ValidityBitmap(count: count, allValid: true) }
            bitmap?.set(false, at: index)
        }
    }

    /// Applies `op` to pairs of values; rows null on either side, or where `op` returns `nil`,
    /// are null.
    @inline(__always)
    static func binary<T, R: FixedWidthValue>(
        _ type: DataType, _ lhs: [T], _ rhs: [T], validity: ValidityBitmap?, _ op: (T, T) -> R?
    ) -> Column {
        let count = lhs.count
        var nulls = Nulls(validity, count: count)
        let values = lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                [R](unsafeUninitializedCapacity: count) { output, initialized in
                    for index in 0..<count {
                        if nulls.isValid(index), let value = op(left[index], right[index]) {
                            output.initializeElement(at: index, to: value)
                        } else {
                            output.initializeElement(at: index, to: .zero)
                            nulls.setNull(index)
                        }
                    }
                    initialized = count
                }
            }
        }
        return Column(type, storage: R.storage(values), validity: nulls.bitmap)
    }

    /// Applies a total `op` (never null) to pairs of values without branches.
    @inline(__always)
    static func binaryTotal<T, R: FixedWidthValue>(
        _ type: DataType, _ lhs: [T], _ rhs: [T], validity: ValidityBitmap?, _ op: (T, T) -> R
    ) -> Column {
        let count = lhs.count
        let values = lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                [R](unsafeUninitializedCapacity: count) { output, initialized in
                    for index in 0..<count { output.initializeElement(at: index, to: op(left[index], right[index])) }
                    initialized = count
                }
            }
        }
        return Column(type, storage: R.storage(values), validity: validity)
    }

    /// Applies `op` to each value; `nil` makes the row null.
    @inline(__always)
    static func unary<T, R: FixedWidthValue>(
        _ type: DataType, _ values: [T], validity: ValidityBitmap?, _ op: (T) -> R?
    ) -> Column {
        let count = values.count
        var nulls = Nulls(validity, count: count)
        let result = values.withUnsafeBufferPointer { input in
            [R](unsafeUninitializedCapacity: count) { output, initialized in
                for index in 0..<count {
                    if nulls.isValid(index), let value = op(input[index]) {
                        output.initializeElement(at: index, to: value)
                    } else {
                        output.initializeElement(at: index, to: .zero)
                        nulls.setNull(index)
                    }
                }
                initialized = count
            }
        }
        return Column(type, storage: R.storage(result), validity: nulls.bitmap)
    }

    /// Calls `body` with each row's bytes of a text or binary column (a dictionary is expanded
    /// through its indices). Null rows are passed too, with their (meaningless) bytes.
    static func withRowBytes<R>(_ column: Column, _ body: ((Int) -> UnsafeBufferPointer<UInt8>) throws(GlueError) -> R) throws(GlueError) -> R {
        switch column.storage {
        case .bytes(let buffer):
            return try buffer.bytes.withUnsafeBufferPointer { (bytes) throws(GlueError) -> R in
                try buffer.offsets.withUnsafeBufferPointer { (offsets) throws(GlueError) -> R in
                    try body { row in UnsafeBufferPointer(rebasing: bytes[offsets[row]..<offsets[row + 1]]) }
                }
            }
        case .dictionary(let indices, let values):
            return try values.bytes.withUnsafeBufferPointer { (bytes) throws(GlueError) -> R in
                try values.offsets.withUnsafeBufferPointer { (offsets) throws(GlueError) -> R in
                    try indices.withUnsafeBufferPointer { (keys) throws(GlueError) -> R in
                        try body { row in
                            let key = Int(keys[row])
                            guard key >= 0, key + 1 < offsets.count else { return UnsafeBufferPointer(start: nil, count: 0) }
                            return UnsafeBufferPointer(rebasing: bytes[offsets[key]..<offsets[key + 1]])
                        }
                    }
                }
            }
        default:
            throw GlueError(.internalService, "Expected a text column, got \(column.dataType).")
        }
    }

    /// A text column built row by row: `produce` appends a row's bytes to the output and returns
    /// false when the row is null.
    static func text(
        _ type: DataType, count: Int, validity: ValidityBitmap?, byteHint: Int = 0,
        _ produce: (Int, inout [UInt8]) throws(GlueError) -> Bool
    ) throws(GlueError) -> Column {
        var nulls = Nulls(validity, count: count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteHint)
        var offsets = [Int](repeating: 0, count: count + 1)
        for row in 0..<count {
            if nulls.isValid(row) {
                let start = bytes.count
                if try !produce(row, &bytes) {
                    bytes.removeSubrange(start...)
                    nulls.setNull(row)
                }
            }
            offsets[row + 1] = bytes.count
        }
        return Column(type, storage: .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes)), validity: nulls.bitmap)
    }

    /// A column holding `value` on each of `count` rows.
    static func constant(_ value: Value, _ type: DataType, count: Int) throws(GlueError) -> Column {
        if value.isNull { return .nulls(type, count: count) }
        switch (type, value) {
        case (.boolean, .boolean(let flag)): return Column(type, storage: .boolean(Array(repeating: flag, count: count)))
        case (.tinyint, .integer(let number)): return Column(type, storage: .int8(Array(repeating: Int8(truncatingIfNeeded: number), count: count)))
        case (.smallint, .integer(let number)): return Column(type, storage: .int16(Array(repeating: Int16(truncatingIfNeeded: number), count: count)))
        case (.int, .integer(let number)): return Column(type, storage: .int32(Array(repeating: Int32(truncatingIfNeeded: number), count: count)))
        case (.bigint, .integer(let number)): return Column(type, storage: .int64(Array(repeating: number, count: count)))
        case (.double, .double(let number)): return Column(type, storage: .float64(Array(repeating: number, count: count)))
        case (.float, .float(let number)): return Column(type, storage: .float32(Array(repeating: number, count: count)))
        case (.date, .date(let days)): return Column(type, storage: .int32(Array(repeating: days, count: count)))
        case (.timestamp, .timestamp(let micros)), (.timestampNTZ, .timestamp(let micros)):
            return Column(type, storage: .int64(Array(repeating: micros, count: count)))
        case (.decimal(_, let scale), .decimal(let unscaled, let valueScale)):
            guard let rescaled = Decimal128.rescale(unscaled, from: valueScale, to: scale) else { return .nulls(type, count: count) }
            return Column(type, storage: .int128(Array(repeating: rescaled, count: count)))
        case (_, .string(let text)) where type.isString || type == .binary:
            let bytes = Array(text.utf8)
            return Column(type, storage: .dictionary(indices: Array(repeating: 0, count: count), values: VariableWidthBuffer(offsets: [0, bytes.count], bytes: bytes)))
        case (.binary, .binary(let bytes)):
            return Column(type, storage: .dictionary(indices: Array(repeating: 0, count: count), values: VariableWidthBuffer(offsets: [0, bytes.count], bytes: bytes)))
        default:
            let single = try Column(type, values: [value])
            return single.take(Array(repeating: 0, count: count))
        }
    }

    /// A boolean column with null rows turned false (no validity left).
    static func nullAsFalse(_ column: Column) throws(GlueError) -> Column {
        guard case .boolean(var flags) = column.storage else {
            throw GlueError(.internalService, "Expected a boolean column, got \(column.dataType).")
        }
        guard let validity = column.validity else { return column }
        for row in 0..<flags.count where flags[row] && !validity.isValid(at: row) { flags[row] = false }
        return Column(.boolean, storage: .boolean(flags))
    }

    /// For each row, picks column `choice[row]` of `columns` (all of one type and length).
    static func choose(_ columns: [Column], choice: [Int], type: DataType) throws(GlueError) -> Column {
        let count = choice.count
        if let first = columns.first, columns.count == 1 { return first }
        var indices = [Int](repeating: 0, count: count)
        for row in 0..<count { indices[row] = choice[row] * count + row }
        let all = try Column.concatenate(columns.map { $0.storageIsDictionary ? $0.decodedText() : $0 })
        return all.take(indices)
    }
}

extension Column {
    /// Whether the values are dictionary-encoded.
    var storageIsDictionary: Bool {
        if case .dictionary = storage { return true }
        return false
    }

    /// The column with a dictionary expanded into plain bytes.
    func decodedText() -> Column {
        guard case .dictionary(let keys, let values) = storage else { return self }
        var buffer = VariableWidthBuffer()
        buffer.reserveCapacity(values: keys.count, bytes: 0)
        for row in 0..<keys.count {
            let key = Int(keys[row])
            if key >= 0 && key < values.count && !isNull(at: row) { buffer.append(values[key]) } else { buffer.appendEmpty() }
        }
        return Column(dataType, storage: .bytes(buffer), validity: validity)
    }
}
