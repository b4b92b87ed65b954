import GlueColumnar
import GlueCore

/// The protocol for users' own columnar transforms: write ``transform(_:context:)`` and, when
/// the schema changes, ``outputSchema(for:)``; the transform then runs in a pipeline like Glue's
/// own ones, on every worker.
///
/// ```swift
/// struct AddTax: CustomBatchTransform {
///     func transform(_ batch: RecordBatch, context: inout OperatorContext) throws(GlueError) -> RecordBatch { ... }
/// }
/// ```
public protocol CustomBatchTransform: BatchOperator where LocalState == Void {
    /// Transforms one batch. Report bad records with ``OperatorContext/reportError(_:record:)``.
    ///
    /// - Throws: a ``GlueError`` that stops the run.
    func transform(_ batch: RecordBatch, context: inout OperatorContext) throws(GlueError) -> RecordBatch
}

extension CustomBatchTransform {
    public var explainName: String { String(describing: Self.self) }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try transform(batch, context: &context)
    }
}
