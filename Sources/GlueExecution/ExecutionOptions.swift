import Foundation

/// How a pipeline runs: how many workers, how much may queue between stages, how long it may take.
public struct ExecutionOptions: Sendable {
    /// The number of Dispatch workers; defaults to the active core count (2 on our machines).
    public var parallelism: Int
    /// The batches a channel between two stages may hold (queued plus promised).
    public var channelCapacity: Int
    /// The longest the run may take before it stops with `OperationTimeoutException`.
    public var timeout: Duration?
    /// How many error records per stage the result keeps (all are counted).
    public var maxErrorRecordsKept: Int
    /// How often idle workers look at the stop token and the deadline.
    public var idlePollInterval: Duration

    /// Creates options; every field has a default.
    public init(
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
        channelCapacity: Int = 4,
        timeout: Duration? = nil,
        maxErrorRecordsKept: Int = 1_000,
        idlePollInterval: Duration = .milliseconds(5)
    ) {
        self.parallelism = max(1, parallelism)
        self.channelCapacity = max(1, channelCapacity)
        self.timeout = timeout
        self.maxErrorRecordsKept = max(0, maxErrorRecordsKept)
        self.idlePollInterval = idlePollInterval
    }
}
