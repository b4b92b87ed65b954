import Foundation
import GlueCore
import GlueJobs

/// The `aws glue create-job --cli-input-json` input for the exported script: the job's own fields
/// without `CodeGenConfigurationNodes`, `JobMode` `SCRIPT`, `Command.Name` `glueetl` and
/// `Command.ScriptLocation` where the script will be uploaded.
///
/// The nodes are dropped on purpose: a job that keeps them is a visual job, and Glue Studio
/// regenerates its script from the nodes when the job is opened or saved, replacing the uploaded
/// script. Without them the script at `ScriptLocation` is the job.
enum CreateJobDocument {
    static func json(job: JobDefinition, scriptLocation: String) throws(GlueError) -> String {
        var copy = job
        copy.codeGenConfigurationNodes = nil
        copy.jobMode = "SCRIPT"
        copy.command.name = "glueetl"
        copy.command.scriptLocation = scriptLocation
        if copy.command.pythonVersion == nil { copy.command.pythonVersion = "3" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(copy), as: UTF8.self) + "\n"
        } catch {
            throw GlueError(.internalService, "Cannot encode the CreateJob JSON: \(error)")
        }
    }
}
