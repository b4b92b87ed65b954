import Dispatch
import GlueColumnar
import GlueCore
import Synchronization

/// Reads a flat Parquet file into ``RecordBatch``es: one batch per row group, only the requested
/// columns, row groups skipped by statistics, and column chunks decoded in parallel.
///
/// ```swift
/// let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "s3://raw/orders.parquet")
/// for batch in try reader.read(columns: ["order_id", "country"]) { ... }
/// ```
///
/// Errors in the file are `InvalidDataException`s naming the file, the row group, the column and
/// the problem; features LocalGlue does not read yet (nested columns, encryption, BROTLI) are
/// `UnsupportedFeatureException`s.
public struct ParquetFileReader: Sendable {
    /// The file's name for messages (a path or an S3 URI).
    public let name: String
    /// The decoded footer.
    public let metadata: FileMetaData
    /// The leaf columns, in file order.
    public let columns: [ParquetColumnDescriptor]
    /// The file's schema in LocalGlue types (OPTIONAL columns are nullable).
    public let schema: Schema
    private let source: any ParquetByteSource

    /// The most rows a row group may claim per byte of file (all-null or constant columns
    /// compress to almost nothing, so this is generous; it only stops absurd allocations).
    static let maximumRowsPerByte = 1024

    /// Opens a file: checks the magic bytes and decodes the footer and the schema.
    ///
    /// - Throws: `InvalidDataException` for a file that is not Parquet or is corrupt;
    ///   `UnsupportedFeatureException` for encrypted files and nested schemas.
    public init(source: any ParquetByteSource, name: String) throws(GlueError) {
        self.name = name
        self.source = source
        let size = source.count
        let fail = { (problem: String) in GlueError(.invalidData, "Parquet file \(name) is invalid: \(problem)") }
        guard size >= 12 else { throw fail("it is \(size) bytes long, shorter than the 12 bytes of an empty Parquet file") }
        let head = try source.bytes(in: 0..<4)
        let tail = try source.bytes(in: (size - 8)..<size)
        if Array(tail[4..<8]) == Array("PARE".utf8) {
            throw GlueError(.unsupportedFeature, "Parquet file \(name) is encrypted (PARE footer); encryption is not supported")
        }
        guard head == Array("PAR1".utf8), Array(tail[4..<8]) == Array("PAR1".utf8) else {
            throw fail("it does not start and end with the magic bytes PAR1")
        }
        let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength <= size - 12 else {
            throw fail("the footer length \(footerLength) exceeds the \(size - 12) bytes available")
        }
        let footer = try source.bytes(in: (size - 8 - footerLength)..<(size - 8))
        let metadata: FileMetaData
        do {
            metadata = try FileMetaData(thriftBytes: footer)
        } catch {
            throw fail("the footer cannot be decoded: \(error.message)")
        }
        if metadata.isEncrypted {
            throw GlueError(.unsupportedFeature, "Parquet file \(name) is encrypted; encryption is not supported")
        }
        let columns: [ParquetColumnDescriptor]
        do {
            columns = try ParquetColumnDescriptor.flatColumns(of: metadata.schema)
        } catch where error.code == .invalidData {
            throw fail("its schema is malformed: \(error.message)")
        } catch {
            throw GlueError(error.code, "Parquet file \(name): \(error.message)")
        }
        let maximumRows = Int64(size) * Int64(Self.maximumRowsPerByte) + (1 << 20)
        for (index, group) in metadata.rowGroups.enumerated() {
            guard group.numRows >= 0, group.numRows <= maximumRows else {
                throw fail("row group \(index) claims \(group.numRows) rows")
            }
            guard group.columns.count == columns.count else {
                throw fail("row group \(index) has \(group.columns.count) column chunks for \(columns.count) columns")
            }
        }
        self.metadata = metadata
        self.columns = columns
        self.schema = Schema(columns.map { Field($0.name, $0.dataType, isNullable: $0.isOptional) })
    }

    /// The number of rows in the file.
    public var rowCount: Int { metadata.rowGroups.reduce(0) { $0 + Int($1.numRows) } }

    /// The row groups that may hold rows matching `predicate` (all of them without one).
    public func rowGroups(matching predicate: ParquetPredicate?) -> [Int] {
        guard let predicate else { return Array(metadata.rowGroups.indices) }
        let pruner = RowGroupPruner(columns: columns, metadata: metadata)
        return metadata.rowGroups.indices.filter { pruner.mayMatch(predicate, in: metadata.rowGroups[$0]) }
    }

    /// The positions of the named columns (exact name first, then case-insensitive).
    ///
    /// - Throws: `InvalidInputException` naming a column the file does not have.
    public func columnIndices(_ names: [String]) throws(GlueError) -> [Int] {
        var indices: [Int] = []
        for wanted in names {
            guard let index = schema.firstIndex(named: wanted) else {
                throw GlueError(.invalidInput, "Parquet file \(name) has no column \(wanted); its columns are \(schema.names.joined(separator: ", "))")
            }
            indices.append(index)
        }
        return indices
    }

    /// Reads the file: one batch per row group that may match `predicate`, holding the named
    /// columns (all without `columns`). Column chunks are decoded on up to `parallelism` threads.
    public func read(
        columns names: [String]? = nil, predicate: ParquetPredicate? = nil, parallelism: Int = ProcessInfoCores.active
    ) throws(GlueError) -> [RecordBatch] {
        let projection = try names.map { (n) throws(GlueError) in try columnIndices(n) } ?? Array(columns.indices)
        return try readRowGroups(rowGroups(matching: predicate), columns: projection, parallelism: parallelism)
    }

    /// Reads the given row groups (by position) with the given columns (by position).
    public func readRowGroups(_ groups: [Int], columns projection: [Int], parallelism: Int = ProcessInfoCores.active) throws(GlueError) -> [RecordBatch] {
        for index in groups where !metadata.rowGroups.indices.contains(index) {
            throw GlueError(.invalidInput, "Parquet file \(name) has no row group \(index)")
        }
        for index in projection where !columns.indices.contains(index) {
            throw GlueError(.invalidInput, "Parquet file \(name) has no column \(index)")
        }
        let tasks = groups.flatMap { group in projection.map { (group, $0) } }
        let results = Mutex([Result<Column, GlueError>?](repeating: nil, count: tasks.count))
        let work: @Sendable (Int) -> Void = { taskIndex in
            let (group, column) = tasks[taskIndex]
            let result = Result { () throws(GlueError) -> Column in try self.readColumnChunk(group: group, column: column) }
            results.withLock { $0[taskIndex] = result }
        }
        if parallelism <= 1 || tasks.count <= 1 {
            for index in tasks.indices { work(index) }
        } else {
            // Interleave tasks over a fixed number of workers so that no more than `parallelism`
            // chunks are decoded at once.
            let workers = min(parallelism, tasks.count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < tasks.count {
                    work(index)
                    index += workers
                }
            }
        }
        let decoded = results.withLock { $0 }
        var batches: [RecordBatch] = []
        batches.reserveCapacity(groups.count)
        let fields = projection.map { schema[$0] }
        for (position, _) in groups.enumerated() {
            var columnsOfGroup: [Column] = []
            for offset in 0..<projection.count {
                guard let result = decoded[position * projection.count + offset] else {
                    throw GlueError(.internalService, "a column chunk of \(name) was not decoded")
                }
                columnsOfGroup.append(try result.get())
            }
            if projection.isEmpty {
                batches.append(RecordBatch.empty(Schema([])))
            } else {
                batches.append(try RecordBatch(schema: Schema(fields), columns: columnsOfGroup))
            }
        }
        return batches
    }

    /// Reads and decodes one column chunk.
    func readColumnChunk(group: Int, column: Int) throws(GlueError) -> Column {
        let rowGroup = metadata.rowGroups[group]
        let descriptor = columns[column]
        do throws(GlueError) {
            let chunk = rowGroup.columns[column]
            guard chunk.filePath == nil else {
                throw GlueError(.unsupportedFeature, "the chunk lives in another file (\(chunk.filePath ?? "")), which is not supported")
            }
            guard let meta = chunk.metaData else { throw invalidData("the chunk has no metadata") }
            if rowGroup.numRows == 0 {
                // Empty row groups (pyarrow writes one for an empty table) may point nowhere.
                return Column(descriptor.dataType, storage: .zeroed(for: descriptor.dataType, count: 0))
            }
            var start = meta.dataPageOffset
            if let dictionaryOffset = meta.dictionaryPageOffset, dictionaryOffset > 0, dictionaryOffset < start { start = dictionaryOffset }
            let length = meta.totalCompressedSize
            guard start >= 4, length >= 0, length <= Int64(source.count) - start else {
                throw invalidData("the chunk's byte range (offset \(start), \(length) bytes) is outside the \(source.count)-byte file")
            }
            let bytes = try source.bytes(in: Int(start)..<Int(start + length))
            var decoder = ColumnChunkDecoder(descriptor: descriptor, metadata: meta, rowCount: Int(rowGroup.numRows))
            return try decoder.decode(bytes)
        } catch where error.code == .invalidData || error.code == .unsupportedFeature {
            throw GlueError(error.code, "Parquet file \(name), row group \(group), column \(descriptor.name): \(error.message)")
        }
    }
}

/// The number of cores to use by default.
public enum ProcessInfoCores {
    /// The active processor count, at least 1.
    public static var active: Int { max(1, sysconfActiveCores()) }
}
