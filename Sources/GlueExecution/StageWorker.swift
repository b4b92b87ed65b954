import GlueColumnar
import GlueCore
import GlueTransforms

/// One worker's private instance of a stage: the operator plus its local state and context.
///
/// Never `Sendable`: it is created by a worker, lives in that worker's table of stages, and dies
/// with it, so the local state needs no lock.
protocol StageWorker: AnyObject {
    func process(_ batch: RecordBatch, input: Int, sequence: Int) throws(GlueError) -> RecordBatch?
    func finish() throws(GlueError)
    func takeErrors() -> [ErrorRecord]
}

final class OperatorStageWorker<Operator: BatchOperator>: StageWorker {
    let operation: Operator
    var state: Operator.LocalState
    var context: OperatorContext

    init(_ operation: Operator, stageName: String, stop: StopToken, inputSchemas: [Schema], outputSchema: Schema) {
        self.operation = operation
        self.state = operation.makeLocalState()
        self.context = OperatorContext(stageName: stageName, stop: stop, inputSchemas: inputSchemas, outputSchema: outputSchema)
    }

    func process(_ batch: RecordBatch, input: Int, sequence: Int) throws(GlueError) -> RecordBatch? {
        context.sequence = sequence
        return try operation.process(batch, input: input, state: &state, context: &context)
    }

    func finish() throws(GlueError) {
        try operation.finish(state: &state, context: &context)
    }

    func takeErrors() -> [ErrorRecord] {
        defer { context.errors = [] }
        return context.errors
    }
}

/// Makes a worker for an operator known only as an existential (opens it).
func makeStageWorker(_ operation: some BatchOperator, stageName: String, stop: StopToken, inputSchemas: [Schema], outputSchema: Schema) -> any StageWorker {
    OperatorStageWorker(operation, stageName: stageName, stop: stop, inputSchemas: inputSchemas, outputSchema: outputSchema)
}

/// Runs an operator's `finalize` for an existential operator.
func finalizeOperator(_ operation: some BatchOperator, stageName: String, stop: StopToken, inputSchemas: [Schema], outputSchema: Schema) throws(GlueError) -> (batches: [RecordBatch], errors: [ErrorRecord]) {
    var context = OperatorContext(stageName: stageName, stop: stop, inputSchemas: inputSchemas, outputSchema: outputSchema)
    let batches = try operation.finalize(context: &context)
    return (batches, context.errors)
}
