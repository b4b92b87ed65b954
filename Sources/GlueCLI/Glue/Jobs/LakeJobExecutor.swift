import GlueCore
import GlueJobs

/// Executes the lake's job runs: visual jobs run their node graph here; script jobs cannot run on
/// this machine and fail with a message that says so.
struct LakeJobExecutor: JobExecutor {
    let lake: LakeContext

    func execute(_ request: JobExecutionRequest, control: RunControl) async throws(GlueError) -> JobExecutionResult {
        guard request.graph != nil else {
            throw GlueError(
                .invalidInput,
                "Job \(request.job.name) is a script job (Command.ScriptLocation \(request.job.command.scriptLocation ?? "unset")); LocalGlue runs visual jobs (CodeGenConfigurationNodes) and Swift jobs, not Python or Scala scripts.")
        }
        throw GlueError(.unsupportedFeature, "Running visual jobs needs the pipeline, which this build does not include yet.")
    }
}
