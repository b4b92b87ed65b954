import Foundation
import GlueColumnar
import GlueCore
import Testing

@testable import GlueParquet

/// The committed fixtures of `SampleData/parquet/` (see SampleData/README.md for provenance) and
/// the sample lake's RDS snapshot export.
@Suite("Parquet fixtures")
struct FixtureTests {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData")

    static func read(_ path: String) throws -> (ParquetFileReader, [[String?]]) {
        let bytes = Array(try Data(contentsOf: sampleData.appendingPathComponent(path)))
        let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: path)
        return (reader, CanonicalRows.rows(try reader.read()))
    }

    static func text(_ string: String) -> String { "s:" + CanonicalRows.hex(Array(string.utf8)) }

    @Test("pyarrow v2 pages with ZSTD: strings, decimals, NaN and -0.0")
    func pyarrowV2() throws {
        let (reader, rows) = try Self.read("parquet/pyarrow-v2-zstd.parquet")
        #expect(reader.schema.description == "id bigint, name string, amount decimal(10,2), ratio double")
        #expect(rows.map { $0[1] } == [Self.text("Zoë"), nil, Self.text("東京"), Self.text(""), Self.text("Ålesund")])
        #expect(rows.map { $0[2] } == ["i:1234", "i:-50", nil, "i:9999999999", "i:0"])
        #expect(rows.map { $0[3] } == ["d:3fe0000000000000", "nan", "d:8000000000000000", nil, "d:7e37e43c8800759c"])
    }

    @Test("pyarrow INT96 timestamps read with Spark's microsecond rule, up to year 9999")
    func int96() throws {
        let (reader, rows) = try Self.read("parquet/pyarrow-int96.parquet")
        #expect(reader.schema.fields[1].dataType == .timestamp)
        #expect(rows.map { $0[1] } == ["i:1730116800123456", nil, "i:-1000000", "i:253402300799999999", "i:0"])
    }

    @Test("DuckDB PARQUET_VERSION V2: delta and byte-stream-split encodings")
    func duckdbV2() throws {
        let (reader, rows) = try Self.read("parquet/duckdb-v2.parquet")
        let encodings = Set(reader.metadata.rowGroups.flatMap { $0.columns.flatMap { $0.metaData?.encodings ?? [] } })
        #expect(encodings.contains(.deltaBinaryPacked) || encodings.contains(.byteStreamSplit) || encodings.contains(.deltaLengthByteArray))
        #expect(rows.map { $0[0] } == ["i:1", "i:2", "i:3", "i:4", "i:5"])
        #expect(rows.map { $0[1] } == [Self.text("Zoë"), nil, Self.text("東京"), Self.text(""), Self.text("Ålesund")])
        #expect(rows.map { $0[2] } == ["d:3fe0000000000000", "nan", "d:8000000000000000", nil, "d:7e37e43c8800759c"])
    }

    @Test("Polars defaults")
    func polars() throws {
        let (_, rows) = try Self.read("parquet/polars-default.parquet")
        #expect(rows.map { $0[0] } == ["i:1", "i:2", "i:3", "i:4", "i:5"])
        #expect(rows[2][1] == Self.text("東京"))
    }

    @Test("The sample lake's RDS snapshot export reads (GZIP)")
    func rdsExport() throws {
        let root = Self.sampleData.appendingPathComponent("buckets")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        var counts: [String: Int] = [:]
        for case let path as String in walker where path.hasSuffix(".parquet") {
            let (reader, rows) = try Self.read("buckets/" + path)
            #expect(reader.metadata.rowGroups.allSatisfy { $0.columns.allSatisfy { $0.metaData?.codec == .gzip } })
            counts[path.contains("orders") ? "orders" : "customers"] = rows.count
        }
        #expect(counts["orders"] == 60)
        #expect(counts["customers"] == 12)
    }
}
