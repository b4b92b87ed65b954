import GlueCore
import Synchronization

/// The Swift jobs a process can run, by name. The `localglue` command consults
/// ``shared``; a package that builds its own `localglue` registers its jobs there before
/// calling the command (see README).
public final class SwiftJobRegistry: Sendable {
    private let jobs = Mutex<[String: SwiftJob]>([:])

    /// The registry of the process.
    public static let shared = SwiftJobRegistry()

    /// Creates an empty registry.
    public init(_ jobs: [SwiftJob] = []) {
        for job in jobs { register(job) }
    }

    /// Adds a job, replacing one of the same name.
    public func register(_ job: SwiftJob) {
        jobs.withLock { $0[job.name] = job }
    }

    /// The job named `name`, if registered.
    public func job(named name: String) -> SwiftJob? {
        jobs.withLock { $0[name] }
    }

    /// The names of the registered jobs, sorted.
    public var names: [String] { jobs.withLock { $0.keys.sorted() } }
}
