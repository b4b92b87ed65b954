import GlueColumnar
import GlueCore
import GlueTransforms

/// A sink that hands each batch to a closure strictly in input order, one at a time: the shape of
/// a single-file writer. The pipeline puts a reorderer in front of it.
public struct OrderedSink: BatchOperator {
    private let consume: @Sendable (RecordBatch) throws(GlueError) -> Void

    /// Creates a sink calling `consume` for every batch, in sequence order, never concurrently.
    public init(_ consume: @escaping @Sendable (RecordBatch) throws(GlueError) -> Void) {
        self.consume = consume
    }

    public var explainName: String { "OrderedSink" }
    public var requiresOrderedInput: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { Schema([]) }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try consume(batch)
        return nil
    }
}
