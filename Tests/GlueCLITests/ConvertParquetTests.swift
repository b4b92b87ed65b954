import Foundation
import GlueColumnar
import GlueCore
import GlueParquet
import Testing

@Suite("convert: Parquet in and out")
struct ConvertParquetTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData/parquet/pyarrow-v2-zstd.parquet")

    static func rows(_ url: URL) throws -> (Schema, [[Value]]) {
        let reader = try ParquetFileReader(source: InMemoryParquetSource(Array(try Data(contentsOf: url))), name: url.path)
        let batches = try reader.read()
        return (reader.schema, batches.flatMap { batch in (0..<batch.rowCount).map { batch.row(at: $0) } })
    }

    @Test("A Parquet file converts to Parquet with each codec and reads back the same")
    func parquetToParquet() async throws {
        try await withTemporaryDirectory { directory in
            for codec in ["snappy", "gzip", "zstd", "none"] {
                let output = directory.appendingPathComponent("out-\(codec).parquet")
                let result = await runLocalGlue(["convert", Self.fixture.path, output.path, "--compression", codec])
                #expect(result.exitCode == 0, "\(result.error)")
                let (schema, rows) = try Self.rows(output)
                let (expectedSchema, expectedRows) = try Self.rows(Self.fixture)
                #expect(schema == expectedSchema)
                #expect(rows.count == expectedRows.count)
                for (row, expectedRow) in zip(rows, expectedRows) {
                    for (value, expectedValue) in zip(row, expectedRow) {
                        if case .double(let a) = value, case .double(let b) = expectedValue, a.isNaN, b.isNaN { continue }
                        #expect(value == expectedValue)
                    }
                }
            }
        }
    }

    @Test("A corrupt Parquet input is an InvalidDataException (exit 254) and leaves no output")
    func corruptInput() async throws {
        try await withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("bad.parquet")
            try Data("PAR1 this is not parquet PAR1".utf8).write(to: input)
            let output = directory.appendingPathComponent("out.parquet")
            let result = await runLocalGlue(["convert", input.path, output.path])
            #expect(result.exitCode == 254)
            #expect(result.error.contains("InvalidDataException"))
            #expect(!FileManager.default.fileExists(atPath: output.path))
            let unknown = await runLocalGlue(["convert", Self.fixture.path, output.path, "--compression", "brotli"])
            #expect(unknown.exitCode == 252)
        }
    }
}
