import GlueCore

/// A horizontal slice of a file: one column chunk per leaf column (`RowGroup`).
public struct RowGroup: Hashable, Sendable {
    /// The column chunks, in leaf order.
    public var columns: [ColumnChunk]
    /// The uncompressed size of all column data.
    public var totalByteSize: Int64
    /// The number of rows.
    public var numRows: Int64
    /// The file offset of the first page of the row group.
    public var fileOffset: Int64?
    /// The on-disk size of the row group.
    public var totalCompressedSize: Int64?
    /// The position of the row group in the file.
    public var ordinal: Int16?

    /// Creates a row group.
    public init(columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
    }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var columns: [ColumnChunk] = []
        var totalByteSize: Int64?
        var numRows: Int64?
        var fileOffset: Int64?
        var totalCompressedSize: Int64?
        var ordinal: Int16?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1:
                let (elementType, count) = try reader.readListHeader(field.type)
                guard elementType == .struct else { throw reader.corrupt("row group columns are not structs") }
                columns.reserveCapacity(count)
                for _ in 0..<count { columns.append(try ColumnChunk(from: &reader)) }
            case 2: totalByteSize = try reader.readI64(field.type)
            case 3: numRows = try reader.readI64(field.type)
            case 5: fileOffset = try reader.readI64(field.type)
            case 6: totalCompressedSize = try reader.readI64(field.type)
            case 7: ordinal = Int16(truncatingIfNeeded: try reader.readI64(field.type))
            default: try reader.skip(field.type)
            }
        }
        guard let totalByteSize, let numRows else { throw reader.corrupt("a row group lacks its size or row count") }
        self.init(columns: columns, totalByteSize: totalByteSize, numRows: numRows)
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.beginStruct(nil)
        writer.writeListHeader(1, elementType: .struct, count: columns.count)
        for column in columns { column.write(to: &writer) }
        writer.writeI64(2, totalByteSize)
        writer.writeI64(3, numRows)
        if let fileOffset { writer.writeI64(5, fileOffset) }
        if let totalCompressedSize { writer.writeI64(6, totalCompressedSize) }
        if let ordinal {
            writer.writeFieldHeader(7, .i16)
            writer.writeZigzag(Int64(ordinal))
        }
        writer.endStruct()
    }
}
