import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import GlueJobs

/// Test frames from literals or CSV text.
///
/// ```swift
/// let orders = try FrameBuilder.rows("order_id: bigint, customer: string, amount: double", [
///     [1, "ada", 12.5],
///     [2, nil, 3.0],
/// ])
/// let customers = try FrameBuilder.csv("""
///     id,name
///     ada,Ada Lovelace
///     """)
/// ```
public enum FrameBuilder {
    /// A batch from a schema (`"name: type, ..."` with Glue/Hive type names) and rows of cells.
    ///
    /// - Throws: `InvalidInputException` for an unknown type, a row of the wrong length, or a cell
    ///   that is not a value of its column's type (named by row and column).
    public static func batch(_ schema: String, _ rows: [[Cell]]) throws(GlueError) -> RecordBatch {
        let parsed = try parseSchema(schema)
        for (index, row) in rows.enumerated() where row.count != parsed.count {
            throw GlueError(.invalidInput, "Row \(index + 1) has \(row.count) values; the schema has \(parsed.count) columns.")
        }
        var columns: [Column] = []
        for (columnIndex, field) in parsed.fields.enumerated() {
            let texts: [String?] = rows.map { row in
                if case .text(let text) = row[columnIndex] { return text }
                return nil
            }
            let column = try Column(strings: texts).cast(to: field.dataType)
            for (rowIndex, text) in texts.enumerated() where text != nil && column.value(at: rowIndex).isNull {
                throw GlueError(.invalidInput, "Row \(rowIndex + 1), column \(field.name): \"\(text ?? "")\" is not a value of type \(field.dataType).")
            }
            columns.append(column)
        }
        if columns.isEmpty || rows.isEmpty { return RecordBatch.empty(parsed) }
        return try RecordBatch(schema: parsed, columns: columns)
    }

    /// A frame from a schema and rows of cells (see ``batch(_:_:)``).
    ///
    /// - Throws: as ``batch(_:_:)``.
    public static func rows(_ schema: String, _ rows: [[Cell]], name: String = "InMemory") throws(GlueError) -> DynamicFrame {
        DynamicFrame(try batch(schema, rows), name: name)
    }

    /// A batch from CSV text, read with Glue's CSV options (`withHeader` true unless told). Without
    /// `schema`, column types are inferred as Glue's crawler infers them (`bigint`, `double`,
    /// `boolean`, `string`); with it, the text is read into those types.
    ///
    /// - Throws: `InvalidDataException` for a malformed or rejected row, `InvalidInputException`
    ///   for a bad option or schema.
    public static func csvBatch(_ text: String, schema: String? = nil, formatOptions: [String: String] = [:]) throws(GlueError) -> RecordBatch {
        var optionsText = formatOptions
        if optionsText["withHeader"] == nil { optionsText["withHeader"] = "true" }
        let options = try CSVOptions(formatOptions: optionsText)
        let bytes = Array(text.utf8)
        let resolved: Schema
        if let schema {
            resolved = try parseSchema(schema)
        } else {
            resolved = CSVSniffer.sniff(bytes, isWholeFile: true, options: options, separatorGiven: true, header: options.withHeader).schema
        }
        let reader = try CSVReader(schema: resolved, options: options, workers: 1)
        let result = try reader.read(bytes: bytes, fileName: "csv text")
        if let rejected = result.errors.first {
            throw GlueError(.invalidData, "CSV text: \(rejected.description)")
        }
        return result.batches.isEmpty ? RecordBatch.empty(resolved) : try RecordBatch.concatenate(result.batches)
    }

    /// A frame from CSV text (see ``csvBatch(_:schema:formatOptions:)``).
    ///
    /// - Throws: as ``csvBatch(_:schema:formatOptions:)``.
    public static func csv(_ text: String, schema: String? = nil, formatOptions: [String: String] = [:], name: String = "InMemory") throws(GlueError) -> DynamicFrame {
        DynamicFrame(try csvBatch(text, schema: schema, formatOptions: formatOptions), name: name)
    }

    /// `"name: type, name: type"` as a schema; commas inside `<>` and `()` belong to the type
    /// (`decimal(10,2)`, `struct<a:int,b:string>`).
    ///
    /// - Throws: `InvalidInputException` for an entry without a type or an unknown type.
    public static func parseSchema(_ text: String) throws(GlueError) -> Schema {
        var entries: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            switch character {
            case "<", "(": depth += 1
            case ">", ")": depth -= 1
            default: break
            }
            if character == ",", depth == 0 {
                entries.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { entries.append(current) }
        var fields: [Field] = []
        for entry in entries {
            guard let colon = entry.firstIndex(of: ":") else {
                throw GlueError(.invalidInput, "Schema entry \"\(entry.trimmingCharacters(in: .whitespaces))\" needs a type: \"name: type\".")
            }
            let name = entry[..<colon].trimmingCharacters(in: .whitespaces)
            let type = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append(Field(name, try DataType(parsing: type)))
        }
        return Schema(fields)
    }
}
