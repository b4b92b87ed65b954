import GlueCore

extension Column {
    /// The positions of the rows where this boolean column is true (null counts as false), the
    /// selection that ``RecordBatch/filter(_:)`` applies.
    ///
    /// - Precondition: the column is `boolean`.
    /// - Complexity: O(*n*).
    public func selectedIndices() -> [Int] {
        guard case .boolean(let flags) = storage else {
            preconditionFailure("a filter mask must be a boolean column, not \(dataType)")
        }
        var indices: [Int] = []
        indices.reserveCapacity(flags.count)
        flags.withUnsafeBufferPointer { flags in
            if let validity {
                for index in 0..<flags.count where flags[index] && validity.isValid(at: index) { indices.append(index) }
            } else {
                for index in 0..<flags.count where flags[index] { indices.append(index) }
            }
        }
        return indices
    }

    /// The rows where `mask` is true (null in the mask drops the row, as SQL's WHERE does).
    ///
    /// - Precondition: `mask` is a boolean column as long as this one.
    public func filter(_ mask: Column) -> Column {
        precondition(mask.count == count, "mask length differs from the column")
        return take(mask.selectedIndices())
    }
}

extension RecordBatch {
    /// The rows where `mask` is true (null in the mask drops the row).
    ///
    /// - Precondition: `mask` is a boolean column with `rowCount` rows.
    /// - Complexity: O(*n*) per column.
    public func filter(_ mask: Column) -> RecordBatch {
        precondition(mask.count == rowCount, "mask length differs from the batch")
        let indices = mask.selectedIndices()
        if indices.count == rowCount { return self }
        return take(indices)
    }
}
