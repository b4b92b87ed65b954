import GlueColumnar
import GlueCore
import GlueTransforms
import Synchronization

/// A sink that keeps every batch it receives, for tests and small results.
///
/// Batches are returned in sequence order, so a one-worker run and a parallel run of an
/// order-preserving plan give the same result.
public struct CollectingSink: BatchOperator {
    private final class Storage: Sendable {
        let state = Mutex<(schema: Schema?, batches: [(Int, RecordBatch)])>((nil, []))
    }

    private let storage = Storage()

    /// Creates an empty sink.
    public init() {}

    public var explainName: String { "CollectingSink" }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        storage.state.withLock { $0.schema = inputs.first }
        return Schema([])
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let sequence = context.sequence
        storage.state.withLock { $0.batches.append((sequence, batch)) }
        return nil
    }

    /// The batches received, in sequence order.
    public var batches: [RecordBatch] {
        storage.state.withLock { $0.batches.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// The batches received, concatenated into one (empty with the input schema when none came).
    ///
    /// - Throws: `InvalidInputException` when the sink was never added to a pipeline.
    public func collected() throws(GlueError) -> RecordBatch {
        let (schema, batches) = storage.state.withLock { ($0.schema, $0.batches.sorted { $0.0 < $1.0 }.map(\.1)) }
        guard let schema else { throw GlueError(.invalidInput, "The sink has not been added to a pipeline.") }
        return batches.isEmpty ? RecordBatch.empty(schema) : try RecordBatch.concatenate(batches)
    }
}
