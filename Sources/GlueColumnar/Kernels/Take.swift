import GlueCore

extension Column {
    /// The rows at `indices`, in that order (a gather). An index may repeat.
    ///
    /// - Precondition: every index is in `0..<count`; callers build indices from the column's own
    ///   rows (filters, joins, sorts), never from file data.
    /// - Complexity: O(*m*) for *m* indices, plus the bytes gathered.
    public func take(_ indices: [Int]) -> Column {
        let newValidity: ValidityBitmap? = validity.map { bitmap in
            var result = ValidityBitmap(count: indices.count, allValid: true)
            for (position, index) in indices.enumerated() where !bitmap.isValid(at: index) { result.set(false, at: position) }
            return result
        }
        return Column(dataType, storage: storage.take(indices), validity: newValidity)
    }

    /// Rows `range` of the column.
    ///
    /// - Precondition: `range` lies within `0..<count`.
    public func slice(_ range: Range<Int>) -> Column {
        take(Array(range))
    }
}

extension ColumnStorage {
    @inline(__always)
    static func gather<Element>(_ values: [Element], _ indices: [Int]) -> [Element] {
        values.withUnsafeBufferPointer { source in
            indices.map { source[$0] }
        }
    }

    /// The storage of the rows at `indices`.
    func take(_ indices: [Int]) -> ColumnStorage {
        switch self {
        case .boolean(let values): return .boolean(Self.gather(values, indices))
        case .int8(let values): return .int8(Self.gather(values, indices))
        case .int16(let values): return .int16(Self.gather(values, indices))
        case .int32(let values): return .int32(Self.gather(values, indices))
        case .int64(let values): return .int64(Self.gather(values, indices))
        case .float32(let values): return .float32(Self.gather(values, indices))
        case .float64(let values): return .float64(Self.gather(values, indices))
        case .int128(let values): return .int128(Self.gather(values, indices))
        case .bytes(let buffer):
            var offsets = [Int]()
            offsets.reserveCapacity(indices.count + 1)
            offsets.append(0)
            var total = 0
            for index in indices {
                total += buffer.offsets[index + 1] - buffer.offsets[index]
                offsets.append(total)
            }
            var bytes = [UInt8]()
            bytes.reserveCapacity(total)
            buffer.bytes.withUnsafeBufferPointer { source in
                for index in indices {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[buffer.offsets[index]..<buffer.offsets[index + 1]]))
                }
            }
            return .bytes(VariableWidthBuffer(offsets: offsets, bytes: bytes))
        case .dictionary(let keys, let values):
            return .dictionary(indices: Self.gather(keys, indices), values: values)
        case .list(let offsets, let child):
            var newOffsets = [0]
            newOffsets.reserveCapacity(indices.count + 1)
            var childIndices: [Int] = []
            for index in indices {
                childIndices.append(contentsOf: offsets[index]..<offsets[index + 1])
                newOffsets.append(childIndices.count)
            }
            return .list(offsets: newOffsets, values: child.take(childIndices))
        case .structure(let children):
            return .structure(children.map { $0.take(indices) })
        case .union(let branchIndices, let branches):
            return .union(branchIndices: Self.gather(branchIndices, indices), branches: branches.map { $0.take(indices) })
        }
    }
}

extension RecordBatch {
    /// The rows at `indices`, in that order, from every column.
    ///
    /// - Precondition: every index is in `0..<rowCount`.
    public func take(_ indices: [Int]) -> RecordBatch {
        RecordBatch(unchecked: schema, columns: columns.map { $0.take(indices) }, rowCount: indices.count)
    }

    /// Rows `range` of the batch.
    public func slice(_ range: Range<Int>) -> RecordBatch {
        take(Array(range))
    }
}
