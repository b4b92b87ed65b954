import GlueColumnar
import GlueTransforms

/// What a finished run reports: per-stage metrics and the error records routed aside.
public struct PipelineResult: Sendable {
    /// Metrics per stage, in plan order.
    public var metrics: [StageMetrics]
    /// Error records kept (up to ``ExecutionOptions/maxErrorRecordsKept`` per stage), by stage.
    public var errorRecords: [ErrorRecord]
    /// Wall-clock time of the run.
    public var elapsed: Duration

    /// All error records counted, kept or not (a DynamicFrame's `errorsCount`).
    public var errorCount: Int { metrics.reduce(0) { $0 + $1.errorRecords } }

    /// The metrics of the stage named `name`, if any.
    public func metrics(named name: String) -> StageMetrics? { metrics.first { $0.name == name } }

    /// The error records as a batch (`stage, message, record`).
    public var errorBatch: RecordBatch { ErrorRecord.batch(errorRecords) }

    /// The metrics as a text table (busy time left out, so that the table is reproducible when
    /// `includeTime` is false).
    public func metricsTable(includeTime: Bool = true) -> String {
        var header = ["stage", "name", "rows in", "rows out", "batches in", "batches out", "bytes in", "bytes out", "errors"]
        if includeTime { header.append("busy ms") }
        let rows = metrics.map { metric -> [String] in
            var row = ["#\(metric.stage)", metric.name, "\(metric.rowsIn)", "\(metric.rowsOut)", "\(metric.batchesIn)",
                       "\(metric.batchesOut)", "\(metric.bytesIn)", "\(metric.bytesOut)", "\(metric.errorRecords)"]
            if includeTime {
                let milliseconds = Double(metric.busy.components.seconds) * 1_000 + Double(metric.busy.components.attoseconds) / 1e15
                row.append(String(Int(milliseconds.rounded())))
            }
            return row
        }
        return RecordBatch.formatTable(header: header, rows: rows)
    }
}
