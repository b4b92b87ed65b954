import GlueCore

/// The footer of a Parquet file (`FileMetaData`).
public struct FileMetaData: Hashable, Sendable {
    /// The format version (1 or 2; both mean the same to readers).
    public var version: Int32
    /// The schema, depth first, root first.
    public var schema: [SchemaElement]
    /// The number of rows in the file.
    public var numRows: Int64
    /// The row groups.
    public var rowGroups: [RowGroup]
    /// File-level key/value metadata (such as `ARROW:schema`).
    public var keyValueMetadata: [KeyValue]?
    /// The writing application: `name version X.Y.Z (build H)`.
    public var createdBy: String?
    /// The sort order of each leaf's statistics: the `ColumnOrder` union member id (1 is
    /// TYPE_ORDER), one per leaf; `nil` when the writer wrote none.
    public var columnOrders: [Int16]?
    /// Whether the footer declares an encryption algorithm (encrypted files are not supported).
    public var isEncrypted: Bool

    /// Creates file metadata.
    public init(version: Int32, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup]) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.isEncrypted = false
    }

    /// Decodes a footer from its Thrift compact bytes.
    public init(thriftBytes bytes: [UInt8]) throws(GlueError) {
        var reader = ThriftCompactReader(bytes: bytes)
        try self.init(from: &reader)
    }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var keyValues: [KeyValue]?
        var createdBy: String?
        var columnOrders: [Int16]?
        var isEncrypted = false
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: version = try reader.readI32(field.type)
            case 2:
                let (elementType, count) = try reader.readListHeader(field.type)
                guard elementType == .struct else { throw reader.corrupt("schema elements are not structs") }
                var elements: [SchemaElement] = []
                elements.reserveCapacity(count)
                for _ in 0..<count { elements.append(try SchemaElement(from: &reader)) }
                schema = elements
            case 3: numRows = try reader.readI64(field.type)
            case 4:
                let (elementType, count) = try reader.readListHeader(field.type)
                guard elementType == .struct else { throw reader.corrupt("row groups are not structs") }
                var groups: [RowGroup] = []
                groups.reserveCapacity(count)
                for _ in 0..<count { groups.append(try RowGroup(from: &reader)) }
                rowGroups = groups
            case 5:
                let (elementType, count) = try reader.readListHeader(field.type)
                guard elementType == .struct else { throw reader.corrupt("key/value metadata are not structs") }
                var entries: [KeyValue] = []
                for _ in 0..<count { entries.append(try KeyValue(from: &reader)) }
                keyValues = entries
            case 6: createdBy = try reader.readString(field.type)
            case 7:
                let (elementType, count) = try reader.readListHeader(field.type)
                guard elementType == .struct else { throw reader.corrupt("column orders are not structs") }
                var orders: [Int16] = []
                for _ in 0..<count {
                    var inner: Int16 = 0
                    var member: Int16 = 0
                    while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                        member = f.id
                        try reader.skip(f.type)
                    }
                    orders.append(member)
                }
                columnOrders = orders
            case 8:
                isEncrypted = true
                try reader.skip(field.type)
            default: try reader.skip(field.type)
            }
        }
        guard let version, let schema, let numRows, let rowGroups else {
            throw reader.corrupt("the footer lacks its version, schema, row count or row groups")
        }
        self.init(version: version, schema: schema, numRows: numRows, rowGroups: rowGroups)
        self.keyValueMetadata = keyValues
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.isEncrypted = isEncrypted
    }

    /// Encodes the footer in Thrift compact form.
    public func thriftBytes() -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeI32(1, version)
        writer.writeListHeader(2, elementType: .struct, count: schema.count)
        for element in schema { element.write(to: &writer) }
        writer.writeI64(3, numRows)
        writer.writeListHeader(4, elementType: .struct, count: rowGroups.count)
        for group in rowGroups { group.write(to: &writer) }
        if let keyValueMetadata {
            writer.writeListHeader(5, elementType: .struct, count: keyValueMetadata.count)
            for entry in keyValueMetadata { entry.write(to: &writer) }
        }
        if let createdBy { writer.writeString(6, createdBy) }
        if let columnOrders {
            writer.writeListHeader(7, elementType: .struct, count: columnOrders.count)
            for member in columnOrders {
                writer.beginStruct(nil)
                writer.writeEmptyStruct(member)
                writer.endStruct()
            }
        }
        writer.endStruct()
        return writer.bytes
    }
}
