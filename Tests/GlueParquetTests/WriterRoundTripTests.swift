import GlueColumnar
import GlueCore
import Testing

@testable import GlueParquet

@Suite("Parquet writer round trips")
struct WriterRoundTripTests {
    static let batches = [SampleBatches.batch(start: 0, count: 700), SampleBatches.batch(start: 700, count: 600)]

    @Test("Every codec round-trips every type", arguments: [CompressionCodec.snappy, .gzip, .zstd, .uncompressed, .lz4Raw])
    func codecs(codec: CompressionCodec) throws {
        var options = ParquetWriterOptions()
        options.compression = codec
        options.rowGroupRowCount = 500
        options.dataPageRowCount = 128
        let bytes = try ParquetWriter.write(Self.batches, schema: SampleBatches.schema, options: options)
        let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "roundtrip")
        #expect(reader.metadata.rowGroups.count == 3)
        #expect(reader.metadata.createdBy == "LocalGlue version 0.1.0 (build localglue)")
        #expect(reader.schema == SampleBatches.schema)
        let read = try reader.read()
        #expect(CanonicalRows.rows(read) == CanonicalRows.rows(Self.batches))
    }

    @Test("Dictionary encoding falls back to PLAIN within a chunk once the dictionary is too large")
    func dictionaryFallback() throws {
        var text = VariableWidthBuffer()
        for row in 0..<5000 { text.append(Array("value-\(row < 1000 ? row % 10 : row)-padding-padding".utf8)) }
        let batch = try RecordBatch(["s": Column(.string, storage: .bytes(text))])
        var options = ParquetWriterOptions()
        options.dictionaryPageSizeLimit = 8 * 1024
        options.dataPageRowCount = 100
        let bytes = try ParquetWriter.write([batch], schema: batch.schema, options: options)
        let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "fallback")
        let encodings = reader.metadata.rowGroups[0].columns[0].metaData?.encodings ?? []
        #expect(encodings.contains(.rleDictionary) && encodings.contains(.plain))
        #expect(CanonicalRows.rows(try reader.read()) == CanonicalRows.rows([batch]))
    }

    @Test("Statistics: unsigned order for non-ASCII strings, NaN left out, zeros signed, null counts")
    func statistics() throws {
        var text = VariableWidthBuffer()
        for word in ["b", "é", "a", "Z"] { text.append(Array(word.utf8)) }
        let batch = try RecordBatch([
            "s": Column(.string, storage: .bytes(text)),
            "d": Column(.double, storage: .float64([.nan, 0.0, 2.5, 1.0]), validity: ValidityBitmap([true, true, true, false])),
        ])
        let bytes = try ParquetWriter.write([batch], schema: batch.schema)
        let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "stats")
        let strings = try #require(reader.metadata.rowGroups[0].columns[0].metaData?.statistics)
        #expect(strings.minValue == Array("Z".utf8))
        #expect(strings.maxValue == Array("é".utf8))
        #expect(strings.nullCount == 0)
        let doubles = try #require(reader.metadata.rowGroups[0].columns[1].metaData?.statistics)
        #expect(doubles.minValue.map { Double(bitPattern: UInt64(littleEndian: $0.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })) }?.sign == .minus)
        #expect(doubles.maxValue.map { Double(bitPattern: UInt64(littleEndian: $0.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })) } == 2.5)
        #expect(doubles.nullCount == 1)
    }

    @Test("Row groups are skipped by statistics for a pushed-down predicate")
    func pruning() throws {
        var options = ParquetWriterOptions()
        options.rowGroupRowCount = 500
        let bytes = try ParquetWriter.write(Self.batches, schema: SampleBatches.schema, options: options)
        let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "prune")
        #expect(reader.rowGroups(matching: .compare(column: "id", .greaterThan, .integer(1100))) == [2])
        #expect(reader.rowGroups(matching: .compare(column: "id", .lessThan, .integer(0))) == [])
        #expect(reader.rowGroups(matching: .compare(column: "id", .equal, .integer(500))) == [1])
        #expect(reader.rowGroups(matching: .or([.compare(column: "id", .equal, .integer(3)), .in(column: "id", [.integer(1299)])])) == [0, 2])
        #expect(reader.rowGroups(matching: .compare(column: "text", .greaterThan, .string("\u{10FFFF}"))) == [])
        #expect(reader.rowGroups(matching: .compare(column: "dbl", .lessThan, .double(-1e9))) == [])
        #expect(reader.rowGroups(matching: .isNull(column: "id")) == [])
        let batches = try reader.read(columns: ["text", "id"], predicate: .compare(column: "id", .greaterThanOrEqual, .integer(1000)))
        #expect(batches.count == 1 && batches[0].schema.names == ["text", "id"] && batches[0].rowCount == 300)
    }

    @Test("An empty table and an all-null column round-trip")
    func emptyAndNulls() throws {
        let empty = try ParquetWriter.write([], schema: SampleBatches.schema)
        let reader = try ParquetFileReader(source: InMemoryParquetSource(empty), name: "empty")
        #expect(reader.rowCount == 0 && reader.schema == SampleBatches.schema)
        #expect(try reader.read().reduce(0) { $0 + $1.rowCount } == 0)
        let nulls = try RecordBatch(["x": Column.nulls(.string, count: 10), "y": Column.nulls(.decimal(precision: 30, scale: 2), count: 10)])
        let bytes = try ParquetWriter.write([nulls], schema: nulls.schema)
        let back = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "nulls").read()
        #expect(CanonicalRows.rows(back) == CanonicalRows.rows([nulls]))
    }

    @Test("Spark-style part file names")
    func partFileNames() {
        #expect(ParquetPartFileName.make(index: 0, writeID: "0A1B", codec: .snappy) == "part-00000-0a1b-c000.snappy.parquet")
        #expect(ParquetPartFileName.make(index: 12, writeID: "x", codec: .uncompressed) == "part-00012-x-c000.parquet")
        #expect(ParquetPartFileName.make(index: 1, writeID: "x", codec: .gzip) == "part-00001-x-c000.gz.parquet")
    }
}
