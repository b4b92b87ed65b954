import Dispatch
import GlueColumnar
import GlueCore
import Synchronization

/// Writes ``RecordBatch``es as a Parquet file: `PAR1`, row groups of column chunks, the footer.
///
/// The writer produces bytes and never knows where they go: call ``takeBytes()`` after any
/// ``write(_:)`` to drain what is ready (whole row groups), and ``finish()`` for the rest.
///
/// ```swift
/// var writer = try ParquetWriter(schema: batch.schema)
/// try writer.write(batch)
/// let file = try writer.finish()
/// ```
///
/// Layout: v1 data pages, RLE definition levels, dictionary encoding with PLAIN fallback, SNAPPY
/// by default, statistics with the spec's sort orders, LogicalType and ConvertedType annotations,
/// and `created_by` naming LocalGlue.
public struct ParquetWriter: Sendable {
    /// The schema every batch must have.
    public let schema: Schema
    /// The layout options.
    public let options: ParquetWriterOptions
    private let layouts: [ParquetLayout]
    private var output: [UInt8] = Array("PAR1".utf8)
    private var offset = 0
    private var rowGroups: [RowGroup] = []
    private var pending: [RecordBatch] = []
    private var pendingStart = 0  // rows of pending[0] already written
    private var pendingRows = 0
    private var totalRows: Int64 = 0
    private var isFinished = false

    /// Creates a writer for batches of `schema`.
    ///
    /// - Throws: `UnsupportedFeatureException` for nested columns; `InvalidInputException` for
    ///   options out of range.
    public init(schema: Schema, options: ParquetWriterOptions = ParquetWriterOptions()) throws(GlueError) {
        guard options.rowGroupRowCount > 0, options.dataPageRowCount > 0, options.dataPageSize > 0 else {
            throw GlueError(.invalidInput, "Parquet row group and page sizes must be positive")
        }
        switch options.compression {
        case .uncompressed, .snappy, .gzip, .zstd, .lz4Raw: break
        default: throw GlueError(.invalidInput, "LocalGlue cannot write Parquet with codec \(options.compression)")
        }
        self.schema = schema
        self.options = options
        var layouts: [ParquetLayout] = []
        for field in schema.fields { layouts.append(try ParquetLayout(field: field)) }
        self.layouts = layouts
    }

    /// Buffers a batch; full row groups are encoded as they fill.
    ///
    /// - Throws: `InvalidInputException` when the batch's types differ from the schema or a
    ///   non-nullable column holds a null.
    public mutating func write(_ batch: RecordBatch) throws(GlueError) {
        guard !isFinished else { throw GlueError(.invalidState, "The Parquet writer is already finished") }
        guard batch.columns.count == schema.count, zip(batch.columns, schema.fields).allSatisfy({ $0.dataType == $1.dataType }) else {
            throw GlueError(.invalidInput, "A batch with columns (\(batch.schema)) does not match the Parquet file's schema (\(schema))")
        }
        guard batch.rowCount > 0 else { return }
        pending.append(batch)
        pendingRows += batch.rowCount
        while pendingRows >= options.rowGroupRowCount {
            try flushRowGroup(rowCount: options.rowGroupRowCount)
        }
    }

    /// The bytes ready so far (the header and every finished row group), removed from the writer.
    public mutating func takeBytes() -> [UInt8] {
        let bytes = output
        output = []
        offset += bytes.count
        return bytes
    }

    /// Writes the last row group and the footer, and returns the bytes not yet taken.
    public mutating func finish() throws(GlueError) -> [UInt8] {
        guard !isFinished else { throw GlueError(.invalidState, "The Parquet writer is already finished") }
        if pendingRows > 0 { try flushRowGroup(rowCount: pendingRows) }
        if rowGroups.isEmpty {
            // An empty file still carries the schema, with one empty row group as pyarrow writes.
            try flushRowGroup(rowCount: 0)
        }
        var root = SchemaElement(name: "schema")
        root.numChildren = Int32(schema.count)
        root.repetitionType = .required
        var metadata = FileMetaData(version: 1, schema: [root] + layouts.map(\.element), numRows: totalRows, rowGroups: rowGroups)
        metadata.createdBy = options.createdBy
        metadata.keyValueMetadata = options.keyValueMetadata
        metadata.columnOrders = Array(repeating: 1, count: layouts.count)
        let footer = metadata.thriftBytes()
        output.append(contentsOf: footer)
        var length = UInt32(footer.count).littleEndian
        withUnsafeBytes(of: &length) { output.append(contentsOf: $0) }
        output.append(contentsOf: Array("PAR1".utf8))
        isFinished = true
        return takeBytes()
    }

    /// Encodes the next `rowCount` pending rows as one row group.
    private mutating func flushRowGroup(rowCount: Int) throws(GlueError) {
        // Pieces of pending batches covering the row group's rows.
        var pieces: [(batch: RecordBatch, rows: Range<Int>)] = []
        var needed = rowCount
        while needed > 0, let first = pending.first {
            let available = first.rowCount - pendingStart
            let take = min(available, needed)
            pieces.append((first, pendingStart..<(pendingStart + take)))
            needed -= take
            if take == available {
                pending.removeFirst()
                pendingStart = 0
            } else {
                pendingStart += take
            }
        }
        pendingRows -= rowCount
        let groupPieces = pieces
        let layouts = self.layouts
        let options = self.options
        let fields = schema.fields
        let columnCount = layouts.count
        let results = Mutex([Result<EncodedChunk, GlueError>?](repeating: nil, count: columnCount))
        let encode: @Sendable (Int) -> Void = { column in
            let result = Result { () throws(GlueError) -> EncodedChunk in
                let values = try ChunkValues(
                    pieces: groupPieces.map { ($0.batch.columns[column], $0.rows) }, layout: layouts[column], name: fields[column].name,
                    isOptional: layouts[column].element.repetitionType == .optional)
                return try ColumnChunkEncoder(layout: layouts[column], options: options, values: values).encode()
            }
            results.withLock { $0[column] = result }
        }
        if options.parallelism <= 1 || columnCount <= 1 {
            for column in 0..<columnCount { encode(column) }
        } else {
            let workers = min(options.parallelism, columnCount)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var column = worker
                while column < columnCount {
                    encode(column)
                    column += workers
                }
            }
        }
        let chunks = results.withLock { $0 }
        let groupStart = Int64(offset + output.count)
        var columns: [ColumnChunk] = []
        var uncompressed: Int64 = 0
        var compressed: Int64 = 0
        for result in chunks {
            guard let result else { throw GlueError(.internalService, "a Parquet column chunk was not encoded") }
            var chunk = try result.get()
            let base = Int64(offset + output.count)
            chunk.metadata.dataPageOffset += base
            if let dictionary = chunk.metadata.dictionaryPageOffset { chunk.metadata.dictionaryPageOffset = dictionary + base }
            output.append(contentsOf: chunk.bytes)
            uncompressed += chunk.metadata.totalUncompressedSize
            compressed += chunk.metadata.totalCompressedSize
            columns.append(ColumnChunk(metaData: chunk.metadata))
        }
        var group = RowGroup(columns: columns, totalByteSize: uncompressed, numRows: Int64(rowCount))
        group.fileOffset = groupStart
        group.totalCompressedSize = compressed
        group.ordinal = Int16(truncatingIfNeeded: rowGroups.count)
        rowGroups.append(group)
        totalRows += Int64(rowCount)
    }

    /// Writes `batches` as one Parquet file and returns its bytes.
    public static func write(_ batches: [RecordBatch], schema: Schema, options: ParquetWriterOptions = ParquetWriterOptions()) throws(GlueError) -> [UInt8] {
        var writer = try ParquetWriter(schema: schema, options: options)
        var bytes: [UInt8] = []
        for batch in batches {
            try writer.write(batch)
            bytes.append(contentsOf: writer.takeBytes())
        }
        bytes.append(contentsOf: try writer.finish())
        return bytes
    }
}
