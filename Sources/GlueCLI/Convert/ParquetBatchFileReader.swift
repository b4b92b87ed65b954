import GlueColumnar
import GlueCore
import GlueParquet

/// `convert`'s Parquet input: one batch per row group, its column chunks decoded in parallel.
struct ParquetBatchFileReader: BatchFileReader {
    let reader: ParquetFileReader
    private var nextGroup = 0

    init(reader: ParquetFileReader) {
        self.reader = reader
    }

    var schema: Schema { reader.schema }

    mutating func next() throws -> RecordBatch? {
        while nextGroup < reader.metadata.rowGroups.count {
            let group = nextGroup
            nextGroup += 1
            let batches = try reader.readRowGroups([group], columns: Array(reader.columns.indices))
            if let batch = batches.first, batch.rowCount > 0 { return batch }
        }
        return nil
    }
}
