import GlueCore

/// What an operator sees of its surroundings while it runs: the stage's name, the morsel's
/// sequence number, the stop token, and the error records it routes aside.
///
/// One context exists per worker per stage; it is never shared.
public struct OperatorContext {
    /// The name of the stage (the Glue node name), for error records.
    public let stageName: String
    /// The stop token of the run; long loops check ``StopToken/isStopped`` between chunks.
    public let stop: StopToken
    /// The sequence number of the morsel being processed (input order).
    public var sequence: Int = 0
    /// Error records produced since the engine last collected them.
    public var errors: [ErrorRecord] = []
    /// The schemas of the operator's inputs, as planned.
    public let inputSchemas: [Schema]
    /// The operator's output schema, as planned.
    public let outputSchema: Schema

    /// Creates a context.
    public init(stageName: String, stop: StopToken, inputSchemas: [Schema] = [], outputSchema: Schema = Schema([])) {
        self.stageName = stageName
        self.stop = stop
        self.inputSchemas = inputSchemas
        self.outputSchema = outputSchema
    }

    /// Routes one bad record to the error output with a reason.
    public mutating func reportError(_ message: String, record: String) {
        errors.append(ErrorRecord(stage: stageName, message: message, record: record))
    }

    /// Throws when the run was stopped (cancelled or timed out).
    public func checkStopped() throws(GlueError) {
        if let reason = stop.reason { throw reason }
    }
}
