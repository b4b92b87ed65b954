import Foundation
import GlueColumnar
import GlueCore
import Testing

@testable import GlueParquet

/// (a) Files written by pyarrow, DuckDB and Polars: LocalGlue reads exactly what pyarrow reads.
@Suite("Interop: reading files from real writers")
struct InteropReadTests {
    struct Expected: Decodable {
        var columns: [String]
        var rows: [[String?]]
    }

    @Test("Every corpus file reads exactly as pyarrow reads it")
    func corpus() throws {
        guard let python = InteropEnvironment.python else {
            print("Skipping Parquet interop (reading): LOCALGLUE_PYTHON is not set; `make test` sets it.")
            return
        }
        let directory = try InteropEnvironment.temporaryDirectory("corpus")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, output) = try InteropEnvironment.run(python, script: "write_corpus.py", [directory.path])
        try #require(status == 0, "write_corpus.py failed: \(output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".parquet") }.sorted()
        #expect(files.count >= 40)
        var matched = 0
        for file in files {
            let url = directory.appendingPathComponent(file)
            let expectedURL = directory.appendingPathComponent(String(file.dropLast(".parquet".count)) + ".expected.json")
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
            do {
                let reader = try ParquetFileReader(source: InMemoryParquetSource(Array(try Data(contentsOf: url))), name: file)
                let batches = try reader.read()
                #expect(reader.schema.names == expected.columns, "\(file): column names")
                let rows = CanonicalRows.rows(batches)
                #expect(rows.count == expected.rows.count, "\(file): row count")
                if rows == expected.rows {
                    matched += 1
                } else {
                    let first = zip(rows, expected.rows).enumerated().first { $0.element.0 != $0.element.1 }
                    if let first {
                        let columnIndex = zip(first.element.0, first.element.1).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
                        Issue.record("\(file): row \(first.offset) column \(expected.columns[columnIndex]): got \(first.element.0[columnIndex] ?? "null"), pyarrow \(first.element.1[columnIndex] ?? "null")")
                    }
                }
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
        print("Parquet interop (reading): \(matched) of \(files.count) files from pyarrow, DuckDB and Polars read exactly as pyarrow reads them")
    }
}
