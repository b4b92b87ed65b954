import Foundation
import GlueColumnar
import GlueCore
import GlueParquet

/// `convert`'s Parquet output: the writer's bytes appended to a file as row groups fill.
struct ParquetBatchFileWriter: BatchFileWriter {
    private var writer: ParquetWriter
    private let handle: FileHandle
    private let url: URL

    init(url: URL, writer: ParquetWriter) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw ConfigurationError("Cannot create \(url.path).")
        }
        self.url = url
        self.handle = handle
        self.writer = writer
    }

    mutating func write(_ batch: RecordBatch) throws {
        try writer.write(batch)
        try append(writer.takeBytes())
    }

    mutating func finish() throws {
        try append(writer.finish())
        try handle.close()
    }

    private func append(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw ConfigurationError("Cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
