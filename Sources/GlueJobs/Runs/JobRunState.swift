/// Mirrors Glue `JobRunState`.
///
/// ```
/// StartJobRun ─► STARTING ─► RUNNING ─┬─► SUCCEEDED
///                                     ├─► FAILED   (+ ErrorMessage; a retry is a new run, Attempt + 1)
///                                     ├─► TIMEOUT  (ExecutionTime ≥ Timeout)
///                                     └─► STOPPING ─► STOPPED (BatchStopJobRun)
/// ```
public enum JobRunState: String, Codable, Sendable, CaseIterable {
    case starting = "STARTING"
    case running = "RUNNING"
    case stopping = "STOPPING"
    case stopped = "STOPPED"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timeout = "TIMEOUT"
    case error = "ERROR"
    case waiting = "WAITING"
    case expired = "EXPIRED"

    /// Whether the run has ended (CompletedOn and ExecutionTime are set on entering these states).
    public var isTerminal: Bool {
        switch self {
        case .stopped, .succeeded, .failed, .timeout, .error, .expired: true
        case .starting, .running, .stopping, .waiting: false
        }
    }

    /// Whether the run counts against `MaxConcurrentRuns`.
    public var isActive: Bool { !isTerminal }
}
