import GlueColumnar
import GlueCore

/// A Glue transform as a batch operator: record batches in, record batches out.
///
/// The operator itself is an immutable, `Sendable` plan node. Mutable state is split the way
/// DuckDB splits it:
/// - **local state** (``makeLocalState()``), one per worker, never shared, needing no locks;
/// - **global state**, which an operator that needs it keeps in a `final class` behind a `Mutex`.
///
/// The lifecycle on each worker is ``process(_:input:state:context:)`` for every batch it is
/// given, then ``finish(state:context:)`` once (combine the local state into the global one).
/// After every worker has finished, ``finalize(context:)`` runs once and may return batches (an
/// aggregate's groups, a join's unmatched build rows).
///
/// A *streaming* operator returns one batch (possibly empty) per input batch. A *pipeline breaker*
/// (``isPipelineBreaker``: Aggregate, DropDuplicates, a hash join's build side) returns `nil` from
/// `process` and produces all of its output in `finalize`.
public protocol BatchOperator: Sendable {
    /// The per-worker state; `Void` for stateless operators.
    associatedtype LocalState = Void

    /// The operator's name in `explain` output (Glue's node type: `ApplyMapping`, `Filter`).
    var explainName: String { get }
    /// The operator's parameters in `explain` output, on one line.
    var explainDetail: String { get }
    /// How many inputs the operator reads (Union: 2).
    var inputCount: Int { get }
    /// Whether the operator produces its output only in ``finalize(context:)``.
    var isPipelineBreaker: Bool { get }
    /// Whether the operator must see its input in sequence order (a single-file writer).
    var requiresOrderedInput: Bool { get }

    /// The schema of the output, given the schemas of the inputs.
    ///
    /// - Throws: `InvalidInputException` when the inputs do not fit the operator (a missing
    ///   column, a type the operator cannot take).
    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema

    /// A fresh local state for one worker.
    func makeLocalState() -> LocalState

    /// Processes one batch from input `input` (0 for single-input operators).
    ///
    /// - Returns: the output batch, or `nil` when the operator emits nothing now.
    /// - Throws: a ``GlueError`` that stops the whole pipeline. Bad *records* go to
    ///   ``OperatorContext/errors`` instead.
    func process(_ batch: RecordBatch, input: Int, state: inout LocalState, context: inout OperatorContext) throws(GlueError) -> RecordBatch?

    /// Called once per worker after its last batch: merges the local state into the global state.
    func finish(state: inout LocalState, context: inout OperatorContext) throws(GlueError)

    /// Called once after every worker finished; returns the batches the operator still has to emit.
    func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch]
}

extension BatchOperator {
    public var explainDetail: String { "" }
    public var inputCount: Int { 1 }
    public var isPipelineBreaker: Bool { false }
    public var requiresOrderedInput: Bool { false }
    public func finish(state: inout LocalState, context: inout OperatorContext) throws(GlueError) {}
    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] { [] }
}

extension BatchOperator where LocalState == Void {
    public func makeLocalState() {}
}

extension BatchOperator {
    /// Runs the operator over batches on the calling thread with one local state: the one-worker
    /// reference path, used by tests and by callers without a pipeline.
    ///
    /// - Returns: the output batches and the error records.
    /// - Throws: whatever the operator throws.
    public func run(_ inputs: [[RecordBatch]], stop: StopToken = StopToken()) throws(GlueError) -> (batches: [RecordBatch], errors: [ErrorRecord]) {
        var state = makeLocalState()
        var inputSchemas: [Schema] = []
        for batches in inputs {
            guard let first = batches.first else {
                throw GlueError(.invalidInput, "\(explainName) needs at least one batch per input to know its schema.")
            }
            inputSchemas.append(first.schema)
        }
        let schema = try outputSchema(for: inputSchemas)
        var context = OperatorContext(stageName: explainName, stop: stop, inputSchemas: inputSchemas, outputSchema: schema)
        var output: [RecordBatch] = []
        var sequence = 0
        for (inputIndex, batches) in inputs.enumerated() {
            for batch in batches {
                context.sequence = sequence
                sequence += 1
                if let result = try process(batch, input: inputIndex, state: &state, context: &context) {
                    output.append(result)
                }
            }
        }
        try finish(state: &state, context: &context)
        output.append(contentsOf: try finalize(context: &context))
        return (output, context.errors)
    }

    /// Runs a single-input operator over batches and returns one concatenated batch of the output.
    ///
    /// - Throws: whatever the operator throws.
    public func apply(_ batches: [RecordBatch]) throws(GlueError) -> RecordBatch {
        guard let first = batches.first else {
            throw GlueError(.invalidInput, "\(explainName) needs at least one batch to know the input schema.")
        }
        let schema = try outputSchema(for: [first.schema])
        let output = try run([batches]).batches
        return output.isEmpty ? RecordBatch.empty(schema) : try RecordBatch.concatenate(output)
    }
}
