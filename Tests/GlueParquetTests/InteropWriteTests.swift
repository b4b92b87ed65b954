import Foundation
import GlueColumnar
import GlueCore
import Testing

@testable import GlueParquet

/// (b) Files written by LocalGlue: pyarrow, DuckDB and Polars read exactly what was written, and
/// the statistics are right and usable for pruning.
@Suite("Interop: real readers reading LocalGlue's files")
struct InteropWriteTests {
    struct PruneCase: Encodable {
        var column: String
        var op: String
        var value: Int
        var rowGroups: [Int]
        var count: Int
    }

    struct Expected: Encodable {
        var columns: [String]
        var rows: [[String?]]
        var prune: [PruneCase]
    }

    static func write(_ batches: [RecordBatch], schema: Schema, options: ParquetWriterOptions, name: String, prune: [PruneCase] = [], into directory: URL) throws {
        let bytes = try ParquetWriter.write(batches, schema: schema, options: options)
        try Data(bytes).write(to: directory.appendingPathComponent(name + ".parquet"))
        let expected = Expected(columns: schema.names, rows: CanonicalRows.rows(batches), prune: prune)
        try JSONEncoder().encode(expected).write(to: directory.appendingPathComponent(name + ".expected.json"))
    }

    @Test("pyarrow, DuckDB and Polars read LocalGlue's files exactly, with usable statistics")
    func readers() throws {
        guard let python = InteropEnvironment.python else {
            print("Skipping Parquet interop (writing): LOCALGLUE_PYTHON is not set; `make test` sets it.")
            return
        }
        let directory = try InteropEnvironment.temporaryDirectory("written")
        defer { try? FileManager.default.removeItem(at: directory) }
        let batches = [SampleBatches.batch(start: 0, count: 700), SampleBatches.batch(start: 700, count: 600)]
        let prune = [
            PruneCase(column: "id", op: ">", value: 1100, rowGroups: [2], count: 199),
            PruneCase(column: "id", op: "<", value: 300, rowGroups: [0], count: 300),
            PruneCase(column: "id", op: "=", value: 700, rowGroups: [1], count: 1),
            PruneCase(column: "id", op: ">=", value: 1299, rowGroups: [2], count: 1),
            // (pyarrow 26 does not prune on columns that hold nulls, so the cases use `id`.)
        ]
        for codec in [CompressionCodec.snappy, .gzip, .zstd, .uncompressed, .lz4Raw] {
            var options = ParquetWriterOptions()
            options.compression = codec
            options.rowGroupRowCount = 500
            options.dataPageRowCount = 100
            try Self.write(batches, schema: SampleBatches.schema, options: options, name: "all_types_\(codec)", prune: codec == .snappy ? prune : [], into: directory)
        }
        var noDictionary = ParquetWriterOptions()
        noDictionary.isDictionaryEnabled = false
        try Self.write(batches, schema: SampleBatches.schema, options: noDictionary, name: "no_dictionary", into: directory)

        var text = VariableWidthBuffer()
        for row in 0..<20_000 { text.append(Array("value-\(row < 4000 ? row % 10 : row)-ü".utf8)) }
        let fallback = try RecordBatch(["s": Column(.string, storage: .bytes(text))])
        var small = ParquetWriterOptions()
        small.dictionaryPageSizeLimit = 16 * 1024
        small.dataPageRowCount = 1000
        try Self.write([fallback], schema: fallback.schema, options: small, name: "dictionary_fallback", into: directory)
        try Self.write([], schema: SampleBatches.schema, options: ParquetWriterOptions(), name: "empty", into: directory)
        let nulls = try RecordBatch([
            "s": Column.nulls(.string, count: 20), "d": Column.nulls(.double, count: 20), "dec": Column.nulls(.decimal(precision: 30, scale: 3), count: 20),
        ])
        try Self.write([nulls], schema: nulls.schema, options: ParquetWriterOptions(), name: "all_nulls", into: directory)

        let (status, output) = try InteropEnvironment.run(python, script: "check_readers.py", [directory.path])
        print("Parquet interop (writing): " + (output.split(separator: "\n").last.map(String.init) ?? ""))
        #expect(status == 0, "\(output)")
    }
}
