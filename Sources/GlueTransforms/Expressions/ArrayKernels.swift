import GlueColumnar
import GlueCore

/// `element_at(array, n)` (1-based, negative counts from the end, out of range is null with ANSI
/// off) and `size(array)` (-1 for a null array, Spark's legacy default).
enum ArrayKernels {
    static func evaluate(_ function: ScalarFunction, _ columns: [Column], resultType: DataType) throws(GlueError) -> Column {
        let arrays = columns[0]
        guard case .list(let offsets, let elements) = arrays.storage else {
            throw GlueError(.internalService, "\(function.rawValue) got a \(arrays.dataType) column.")
        }
        let count = arrays.count
        if function == .size {
            var sizes = [Int32](repeating: -1, count: count)
            for row in 0..<count where !arrays.isNull(at: row) { sizes[row] = Int32(truncatingIfNeeded: offsets[row + 1] - offsets[row]) }
            return Column(.int, storage: .int32(sizes))
        }
        guard case .int32(let positions) = columns[1].storage else {
            throw GlueError(.internalService, "element_at got a \(columns[1].dataType) index.")
        }
        var picks = [Int](repeating: 0, count: count)
        var nulls = ExpressionKernels.Nulls(ValidityBitmap.intersection(arrays.validity, columns[1].validity), count: count)
        for row in 0..<count where nulls.isValid(row) {
            let length = offsets[row + 1] - offsets[row]
            let position = Int(positions[row])
            let index = position > 0 ? position - 1 : length + position
            if position == 0 || index < 0 || index >= length {
                nulls.setNull(row)
            } else {
                picks[row] = offsets[row] + index
            }
        }
        if elements.count == 0 { return .nulls(resultType, count: count) }
        let taken = elements.take(picks)
        let validity = ValidityBitmap.intersection(taken.validity, nulls.bitmap)
        return Column(resultType, storage: taken.storage, validity: validity)
    }
}
