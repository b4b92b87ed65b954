import Foundation
import GRDB
import GlueCatalog
import GlueCore
import Testing

/// A fresh in-memory catalog with a fixed clock.
func makeStore(at time: Double = 1_700_000_000) throws -> SQLiteCatalogStore {
    try SQLiteCatalogStore(writer: try DatabaseQueue(), clock: { Date(timeIntervalSince1970: time) })
}

/// A table input with partition keys of the given types and one data column.
func partitionedTable(_ name: String, keys: [(String, String)]) -> TableInput {
    TableInput(
        name: name, owner: "owner", retention: 0,
        storageDescriptor: StorageDescriptor(
            columns: [Column(name: "amount", type: "double")], location: "s3://bucket/\(name)/",
            inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            serdeInfo: SerDeInfo(
                serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                parameters: ["serialization.format": "1"])),
        partitionKeys: keys.map { Column(name: $0.0, type: $0.1) }, tableType: "EXTERNAL_TABLE",
        parameters: ["classification": "parquet"])
}

/// Expects a call to throw a `GlueError` with this code, and returns it.
@discardableResult
func expectGlueError(
    _ code: GlueError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> GlueError? {
    do {
        try body()
        Issue.record("expected \(code.rawValue), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as GlueError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a GlueError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A unique temporary directory for one test.
func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("glue-catalog-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
