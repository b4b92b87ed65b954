import Foundation
import GlueColumnar
import GlueCore
import GlueCSV

/// Helpers shared by the CSV suites.
enum CSVTestSupport {
    /// The repository's `SampleData/csv` folder.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData/csv")

    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    /// Reads `bytes` and returns the rows as boxed values plus the error records.
    static func read(
        _ bytes: [UInt8], _ schema: String, options: CSVOptions = CSVOptions(withHeader: true, multiLine: true),
        workers: Int = 1, blockSize: Int = 8 << 20, minimumRangeSize: Int = 256 << 10, batchRowCount: Int = 8_192
    ) throws -> (rows: [[Value]], errors: [CSVErrorRecord]) {
        var reader = try CSVReader(
            schema: Schema(parsing: schema), options: options, workers: workers, batchRowCount: batchRowCount,
            blockSize: blockSize)
        reader.minimumRangeSize = minimumRangeSize
        let result = try reader.read(bytes: bytes, fileName: "test.csv")
        var rows: [[Value]] = []
        for batch in result.batches {
            for index in 0..<batch.rowCount { rows.append(batch.row(at: index)) }
        }
        return (rows, result.errors)
    }

    /// Reads with a source that hands over `chunk` bytes per call.
    static func readChunked(
        _ bytes: [UInt8], _ schema: String, options: CSVOptions, chunk: Int, blockSize: Int
    ) throws -> (rows: [[Value]], errors: [CSVErrorRecord]) {
        let reader = try CSVReader(schema: Schema(parsing: schema), options: options, workers: 1, blockSize: blockSize)
        var offset = 0
        var rows: [[Value]] = []
        var errors: [CSVErrorRecord] = []
        try reader.read(
            fileName: "test.csv",
            source: { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
                let n = min(chunk, buffer.count, bytes.count - offset)
                guard n > 0 else { return 0 }
                for index in 0..<n { buffer[index] = bytes[offset + index] }
                offset += n
                return n
            },
            onBatch: { (batch: RecordBatch) throws(GlueError) in
                for index in 0..<batch.rowCount { rows.append(batch.row(at: index)) }
            },
            onError: { errors.append($0) })
        return (rows, errors)
    }
}
