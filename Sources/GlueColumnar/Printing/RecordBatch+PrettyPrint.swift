import GlueCore

extension Value {
    /// The value as text in a table cell, as Spark's `show` prints it (`NULL` for null).
    public func displayText(as dataType: DataType) -> String {
        switch self {
        case .null: return "NULL"
        case .boolean(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .float(let value): return NumberFormat.javaString(value)
        case .double(let value): return NumberFormat.javaString(value)
        case .decimal(let unscaled, let scale): return Decimal128.format(unscaled, scale: scale)
        case .string(let text): return text
        case .binary(let bytes):
            return "[" + bytes.map { byte in
                let hex = String(byte, radix: 16, uppercase: true)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: " ") + "]"
        case .date(let days): return TemporalFormat.date(daysSinceEpoch: days)
        case .timestamp(let micros): return TemporalFormat.timestamp(microseconds: micros)
        case .array(let elements):
            let elementType: DataType = if case .array(let element) = dataType { element } else { .string }
            return "[" + elements.map { $0.displayText(as: elementType) }.joined(separator: ", ") + "]"
        case .map(let keys, let values):
            var keyType = DataType.string
            var valueType = DataType.string
            if case .map(let key, let value) = dataType {
                keyType = key
                valueType = value
            }
            return "{" + zip(keys, values).map { "\($0.displayText(as: keyType)) -> \($1.displayText(as: valueType))" }.joined(separator: ", ") + "}"
        case .structure(let values):
            let types: [DataType] = if case .struct(let fields) = dataType { fields.map(\.dataType) } else { [] }
            return "{" + values.enumerated().map { index, value in
                value.displayText(as: index < types.count ? types[index] : .string)
            }.joined(separator: ", ") + "}"
        }
    }
}

extension RecordBatch {
    /// The batch as a text table with a header of column names, like DataFusion's
    /// `pretty_format_batches`:
    ///
    /// ```
    /// +----+-------+
    /// | id | name  |
    /// +----+-------+
    /// | 1  | Ada   |
    /// | 2  | NULL  |
    /// +----+-------+
    /// ```
    public func prettyPrinted() -> String {
        RecordBatch.prettyPrint([self], schema: schema)
    }

    /// Several batches of one schema as one text table.
    public static func prettyPrint(_ batches: [RecordBatch], schema: Schema) -> String {
        var rows: [[String]] = []
        for batch in batches {
            for rowIndex in 0..<batch.rowCount {
                rows.append(batch.columns.enumerated().map { columnIndex, column in
                    column.value(at: rowIndex).displayText(as: schema[columnIndex].dataType)
                })
            }
        }
        return formatTable(header: schema.names, rows: rows)
    }

    /// Lays out a header and rows as a `+---+` table; widths count Unicode characters.
    public static func formatTable(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        func line(_ cells: [String]) -> String {
            "|" + widths.indices.map { index in
                let cell = index < cells.count ? cells[index] : ""
                return " " + cell + String(repeating: " ", count: widths[index] - cell.count) + " "
            }.joined(separator: "|") + "|"
        }
        var lines = [border, line(header), border]
        for row in rows { lines.append(line(row)) }
        lines.append(border)
        return lines.joined(separator: "\n")
    }
}
