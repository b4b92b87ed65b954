/// Spark's (and so Glue's) output file names: `part-00000-<uuid>-c000.snappy.parquet`.
public enum ParquetPartFileName {
    /// The name of part `index` of a write identified by `writeID` (a UUID string, the same for
    /// every part of one write), for files compressed with `codec`.
    public static func make(index: Int, writeID: String, codec: CompressionCodec, fileIndex: Int = 0) -> String {
        let number = String(index)
        let padded = String(repeating: "0", count: max(0, 5 - number.count)) + number
        let file = String(fileIndex)
        let paddedFile = String(repeating: "0", count: max(0, 3 - file.count)) + file
        return "part-\(padded)-\(writeID.lowercased())-c\(paddedFile)\(codecSuffix(codec)).parquet"
    }

    /// Spark's codec infix: `.snappy`, `.gz`, `.zstd`, `.lz4raw`, or nothing when uncompressed.
    public static func codecSuffix(_ codec: CompressionCodec) -> String {
        switch codec {
        case .snappy: ".snappy"
        case .gzip: ".gz"
        case .zstd: ".zstd"
        case .lz4Raw: ".lz4raw"
        case .lz4: ".lz4"
        case .brotli: ".br"
        default: ""
        }
    }
}
