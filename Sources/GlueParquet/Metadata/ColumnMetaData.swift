import GlueCore

/// The metadata of one column chunk (`ColumnMetaData`).
public struct ColumnMetaData: Hashable, Sendable {
    /// The physical type.
    public var type: PhysicalType
    /// The encodings the writer says it used (informational; not reliable).
    public var encodings: [ParquetEncoding]
    /// The column's path from the root (one name for a flat schema).
    public var pathInSchema: [String]
    /// The codec of every page of the chunk.
    public var codec: CompressionCodec
    /// The number of values, nulls included.
    public var numValues: Int64
    /// The size of all pages uncompressed, headers included.
    public var totalUncompressedSize: Int64
    /// The size of all pages on disk, headers included.
    public var totalCompressedSize: Int64
    /// The file offset of the first data page.
    public var dataPageOffset: Int64
    /// The file offset of the dictionary page, when there is one (some writers write 0 for none).
    public var dictionaryPageOffset: Int64?
    /// The chunk's statistics.
    public var statistics: Statistics?

    /// Creates column metadata.
    public init(
        type: PhysicalType, encodings: [ParquetEncoding], pathInSchema: [String], codec: CompressionCodec,
        numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64, dataPageOffset: Int64,
        dictionaryPageOffset: Int64? = nil, statistics: Statistics? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.dataPageOffset = dataPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
    }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var type: PhysicalType?
        var encodings: [ParquetEncoding] = []
        var path: [String] = []
        var codec: CompressionCodec?
        var numValues: Int64?
        var uncompressed: Int64?
        var compressed: Int64?
        var dataPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: Statistics?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: type = PhysicalType(rawValue: try reader.readI32(field.type))
            case 2:
                let (elementType, count) = try reader.readListHeader(field.type)
                for _ in 0..<count { encodings.append(ParquetEncoding(rawValue: try reader.readI32(elementType))) }
            case 3:
                let (elementType, count) = try reader.readListHeader(field.type)
                for _ in 0..<count { path.append(try reader.readString(elementType)) }
            case 4: codec = CompressionCodec(rawValue: try reader.readI32(field.type))
            case 5: numValues = try reader.readI64(field.type)
            case 6: uncompressed = try reader.readI64(field.type)
            case 7: compressed = try reader.readI64(field.type)
            case 9: dataPageOffset = try reader.readI64(field.type)
            case 11: dictionaryPageOffset = try reader.readI64(field.type)
            case 12 where field.type == .struct: statistics = try Statistics(from: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard let type, let codec, let numValues, let uncompressed, let compressed, let dataPageOffset else {
            throw reader.corrupt("column metadata lacks a required field")
        }
        self.init(
            type: type, encodings: encodings, pathInSchema: path, codec: codec, numValues: numValues,
            totalUncompressedSize: uncompressed, totalCompressedSize: compressed, dataPageOffset: dataPageOffset,
            dictionaryPageOffset: dictionaryPageOffset, statistics: statistics)
    }

    func write(_ id: Int16, to writer: inout ThriftCompactWriter) {
        writer.beginStruct(id)
        writer.writeI32(1, type.rawValue)
        writer.writeListHeader(2, elementType: .i32, count: encodings.count)
        for encoding in encodings { writer.writeZigzag(Int64(encoding.rawValue)) }
        writer.writeListHeader(3, elementType: .binary, count: pathInSchema.count)
        for name in pathInSchema { writer.writeBinaryElement(Array(name.utf8)) }
        writer.writeI32(4, codec.rawValue)
        writer.writeI64(5, numValues)
        writer.writeI64(6, totalUncompressedSize)
        writer.writeI64(7, totalCompressedSize)
        writer.writeI64(9, dataPageOffset)
        if let dictionaryPageOffset { writer.writeI64(11, dictionaryPageOffset) }
        if let statistics { statistics.write(12, to: &writer) }
        writer.endStruct()
    }
}
