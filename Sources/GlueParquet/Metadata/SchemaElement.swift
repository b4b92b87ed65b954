import GlueCore

/// One node of a Parquet schema, in the footer's depth-first list (`SchemaElement`).
public struct SchemaElement: Hashable, Sendable {
    /// The physical type of a leaf; `nil` for groups.
    public var type: PhysicalType?
    /// The width of a `FIXED_LEN_BYTE_ARRAY` leaf.
    public var typeLength: Int32?
    /// REQUIRED, OPTIONAL or REPEATED; the root may omit it.
    public var repetitionType: FieldRepetitionType?
    /// The column or group name.
    public var name: String
    /// The number of children of a group (the root included).
    public var numChildren: Int32?
    /// The legacy annotation.
    public var convertedType: ConvertedType?
    /// The decimal scale (legacy location, still read by DuckDB and Polars).
    public var scale: Int32?
    /// The decimal precision (legacy location).
    public var precision: Int32?
    /// The field id, when the writer assigned one.
    public var fieldID: Int32?
    /// The logical type annotation.
    public var logicalType: LogicalType?

    /// Creates a schema element.
    public init(name: String) { self.name = name }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var name: String?
        var element = SchemaElement(name: "")
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: element.type = PhysicalType(rawValue: try reader.readI32(field.type))
            case 2: element.typeLength = try reader.readI32(field.type)
            case 3: element.repetitionType = FieldRepetitionType(rawValue: try reader.readI32(field.type))
            case 4: name = try reader.readString(field.type)
            case 5: element.numChildren = try reader.readI32(field.type)
            case 6: element.convertedType = ConvertedType(rawValue: try reader.readI32(field.type))
            case 7: element.scale = try reader.readI32(field.type)
            case 8: element.precision = try reader.readI32(field.type)
            case 9: element.fieldID = try reader.readI32(field.type)
            case 10 where field.type == .struct: element.logicalType = try LogicalType(from: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard let name else { throw reader.corrupt("a schema element has no name") }
        element.name = name
        self = element
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.beginStruct(nil)
        if let type { writer.writeI32(1, type.rawValue) }
        if let typeLength { writer.writeI32(2, typeLength) }
        if let repetitionType { writer.writeI32(3, repetitionType.rawValue) }
        writer.writeString(4, name)
        if let numChildren { writer.writeI32(5, numChildren) }
        if let convertedType { writer.writeI32(6, convertedType.rawValue) }
        if let scale { writer.writeI32(7, scale) }
        if let precision { writer.writeI32(8, precision) }
        if let fieldID { writer.writeI32(9, fieldID) }
        if let logicalType { logicalType.write(10, to: &writer) }
        writer.endStruct()
    }
}
