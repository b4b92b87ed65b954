/// What one stage did during a run: rows, bytes and batches in and out, time spent working, and
/// error records routed aside.
public struct StageMetrics: Sendable, Hashable {
    /// The stage's node id in the plan.
    public var stage: Int
    /// The stage's name (the Glue node name, or the operator name).
    public var name: String
    /// The operator or source name.
    public var operatorName: String
    public var rowsIn = 0
    public var rowsOut = 0
    public var bytesIn = 0
    public var bytesOut = 0
    public var batchesIn = 0
    public var batchesOut = 0
    /// Time workers spent inside the stage's code (summed over workers).
    public var busy: Duration = .zero
    /// Error records the stage produced (its `stageErrorsCount`).
    public var errorRecords = 0
    /// The most batches queued at once on the stage's input channels.
    public var inputHighWater = 0

    /// Creates empty metrics for a stage.
    public init(stage: Int, name: String, operatorName: String) {
        self.stage = stage
        self.name = name
        self.operatorName = operatorName
    }
}
