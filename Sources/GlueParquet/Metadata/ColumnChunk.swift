import GlueCore

/// One column of one row group (`ColumnChunk`).
public struct ColumnChunk: Hashable, Sendable {
    /// A path to another file holding the chunk (never used in practice; rejected when set).
    public var filePath: String?
    /// The chunk's metadata.
    public var metaData: ColumnMetaData?

    /// Creates a column chunk.
    public init(metaData: ColumnMetaData?) { self.metaData = metaData }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var chunk = ColumnChunk(metaData: nil)
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: chunk.filePath = try reader.readString(field.type)
            case 3 where field.type == .struct: chunk.metaData = try ColumnMetaData(from: &reader)
            default: try reader.skip(field.type)
            }
        }
        self = chunk
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.beginStruct(nil)
        writer.writeI64(2, 0)  // file_offset: deprecated, written as 0 as pyarrow and Spark do
        metaData?.write(3, to: &writer)
        writer.endStruct()
    }
}
