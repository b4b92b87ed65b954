import GlueColumnar
import GlueCore

/// One record as a closure sees it: field names with boxed values. Mirrors awsglue's
/// `DynamicRecord` (a `dict` of the record's fields).
///
/// This is the slow path of the engine, for `Map`, `FlatMap` and `Filter` closures; columnar
/// transforms never build records.
public struct DynamicRecord: Hashable, Sendable {
    /// The field names, in order.
    public private(set) var names: [String]
    /// The values, parallel to ``names``.
    public private(set) var values: [Value]

    /// A record from names and values of equal length.
    public init(names: [String], values: [Value]) {
        let count = min(names.count, values.count)
        self.names = Array(names.prefix(count))
        self.values = Array(values.prefix(count))
    }

    /// A record from name-value pairs.
    public init(_ pairs: KeyValuePairs<String, Value>) {
        self.init(names: pairs.map(\.key), values: pairs.map(\.value))
    }

    /// Row `index` of a batch.
    public init(_ batch: RecordBatch, row index: Int) {
        self.init(names: batch.schema.names, values: batch.row(at: index))
    }

    /// The value of a field (exact name first, then case-insensitive), `null` when absent;
    /// setting adds the field at the end when it is absent.
    public subscript(name: String) -> Value {
        get { index(of: name).map { values[$0] } ?? .null }
        set {
            if let position = index(of: name) {
                values[position] = newValue
            } else {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Whether the record has a field of that name.
    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    /// Removes a field; returns its value, or `nil` when absent.
    @discardableResult
    public mutating func removeValue(forKey name: String) -> Value? {
        guard let position = index(of: name) else { return nil }
        names.remove(at: position)
        return values.remove(at: position)
    }

    private func index(of name: String) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return names.firstIndex { $0.lowercased() == lowered }
    }
}

/// Collects records into a batch of a fixed schema, routing records that do not fit to the
/// error output.
struct RecordBatchAssembler {
    let schema: Schema
    private var builders: [ColumnBuilder]

    init(schema: Schema) {
        self.schema = schema
        self.builders = schema.fields.map { ColumnBuilder($0.dataType) }
    }

    /// Appends the record, or returns why it does not fit the schema.
    mutating func append(_ record: DynamicRecord) -> String? {
        let values = schema.fields.map { record[$0.name] }
        for (field, value) in zip(schema.fields, values) where !ColumnBuilder.conforms(value, to: field.dataType) {
            return "Value \(value.displayText(as: field.dataType)) of field \(field.name) does not fit type \(field.dataType)."
        }
        for index in builders.indices {
            // Checked just above; a failure here would only drop the value.
            try? builders[index].append(values[index])
        }
        return nil
    }

    mutating func finish() throws(GlueError) -> RecordBatch {
        var columns: [Column] = []
        for index in builders.indices { columns.append(builders[index].finish()) }
        if columns.isEmpty { return RecordBatch.empty(schema) }
        return try RecordBatch(schema: schema, columns: columns)
    }
}
