import GlueCore

/// An immutable, `Sendable` set of equally long columns with a schema: the unit that moves between
/// pipeline stages (about 8,192 rows).
public struct RecordBatch: Sendable {
    /// The columns' names and types.
    public let schema: Schema
    /// The columns, in schema order.
    public let columns: [Column]
    /// The number of rows.
    public let rowCount: Int

    /// The default number of rows per batch.
    public static let defaultRowCount = 8_192

    /// Creates a batch, checking that the columns match the schema and have equal lengths.
    ///
    /// - Throws: `InvalidInputException` when the column count, a column's type or a length differs.
    public init(schema: Schema, columns: [Column]) throws(GlueError) {
        guard schema.count == columns.count else {
            throw GlueError(.invalidInput, "A batch with \(schema.count) fields cannot hold \(columns.count) columns.")
        }
        for (field, column) in zip(schema.fields, columns) where field.dataType != column.dataType {
            throw GlueError(.invalidInput, "Column \(field.name) is declared \(field.dataType) but holds \(column.dataType).")
        }
        let rowCount = columns.first?.count ?? 0
        if let mismatch = columns.firstIndex(where: { $0.count != rowCount }) {
            throw GlueError(.invalidInput, "Column \(schema[mismatch].name) has \(columns[mismatch].count) rows; the batch has \(rowCount).")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// Creates a batch from named columns, taking the schema from the columns' types.
    ///
    /// - Throws: `InvalidInputException` when lengths differ.
    public init(_ namedColumns: KeyValuePairs<String, Column>) throws(GlueError) {
        try self.init(
            schema: Schema(namedColumns.map { Field($0.key, $0.value.dataType) }),
            columns: namedColumns.map(\.value))
    }

    /// An empty batch of the schema.
    public static func empty(_ schema: Schema) -> RecordBatch {
        RecordBatch(unchecked: schema, columns: schema.fields.map { Column($0.dataType, storage: .zeroed(for: $0.dataType, count: 0)) }, rowCount: 0)
    }

    /// A batch whose invariants the caller has already established (kernels).
    init(unchecked schema: Schema, columns: [Column], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The column with this name (exact first, then case-insensitive), or `nil`.
    public func column(named name: String) -> Column? {
        schema.firstIndex(named: name).map { columns[$0] }
    }

    /// A batch with only the given columns, in the given order.
    ///
    /// - Precondition: every index is a valid column index.
    public func project(_ indices: [Int]) -> RecordBatch {
        RecordBatch(unchecked: Schema(indices.map { schema[$0] }), columns: indices.map { columns[$0] }, rowCount: rowCount)
    }

    /// The same columns under another schema of the same types (renames).
    ///
    /// - Throws: `InvalidInputException` when the types differ.
    public func withSchema(_ newSchema: Schema) throws(GlueError) -> RecordBatch {
        try RecordBatch(schema: newSchema, columns: columns)
    }

    /// The row at `index` as boxed values (a slow path for closures and printing).
    public func row(at index: Int) -> [Value] { columns.map { $0.value(at: index) } }

    /// The approximate number of bytes the batch's buffers hold.
    public var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }
}

extension Column {
    /// The approximate number of bytes the column's buffers hold.
    public var byteCount: Int {
        let bitmap = validity.map { ($0.count + 7) / 8 } ?? 0
        switch storage {
        case .boolean(let values): return bitmap + values.count
        case .int8(let values): return bitmap + values.count
        case .int16(let values): return bitmap + values.count * 2
        case .int32(let values): return bitmap + values.count * 4
        case .int64(let values): return bitmap + values.count * 8
        case .float32(let values): return bitmap + values.count * 4
        case .float64(let values): return bitmap + values.count * 8
        case .int128(let values): return bitmap + values.count * 16
        case .bytes(let buffer): return bitmap + buffer.bytes.count + buffer.offsets.count * 8
        case .dictionary(let indices, let values): return bitmap + indices.count * 4 + values.bytes.count + values.offsets.count * 8
        case .list(let offsets, let child): return bitmap + offsets.count * 8 + child.byteCount
        case .structure(let children): return bitmap + children.reduce(0) { $0 + $1.byteCount }
        case .union(let indices, let branches): return bitmap + indices.count + branches.reduce(0) { $0 + $1.byteCount }
        }
    }
}
