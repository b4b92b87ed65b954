import Foundation
import GlueJobs

/// A run's driver log in the lake (`logs/JOB/RUN/driver.log`), the counterpart of Glue's
/// `/aws-glue/jobs/output` log group: one line per state change, and the error on failure.
struct RunLog: Sendable {
    let folder: URL

    init(lake: LakeContext, jobName: String, runID: String) {
        folder = lake.runLogFolder(jobName: jobName, runID: runID)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func record(_ run: JobRun) {
        var line = "\(OutputPrinter.awsTimestamp(Date())) \(run.id) attempt \(run.attempt) \(run.jobRunState.rawValue)"
        if let message = run.errorMessage, run.jobRunState.isTerminal { line += ": \(message)" }
        append(line, to: "driver.log")
        if run.jobRunState.isTerminal, run.jobRunState != .succeeded, let message = run.errorMessage {
            append("\(OutputPrinter.awsTimestamp(Date())) \(message)", to: "error.log")
        }
    }

    func append(_ line: String, to name: String) {
        let url = folder.appendingPathComponent(name)
        let data = Data((line + "\n").utf8)
        if let handle = try? FileHandle(forWritingTo: url) {
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
            try? handle.close()
        } else {
            try? data.write(to: url)
        }
    }
}
