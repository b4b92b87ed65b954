import ArgumentParser
import Foundation
import GlueCore
import GlueParquet

// The Parquet side of `convert`.
extension ConvertRequest {
    func makeParquetReader() throws -> any BatchFileReader {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: input, options: .alwaysMapped))
        } catch {
            throw ConfigurationError("Cannot read \(input.path): \(error.localizedDescription)")
        }
        return try ParquetBatchFileReader(reader: ParquetFileReader(source: InMemoryParquetSource(bytes), name: input.path))
    }

    func makeParquetWriter(to url: URL, schema: Schema) throws -> any BatchFileWriter {
        var options = ParquetWriterOptions()
        switch compression?.lowercased() {
        case nil, "snappy": options.compression = .snappy
        case "gzip": options.compression = .gzip
        case "zstd": options.compression = .zstd
        case "none", "uncompressed": options.compression = .uncompressed
        case "lz4", "lz4_raw": options.compression = .lz4Raw
        case let other?: throw ValidationError("Unknown --compression \(other); use snappy, gzip, zstd or none.")
        }
        return try ParquetBatchFileWriter(url: url, writer: ParquetWriter(schema: schema, options: options))
    }
}
