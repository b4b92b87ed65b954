import GlueCore
import Synchronization

/// A Swift job's run, as a script sees it. Mirrors awsglue's `Job`: `Job(glueContext)` +
/// `job.init(name, args)` are this type's initializer (the run's bookmark is loaded by then), and
/// ``commit()`` is `job.commit()`.
///
/// As in Glue, the bookmark advances only when the job calls ``commit()`` and the run succeeds; a
/// job that never commits re-reads the same objects next time. Files written by the run are
/// published when the run succeeds, commit or not.
public struct Job: Sendable {
    /// The context of the run.
    public let glueContext: GlueContext
    /// The job's name.
    public let name: String

    /// Starts the job within its run. Mirrors `Job(glueContext).init(name, args)`.
    ///
    /// - Parameters:
    ///   - name: the job's name (`args["JOB_NAME"]`); `nil` takes the run's.
    /// - Throws: `InvalidInputException` when `name` is not the name of the job being run (its
    ///   bookmark is the one the run loaded).
    public init(_ glueContext: GlueContext, name: String? = nil, arguments: [String: String] = [:]) throws(GlueError) {
        if let name, name != glueContext.jobName {
            throw GlueError(.invalidInput, "Job name \(name) is not the name of the job being run (\(glueContext.jobName)).")
        }
        self.glueContext = glueContext
        self.name = glueContext.jobName
    }

    /// Asks for the bookmark states of this run's sources to be saved when the run succeeds.
    /// Mirrors `job.commit()`.
    public func commit() {
        glueContext.state.withLock { $0.committed = true }
    }
}
