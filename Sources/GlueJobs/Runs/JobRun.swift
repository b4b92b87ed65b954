import Foundation

/// Mirrors Glue `JobRun`, as `get-job-run` returns it, plus LocalGlue's per-node metrics.
public struct JobRun: Codable, Sendable, Equatable {
    /// `jr_` followed by 64 lower-case hex digits.
    public var id: String
    /// 0 for the first attempt; a retry of a failed run has the next number.
    public var attempt: Int
    /// The run this one retries.
    public var previousRunId: String?
    public var jobName: String
    public var jobMode: String?
    public var startedOn: Date
    public var lastModifiedOn: Date
    public var completedOn: Date?
    public var jobRunState: JobRunState
    /// The arguments the run was started with (`StartJobRun.Arguments`).
    public var arguments: [String: String]
    public var errorMessage: String?
    /// Seconds the run took.
    public var executionTime: Int
    /// Minutes.
    public var timeout: Int
    public var glueVersion: String?
    public var workerType: String?
    public var numberOfWorkers: Int?
    public var logGroupName: String?
    /// LocalGlue's per-node figures (rows and bytes in and out, time), in node order.
    public var nodeMetrics: [NodeMetrics]?

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case attempt = "Attempt"
        case previousRunId = "PreviousRunId"
        case jobName = "JobName"
        case jobMode = "JobMode"
        case startedOn = "StartedOn"
        case lastModifiedOn = "LastModifiedOn"
        case completedOn = "CompletedOn"
        case jobRunState = "JobRunState"
        case arguments = "Arguments"
        case errorMessage = "ErrorMessage"
        case executionTime = "ExecutionTime"
        case timeout = "Timeout"
        case glueVersion = "GlueVersion"
        case workerType = "WorkerType"
        case numberOfWorkers = "NumberOfWorkers"
        case logGroupName = "LogGroupName"
        case nodeMetrics = "NodeMetrics"
    }

    /// A new run ID: `jr_` and 64 random lower-case hex digits, as Glue issues them.
    public static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = "jr_"
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }
}

/// LocalGlue's figures for one node of a run.
public struct NodeMetrics: Codable, Sendable, Equatable {
    public var nodeId: String
    public var nodeType: String
    public var rowsIn: Int
    public var rowsOut: Int
    public var bytesIn: Int
    public var bytesOut: Int
    public var errorRecords: Int
    /// Busy time in seconds.
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case nodeId = "NodeId"
        case nodeType = "NodeType"
        case rowsIn = "RowsIn"
        case rowsOut = "RowsOut"
        case bytesIn = "BytesIn"
        case bytesOut = "BytesOut"
        case errorRecords = "ErrorRecords"
        case seconds = "Seconds"
    }

    /// Creates figures for a node.
    public init(nodeId: String, nodeType: String, rowsIn: Int = 0, rowsOut: Int = 0, bytesIn: Int = 0, bytesOut: Int = 0, errorRecords: Int = 0, seconds: Double = 0) {
        self.nodeId = nodeId
        self.nodeType = nodeType
        self.rowsIn = rowsIn
        self.rowsOut = rowsOut
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
        self.errorRecords = errorRecords
        self.seconds = seconds
    }
}
