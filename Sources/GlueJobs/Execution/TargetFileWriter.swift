import Foundation
import GlueColumnar
import GlueCore
import GlueParquet

/// One output file being written: batches in, bytes out as they are ready.
protocol TargetFileWriter {
    /// Encodes a batch; returns the bytes ready to append to the file.
    mutating func write(_ batch: RecordBatch) throws(GlueError) -> [UInt8]
    /// Ends the file; returns its last bytes.
    mutating func finish() throws(GlueError) -> [UInt8]
}

/// How a target encodes files and names them.
struct TargetFormat: Sendable {
    /// The writer of one file with the given schema.
    var makeWriter: @Sendable (Schema) throws(GlueError) -> any TargetFileWriter
    /// The file name of part `part` of a run that started at `runStartMillis`.
    var fileName: @Sendable (_ part: Int, _ runStartMillis: Int64) -> String
    /// The object's content type.
    var contentType: String
}

struct ParquetTargetWriter: TargetFileWriter {
    var writer: ParquetWriter

    mutating func write(_ batch: RecordBatch) throws(GlueError) -> [UInt8] {
        try writer.write(batch)
        return writer.takeBytes()
    }

    mutating func finish() throws(GlueError) -> [UInt8] {
        try writer.finish()
    }
}

extension TargetFormat {
    /// Parquet with Glue's compression names (`snappy` default, `gzip`, `zstd`, `uncompressed`/`none`).
    ///
    /// - Throws: `InvalidInputException` for a codec LocalGlue cannot write (`lzo`, `brotli`).
    static func parquet(compression: String?, naming: ParquetNaming) throws(GlueError) -> TargetFormat {
        var options = ParquetWriterOptions()
        let codecName: String
        switch (compression ?? "snappy").lowercased() {
        case "snappy": options.compression = .snappy; codecName = "snappy"
        case "gzip": options.compression = .gzip; codecName = "gzip"
        case "zstd": options.compression = .zstd; codecName = "zstd"
        case "lz4": options.compression = .lz4Raw; codecName = "lz4"
        case "uncompressed", "none": options.compression = .uncompressed; codecName = "uncompressed"
        case let other:
            throw GlueError(.invalidInput, "Parquet compression \"\(other)\" cannot be written locally; use snappy, gzip, zstd, lz4 or uncompressed.")
        }
        let frozen = options
        let jobUUID = UUID()
        return TargetFormat(
            makeWriter: { schema throws(GlueError) in ParquetTargetWriter(writer: try ParquetWriter(schema: schema, options: frozen)) },
            fileName: { part, millis in
                switch naming {
                case .glueParquet: OutputLayout.glueParquetFileName(runStartMillis: millis, part: part, codec: codecName)
                case .spark: OutputLayout.sparkFileName(part: part, jobUUID: jobUUID, codec: codecName == "uncompressed" ? nil : codecName, extension: "parquet")
                }
            },
            contentType: "application/vnd.apache.parquet")
    }

    /// The two Parquet naming schemes of Glue's writers.
    enum ParquetNaming {
        /// `S3GlueParquetTarget` (`glueparquet`): `run-MILLIS-part-block-0-r-NNNNN-CODEC.parquet`.
        case glueParquet
        /// `S3DirectTarget` with `parquet` (Spark's writer): `part-NNNNN-UUID-c000.CODEC.parquet`.
        case spark
    }
}
