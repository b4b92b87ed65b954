import Foundation
import GlueCatalog
import GlueCore
import GlueStorage

/// What a graph executor needs from the lake: the object store as the run's role sees it, a place
/// for temporary files, and how many workers to use.
public struct ExecutionEnvironment: Sendable {
    /// The object store for a run of `job`, authorizing every call as the job's role (the lake
    /// checks the role's trust policy for `glue.amazonaws.com` here).
    public var objectStore: @Sendable (_ job: JobDefinition) throws(GlueError) -> any ObjectStore
    /// The Data Catalog for a run of `job`, authorizing every call as the job's role (catalog
    /// sources and targets), or `nil` when the lake has none. Called only by runs that use it.
    public var catalog: (@Sendable (_ job: JobDefinition) throws(GlueError) -> any CatalogStore)?
    /// A folder for the runs' temporary files (each run uses a folder named after it).
    public var temporaryFolder: URL
    /// Where a run's error records go (`logs/JOB/RUN/`), or `nil` to keep them only in memory.
    public var logFolder: @Sendable (_ jobName: String, _ runID: String) -> URL?
    /// The number of pipeline workers.
    public var parallelism: Int
    /// The most memory one Join's build side (its right input, or the smaller side Glue picks)
    /// may hold, in bytes; past it the run fails with `ResourceNumberLimitExceededException`
    /// instead of exhausting the machine. Default: half the physical memory. `nil`: no limit.
    public var joinMemoryBudget: Int? = ExecutionEnvironment.defaultJoinMemoryBudget

    /// Half the machine's physical memory.
    public static var defaultJoinMemoryBudget: Int { Int(clamping: ProcessInfo.processInfo.physicalMemory / 2) }

    /// Creates an environment.
    public init(
        objectStore: @escaping @Sendable (JobDefinition) throws(GlueError) -> any ObjectStore,
        temporaryFolder: URL,
        logFolder: @escaping @Sendable (String, String) -> URL? = { _, _ in nil },
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
        catalog: (@Sendable (JobDefinition) throws(GlueError) -> any CatalogStore)? = nil
    ) {
        self.catalog = catalog
        self.objectStore = objectStore
        self.temporaryFolder = temporaryFolder
        self.logFolder = logFolder
        self.parallelism = parallelism
    }
}
