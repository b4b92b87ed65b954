import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueStorage
import Synchronization
import GlueTransforms

/// Reads the objects of an S3 source as record batches in one schema: a few objects are decoded
/// at once (``OrderedFileBatches``), and batches come out in object order, each object's in order.
///
/// A format plugs in as a ``FileDecoder``: it opens one object and yields its batches. Files whose
/// columns differ from the source's schema are aligned by name: a missing column reads as nulls, an
/// extra one is dropped, a column of another type is an error naming the file.
final class S3FileScan: BatchSource {
    struct State {
        var files: OrderedFileBatches<ErrorRecord>?
        var errors: [ErrorRecord] = []
        var errorCount = 0

        mutating func collectErrors() {
            guard let rejected = files?.takeErrors(), !rejected.isEmpty else { return }
            errorCount += rejected.count
            errors.append(contentsOf: rejected.prefix(max(0, S3FileScan.maximumErrorsKept - errors.count)))
        }
    }

    /// The most error records kept in memory (all are counted).
    static let maximumErrorsKept = 1_000
    /// How many objects are decoded at once (batches still come out in object order).
    static let filesInFlight = 3

    let schema: Schema
    let explainName: String
    let explainDetail: String
    let objects: [S3ObjectReference]
    let decoder: any FileDecoder
    let control: RunControl
    /// Partition values to append as columns, by object (catalog sources).
    let partitionColumns: [Field]
    let partitionValues: [[Value]]
    private let state = Mutex(State())

    init(
        schema: Schema, name: String, objects: [S3ObjectReference], decoder: any FileDecoder, control: RunControl,
        partitionColumns: [Field] = [], partitionValues: [[Value]] = []
    ) {
        self.schema = schema
        self.explainName = name
        self.explainDetail = "\(objects.count) object\(objects.count == 1 ? "" : "s")"
        self.objects = objects
        self.decoder = decoder
        self.control = control
        self.partitionColumns = partitionColumns
        self.partitionValues = partitionValues
    }

    func next() throws(GlueError) -> RecordBatch? {
        while true {
            if control.isStopped {
                state.withLock { $0.files?.cancel() }
                return nil
            }
            let step: Result<(RecordBatch, Int)?, GlueError> = state.withLock { state in
                if state.files == nil { state.files = makeFiles() }
                do throws(GlueError) {
                    let next = try state.files?.next()
                    state.collectErrors()
                    guard let (file, batch) = next else { return .success(nil) }
                    return .success((batch, file))
                } catch {
                    return .failure(error)
                }
            }
            guard let (batch, objectIndex) = try step.get() else { return nil }
            if batch.rowCount == 0 { continue }
            return try align(batch, object: objectIndex)
        }
    }

    /// The objects' batches in object order, a few objects decoded at once.
    private func makeFiles() -> OrderedFileBatches<ErrorRecord> {
        let decoder = self.decoder
        let objects = self.objects
        return OrderedFileBatches(count: objects.count, filesInFlight: Self.filesInFlight) { index, emit throws(GlueError) in
            var stream = try decoder.open(objects[index])
            while let batch = try stream.next() {
                guard emit(batch, stream.takeErrors()) else { return }
            }
            _ = emit(nil, stream.takeErrors())
        }
    }

    /// The rejected records of the objects read so far, and how many there were in all.
    var errorRecords: (kept: [ErrorRecord], count: Int) {
        state.withLock { ($0.errors, $0.errorCount) }
    }

    /// Brings a file's batch to the source's schema, then appends partition columns.
    func align(_ batch: RecordBatch, object: Int) throws(GlueError) -> RecordBatch {
        var columns: [Column] = []
        let dataFields = schema.fields.dropLast(partitionColumns.count)
        for field in dataFields {
            if let index = batch.schema.firstIndex(named: field.name) {
                let column = batch.columns[index]
                guard column.dataType == field.dataType else {
                    throw GlueError(
                        .invalidData,
                        "\(objects[object].location): column \(field.name) is \(column.dataType) in this file but \(field.dataType) in the source's schema.")
                }
                columns.append(column)
            } else {
                columns.append(Column.nulls(field.dataType, count: batch.rowCount))
            }
        }
        if !partitionColumns.isEmpty, object < partitionValues.count {
            for (fieldIndex, field) in partitionColumns.enumerated() {
                let value = partitionValues[object][fieldIndex]
                columns.append(try Column(field.dataType, values: repeatElement(value, count: batch.rowCount)))
            }
        }
        return try RecordBatch(schema: schema, columns: columns)
    }
}

/// A format's way to read one object as batches.
protocol FileDecoder: Sendable {
    /// Opens one object (called on the thread that then reads the whole stream; several objects
    /// are opened concurrently).
    ///
    /// - Throws: the store's errors and the format's `InvalidDataException`s.
    func open(_ object: S3ObjectReference) throws(GlueError) -> any FileBatchStream
}

/// The batches of one open object.
protocol FileBatchStream {
    /// The next batch, or `nil` at the end of the object.
    mutating func next() throws(GlueError) -> RecordBatch?
    /// The records rejected since the last call (malformed rows), as error records.
    mutating func takeErrors() -> [ErrorRecord]
}

extension FileBatchStream {
    mutating func takeErrors() -> [ErrorRecord] { [] }
}

/// Reads Parquet objects: the footer and the needed column chunks through ranged reads.
struct ParquetFileDecoder: FileDecoder {
    let store: any ObjectStore

    /// One row group at a time, so memory holds one row group of one file.
    struct Stream: FileBatchStream {
        let reader: ParquetFileReader
        var groups: [Int]
        mutating func next() throws(GlueError) -> RecordBatch? {
            guard !groups.isEmpty else { return nil }
            let group = groups.removeFirst()
            let batches = try reader.readRowGroups([group], columns: Array(reader.columns.indices))
            return batches.isEmpty ? RecordBatch.empty(reader.schema) : try RecordBatch.concatenate(batches)
        }
    }

    func open(_ object: S3ObjectReference) throws(GlueError) -> any FileBatchStream {
        let reader = try ParquetFileReader(source: ObjectParquetSource(store: store, object: object), name: object.location.description)
        return Stream(reader: reader, groups: reader.rowGroups(matching: nil))
    }

    /// The schema of the first object (the source's schema when none is declared).
    func schema(of object: S3ObjectReference) throws(GlueError) -> Schema {
        try ParquetFileReader(source: ObjectParquetSource(store: store, object: object), name: object.location.description).schema
    }
}

import GlueParquet
