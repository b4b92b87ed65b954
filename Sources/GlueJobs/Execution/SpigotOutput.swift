import Foundation
import GlueColumnar
import GlueCore
import GlueStorage
import GlueTransforms

/// Where a Spigot node's sample goes: JSON Lines under its `Path`, staged with the run's other
/// outputs (`run-MILLIS-part-r-00000`, as Glue's writer names text files).
enum SpigotOutput {
    static func stage(_ sample: RecordBatch, path: String, outputs: RunOutputs, runStartMillis: Int64) throws(GlueError) {
        let location = try S3Location(parsing: path)
        var text = ""
        for row in 0..<sample.rowCount { text += ErrorRecord.renderRecord(sample, row: row) + "\n" }
        let file = outputs.temporaryFolder.appendingPathComponent("spigot-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: outputs.temporaryFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            throw GlueError(.internalError, "Cannot write the Spigot sample to \(file.path): \(error.localizedDescription)")
        }
        let name = OutputLayout.dynamicFrameFileName(runStartMillis: runStartMillis, part: outputs.nextPartNumber(), gzip: false)
        try outputs.stage(bucket: location.bucket, key: location.folderPrefix + name, file: file, options: PutObjectOptions(contentType: "application/json"))
    }
}
