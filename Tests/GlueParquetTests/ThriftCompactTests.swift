import GlueCore
import Testing

@testable import GlueParquet

@Suite("Thrift compact protocol")
struct ThriftCompactTests {
    @Test("A footer round-trips through the writer and reader")
    func footerRoundTrip() throws {
        var root = SchemaElement(name: "schema")
        root.numChildren = 2
        var id = SchemaElement(name: "id")
        id.type = .int64
        id.repetitionType = .required
        var price = SchemaElement(name: "price")
        price.type = .fixedLenByteArray
        price.typeLength = 5
        price.repetitionType = .optional
        price.logicalType = .decimal(scale: 2, precision: 10)
        price.convertedType = .decimal
        price.scale = 2
        price.precision = 10
        var statistics = Statistics()
        statistics.nullCount = 3
        statistics.minValue = [1, 2]
        statistics.maxValue = [0xFF]
        let column = ColumnMetaData(
            type: .int64, encodings: [.plain, .rle], pathInSchema: ["id"], codec: .snappy, numValues: 10,
            totalUncompressedSize: 100, totalCompressedSize: 90, dataPageOffset: 4, statistics: statistics)
        var metadata = FileMetaData(
            version: 1, schema: [root, id, price], numRows: 10,
            rowGroups: [RowGroup(columns: [ColumnChunk(metaData: column)], totalByteSize: 100, numRows: 10)])
        metadata.createdBy = "LocalGlue version 0.1.0 (build test)"
        metadata.columnOrders = [1, 1]
        metadata.keyValueMetadata = [KeyValue(key: "k", value: "v"), KeyValue(key: "empty", value: nil)]
        let decoded = try FileMetaData(thriftBytes: metadata.thriftBytes())
        #expect(decoded == metadata)
    }

    @Test("Unknown fields of every type are skipped, including a field id past 15")
    func skipsUnknownFields() throws {
        var writer = ThriftCompactWriter()
        writer.writeI32(1, 7)
        writer.writeFieldHeader(2, .double)
        for _ in 0..<8 { writer.writeVarint(0x01) }  // 8 raw bytes
        writer.writeListHeader(3, elementType: .struct, count: 1)
        writer.beginStruct(nil)
        writer.writeString(1, "nested")
        writer.endStruct()
        writer.writeBool(2555, true)
        writer.writeI64(2556, -5)
        writer.endStruct()
        var reader = ThriftCompactReader(bytes: writer.bytes)
        var last: Int16 = 0
        var ids: [Int16] = []
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            ids.append(field.id)
            if field.id == 1 { #expect(try reader.readI32(field.type) == 7) } else if field.id == 2556 {
                #expect(try reader.readI64(field.type) == -5)
            } else { try reader.skip(field.type) }
        }
        #expect(ids == [1, 2, 3, 2555, 2556])
        #expect(reader.remaining == 0)
    }

    @Test("An unknown logical type member reads as `other`")
    func unknownLogicalType() throws {
        var writer = ThriftCompactWriter()
        writer.writeEmptyStruct(2555)
        writer.endStruct()
        var reader = ThriftCompactReader(bytes: writer.bytes)
        #expect(try LogicalType(from: &reader) == .other(fieldID: 2555))
    }

    @Test("Truncated metadata is an InvalidDataException, at every cut")
    func truncated() throws {
        var metadata = FileMetaData(version: 2, schema: [SchemaElement(name: "root")], numRows: 0, rowGroups: [])
        metadata.createdBy = "x"
        let bytes = metadata.thriftBytes()
        for cut in 0..<bytes.count {
            #expect(throws: GlueError.self) { try FileMetaData(thriftBytes: Array(bytes[0..<cut])) }
        }
    }

    @Test("A list longer than the bytes left is rejected before allocating")
    func hugeList() throws {
        // field 2 (schema), list header 0xF0|struct with size 2^31.
        let bytes: [UInt8] = [0x15, 0x02, 0x19, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x08]
        let error = #expect(throws: GlueError.self) { try FileMetaData(thriftBytes: bytes) }
        #expect(error?.code == .invalidData)
    }
}
