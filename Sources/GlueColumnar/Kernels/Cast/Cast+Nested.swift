import GlueCore

extension Column {
    /// Arrays, maps and structs: element-wise casts between nested types of the same shape, and
    /// Spark's text form (`[1, null]`, `{a -> 1, b -> null}`, `{1, x}`).
    func castNested(to target: DataType) throws(GlueError) -> Column {
        if target.isString { return try nestedText(as: target) }
        switch (dataType, target, storage) {
        case (.array, .array(let element), .list(let offsets, let child)):
            return Column(target, storage: .list(offsets: offsets, values: try child.cast(to: element)), validity: validity)
        case (.map, .map(let key, let value), .list(let offsets, let entries)):
            guard case .structure(let parts) = entries.storage, parts.count == 2 else { return .nulls(target, count: count) }
            let entryType = DataType.struct([Field("key", key, isNullable: false), Field("value", value)])
            let newEntries = Column(entryType, storage: .structure([try parts[0].cast(to: key), try parts[1].cast(to: value)]), validity: entries.validity)
            return Column(target, storage: .list(offsets: offsets, values: newEntries), validity: validity)
        case (.struct, .struct(let fields), .structure(let children)):
            var cast: [Column] = []
            for (field, child) in zip(fields, children) { cast.append(try child.cast(to: field.dataType)) }
            return Column(target, storage: .structure(cast), validity: validity)
        default:
            throw GlueError(.invalidInput, "Cannot cast \(dataType) to \(target).")
        }
    }

    /// The text form of nested values, built from the children's text.
    private func nestedText(as target: DataType) throws(GlueError) -> Column {
        var buffer = VariableWidthBuffer()
        func appendText(_ column: Column, _ row: Int, to output: inout [UInt8]) {
            if column.isNull(at: row) {
                output.append(contentsOf: "null".utf8)
            } else if case .bytes(let text) = column.storage {
                output.append(contentsOf: text[row])
            } else if case .dictionary(let keys, let values) = column.storage {
                let key = Int(keys[row])
                if key >= 0 && key < values.count { output.append(contentsOf: values[key]) }
            }
        }
        var scratch: [UInt8] = []
        switch storage {
        case .list(let offsets, let child):
            if case .map = dataType, case .structure(let parts) = child.storage, parts.count == 2 {
                let keys = try parts[0].cast(to: .string)
                let values = try parts[1].cast(to: .string)
                for row in 0..<count {
                    scratch.removeAll(keepingCapacity: true)
                    if !isNull(at: row) {
                        scratch.append(UInt8(ascii: "{"))
                        for entry in offsets[row]..<offsets[row + 1] {
                            if entry > offsets[row] { scratch.append(contentsOf: ", ".utf8) }
                            appendText(keys, entry, to: &scratch)
                            scratch.append(contentsOf: " -> ".utf8)
                            appendText(values, entry, to: &scratch)
                        }
                        scratch.append(UInt8(ascii: "}"))
                    }
                    buffer.append(scratch)
                }
            } else {
                let elements = try child.cast(to: .string)
                for row in 0..<count {
                    scratch.removeAll(keepingCapacity: true)
                    if !isNull(at: row) {
                        scratch.append(UInt8(ascii: "["))
                        for element in offsets[row]..<offsets[row + 1] {
                            if element > offsets[row] { scratch.append(contentsOf: ", ".utf8) }
                            appendText(elements, element, to: &scratch)
                        }
                        scratch.append(UInt8(ascii: "]"))
                    }
                    buffer.append(scratch)
                }
            }
        case .structure(let children):
            var texts: [Column] = []
            for child in children { texts.append(try child.cast(to: .string)) }
            for row in 0..<count {
                scratch.removeAll(keepingCapacity: true)
                if !isNull(at: row) {
                    scratch.append(UInt8(ascii: "{"))
                    for (index, text) in texts.enumerated() {
                        if index > 0 { scratch.append(contentsOf: ", ".utf8) }
                        appendText(text, row, to: &scratch)
                    }
                    scratch.append(UInt8(ascii: "}"))
                }
                buffer.append(scratch)
            }
        default:
            return .nulls(target, count: count)
        }
        return Column(target, storage: .bytes(buffer), validity: validity)
    }
}
