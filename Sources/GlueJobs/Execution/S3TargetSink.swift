import Foundation
import GlueColumnar
import GlueCore
import GlueTransforms

/// The last stage of a target node: writes batches as files under an S3 location, one file per
/// worker and partition, into the run's staging area (published only when the run succeeds).
///
/// With partition keys, rows go to `key=value/` folders (Spark's escaping) and the key columns
/// are left out of the files, as Glue writes them.
struct S3TargetSink: BatchOperator {
    struct OpenFile {
        var writer: any TargetFileWriter
        var url: URL
        var handle: FileHandle
        var rows: Int
        var partitionValues: [String?]
    }

    /// One worker's open files, by partition folder.
    struct LocalState {
        var files: [String: OpenFile] = [:]
    }

    let nodeID: String
    let location: S3Location
    let partitionKeys: [String]
    let format: TargetFormat
    let outputs: RunOutputs
    let runStartMillis: Int64
    /// Called with each partition's values once its files are staged (catalog registration).
    let partitionWritten: @Sendable ([String?]) -> Void

    var explainName: String { "S3Target" }
    var explainDetail: String {
        "\(location)" + (partitionKeys.isEmpty ? "" : " partitioned by \(partitionKeys.joined(separator: ", "))")
    }

    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        guard let input = inputs.first else { return Schema([]) }
        for key in partitionKeys where input.firstIndex(named: key) == nil {
            throw GlueError(.invalidInput, "Partition key \(key) is not a column of the data (\(input.names.joined(separator: ", "))).")
        }
        if partitionKeys.count == input.count, !input.fields.isEmpty {
            throw GlueError(.invalidInput, "Every column is a partition key; the files would hold no columns.")
        }
        return Schema([])
    }

    func makeLocalState() -> LocalState { LocalState() }

    func process(_ batch: RecordBatch, input: Int, state: inout LocalState, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        guard batch.rowCount > 0 else { return nil }
        if partitionKeys.isEmpty {
            try append(batch, folder: "", values: [], state: &state)
            return nil
        }
        let keyIndices = partitionKeys.compactMap { batch.schema.firstIndex(named: $0) }
        let dataIndices = batch.schema.fields.indices.filter { !keyIndices.contains($0) }
        // Rows are grouped on their key columns' bytes; only one row per group is turned into
        // the folder's text.
        let groups = RowGroups(keyIndices.map { batch.columns[$0] }, rowCount: batch.rowCount)
        let data = batch.project(dataIndices)
        for rows in groups.rows {
            guard let first = rows.first else { continue }
            let values: [String?] = keyIndices.map { index in
                let value = batch.columns[index].value(at: first)
                return value.isNull ? nil : value.displayText(as: batch.schema[index].dataType)
            }
            let folder = OutputLayout.partitionFolder(keys: partitionKeys, values: values)
            try append(rows.count == batch.rowCount ? data : data.take(rows), folder: folder, values: values, state: &state)
        }
        return nil
    }

    func append(_ batch: RecordBatch, folder: String, values: [String?], state: inout LocalState) throws(GlueError) {
        if state.files[folder] == nil {
            let url = outputs.temporaryFolder.appendingPathComponent("\(nodeID)-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: outputs.temporaryFolder, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw GlueError(.internalError, "Cannot create the temporary file \(url.path).")
                }
                let handle = try FileHandle(forWritingTo: url)
                state.files[folder] = OpenFile(writer: try format.makeWriter(batch.schema), url: url, handle: handle, rows: 0, partitionValues: values)
            } catch let error as GlueError {
                throw error
            } catch {
                throw GlueError(.internalError, "Cannot write the temporary file \(url.path): \(error.localizedDescription)")
            }
        }
        guard var file = state.files[folder] else { return }
        let bytes = try file.writer.write(batch)
        try write(bytes, to: file)
        file.rows += batch.rowCount
        state.files[folder] = file
    }

    func write(_ bytes: [UInt8], to file: OpenFile) throws(GlueError) {
        guard !bytes.isEmpty else { return }
        do {
            try file.handle.write(contentsOf: bytes)
        } catch {
            throw GlueError(.internalError, "Cannot write the temporary file \(file.url.path): \(error.localizedDescription)")
        }
    }

    func finish(state: inout LocalState, context: inout OperatorContext) throws(GlueError) {
        for folder in state.files.keys.sorted() {
            guard var file = state.files[folder] else { continue }
            state.files[folder] = nil
            try write(try file.writer.finish(), to: file)
            try? file.handle.close()
            let name = format.fileName(outputs.nextPartNumber(), runStartMillis)
            var options = PutObjectOptions()
            options.contentType = format.contentType
            try outputs.stage(bucket: location.bucket, key: location.folderPrefix + folder + name, file: file.url, options: options)
            partitionWritten(file.partitionValues)
        }
    }
}

import GlueStorage
