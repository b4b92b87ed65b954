import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
@testable import GlueJobs
import GlueStorage
import Testing

@Suite struct S3FileScanTests {
    /// Objects of very different sizes (some empty, some with rejected rows), so that the files
    /// decoded at once finish out of order.
    static func store() throws -> (InMemoryObjectStore, [S3ObjectReference], [[UInt8]]) {
        let store = InMemoryObjectStore()
        try store.createBucket("raw")
        var contents: [[UInt8]] = []
        for file in 0..<13 {
            var text = "id,name\n"
            let rows = [5_000, 3, 0, 40_000, 1, 12_000, 7, 0, 25_000, 2, 9_000, 60, 30_000][file]
            for row in 0..<rows { text += row % 997 == 5 ? "broken row without enough fields\n" : "\(file * 100_000 + row),n\(row)\n" }
            contents.append(Array(text.utf8))
            try store.putObject(bucket: "raw", key: "in/part-\(String(format: "%02d", file)).csv", bytes: contents[file])
        }
        let objects = try S3ObjectListing.objects(in: store, paths: ["s3://raw/in/"])
        return (store, objects, contents)
    }

    @Test("A multi-file source yields the same rows and error records, in the same order, as reading the objects one by one")
    func sameAsSequential() throws {
        let (store, objects, contents) = try Self.store()
        #expect(objects.count == 13)
        let schema = try Schema(parsing: "id bigint, name string")
        let reader = try CSVReader(schema: schema, options: CSVOptions(withHeader: true), workers: 2, batchRowCount: 4_096)
        let scan = S3FileScan(
            schema: schema, name: "S3CsvSource", objects: objects, decoder: CSVFileDecoder(store: store, reader: reader, nodeID: "n1"),
            control: RunControl())
        var rows: [[Value]] = []
        while let batch = try scan.next() { rows += (0..<batch.rowCount).map { batch.row(at: $0) } }
        var expected: [[Value]] = []
        var expectedErrors: [String] = []
        for (index, bytes) in contents.enumerated() {
            let result = try reader.read(bytes: bytes, fileName: objects[index].location.description)
            expected += result.batches.flatMap { batch in (0..<batch.rowCount).map { batch.row(at: $0) } }
            expectedErrors += result.errors.map(\.description)
        }
        #expect(rows.count == expected.count)
        #expect(rows == expected)
        let errors = scan.errorRecords
        #expect(errors.count == expectedErrors.count && errors.count > 100)
        #expect(errors.kept.map(\.message) == Array(expectedErrors.prefix(S3FileScan.maximumErrorsKept)))
    }
}
