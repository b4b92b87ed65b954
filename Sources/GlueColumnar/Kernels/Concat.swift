import GlueCore

extension Column {
    /// The rows of several columns of one type, one after another.
    ///
    /// Dictionary-encoded columns are decoded to plain bytes first unless they share one dictionary.
    ///
    /// - Throws: `InvalidInputException` when the types differ.
    public static func concatenate(_ parts: [Column]) throws(GlueError) -> Column {
        guard let first = parts.first else {
            throw GlueError(.invalidInput, "Cannot concatenate zero columns: the type is unknown.")
        }
        if let other = parts.first(where: { $0.dataType != first.dataType }) {
            throw GlueError(.invalidInput, "Cannot concatenate a \(first.dataType) column with a \(other.dataType) column.")
        }
        if parts.count == 1 { return first }
        var validity: ValidityBitmap? = nil
        if parts.contains(where: { $0.validity != nil }) {
            var bitmap = ValidityBitmap(count: 0, allValid: true)
            for part in parts {
                if let partValidity = part.validity {
                    for index in 0..<part.count { bitmap.append(partValidity.isValid(at: index)) }
                } else {
                    bitmap.append(repeating: true, count: part.count)
                }
            }
            validity = bitmap
        }
        return Column(first.dataType, storage: try ColumnStorage.concatenate(parts.map(\.storage)), validity: validity)
    }
}

extension ColumnStorage {
    static func concatenate(_ parts: [ColumnStorage]) throws(GlueError) -> ColumnStorage {
        func flat<Element>(_ extract: (ColumnStorage) -> [Element]?) -> [Element] {
            var result: [Element] = []
            for part in parts { result.append(contentsOf: extract(part) ?? []) }
            return result
        }
        switch parts[0] {
        case .boolean: return .boolean(flat { if case .boolean(let v) = $0 { v } else { nil } })
        case .int8: return .int8(flat { if case .int8(let v) = $0 { v } else { nil } })
        case .int16: return .int16(flat { if case .int16(let v) = $0 { v } else { nil } })
        case .int32: return .int32(flat { if case .int32(let v) = $0 { v } else { nil } })
        case .int64: return .int64(flat { if case .int64(let v) = $0 { v } else { nil } })
        case .float32: return .float32(flat { if case .float32(let v) = $0 { v } else { nil } })
        case .float64: return .float64(flat { if case .float64(let v) = $0 { v } else { nil } })
        case .int128: return .int128(flat { if case .int128(let v) = $0 { v } else { nil } })
        case .bytes, .dictionary:
            if case .dictionary(_, let shared) = parts[0],
                parts.allSatisfy({ if case .dictionary(_, let values) = $0 { values == shared } else { false } })
            {
                return .dictionary(indices: flat { if case .dictionary(let keys, _) = $0 { keys } else { nil } }, values: shared)
            }
            var buffer = VariableWidthBuffer()
            for part in parts {
                switch part {
                case .bytes(let source):
                    for index in 0..<source.count { buffer.append(source[index]) }
                case .dictionary(let keys, let values):
                    for key in keys { buffer.append(values[Int(key)]) }
                default:
                    throw GlueError(.internalService, "Mixed storage kinds in one column type.")
                }
            }
            return .bytes(buffer)
        case .list(_, let firstChild):
            var offsets = [0]
            var children: [Column] = []
            for part in parts {
                guard case .list(let partOffsets, let child) = part else { continue }
                let base = offsets[offsets.count - 1]
                for offset in partOffsets.dropFirst() { offsets.append(base + offset) }
                children.append(child)
            }
            return .list(offsets: offsets, values: children.isEmpty ? firstChild : try Column.concatenate(children))
        case .structure(let firstChildren):
            var merged: [Column] = []
            for fieldIndex in firstChildren.indices {
                var pieces: [Column] = []
                for part in parts { if case .structure(let children) = part { pieces.append(children[fieldIndex]) } }
                merged.append(try Column.concatenate(pieces))
            }
            return .structure(merged)
        case .union(_, let firstBranches):
            var branchIndices: [Int8] = []
            var merged: [Column] = []
            for part in parts { if case .union(let indices, _) = part { branchIndices.append(contentsOf: indices) } }
            for branchIndex in firstBranches.indices {
                var pieces: [Column] = []
                for part in parts { if case .union(_, let branches) = part { pieces.append(branches[branchIndex]) } }
                merged.append(try Column.concatenate(pieces))
            }
            return .union(branchIndices: branchIndices, branches: merged)
        }
    }
}

extension RecordBatch {
    /// The rows of several batches of one schema, one after another.
    ///
    /// - Throws: `InvalidInputException` when the schemas' types differ or no batch is given.
    public static func concatenate(_ batches: [RecordBatch]) throws(GlueError) -> RecordBatch {
        guard let first = batches.first else {
            throw GlueError(.invalidInput, "Cannot concatenate zero batches: the schema is unknown.")
        }
        if batches.count == 1 { return first }
        var columns: [Column] = []
        for columnIndex in first.columns.indices {
            columns.append(try Column.concatenate(batches.map { $0.columns[columnIndex] }))
        }
        return try RecordBatch(schema: first.schema, columns: columns)
    }
}
