import GlueColumnar
import GlueCore
import Synchronization

/// The build half of a hash ``Join``: collects the build side (each worker locally, merged once per
/// worker), checks the memory budget, and freezes the hash table in `finalize`. A pipeline
/// breaker that outputs nothing; the probe half waits for it.
public struct JoinBuild: BatchOperator {
    let plan: JoinPlan
    let shared: JoinShared

    public var explainName: String { "JoinBuild" }
    public var explainDetail: String {
        "\(plan.join.type.rawValue) on " + plan.buildKeys.map(\.description).joined(separator: ", ")
            + (plan.join.memoryBudget.map { "; budget \($0) bytes" } ?? "")
    }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { Schema([]) }

    public func makeLocalState() -> [RecordBatch] { [] }

    public func process(_ batch: RecordBatch, input: Int, state: inout [RecordBatch], context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let total = shared.bytes.add(batch.byteCount, ordering: .relaxed).newValue
        if let budget = plan.join.memoryBudget, total > budget {
            throw GlueError(.resourceNumberLimitExceeded,
                            "The join's build side (\(plan.join.buildsLeft ? "left" : "right") input) needs more than \(budget) bytes, its memory budget; raise the budget or join the smaller input as the build side.")
        }
        state.append(batch)
        return nil
    }

    public func finish(state: inout [RecordBatch], context: inout OperatorContext) throws(GlueError) {
        let local = state
        state = []
        shared.partials.withLock { $0.append(contentsOf: local) }
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let batches = shared.partials.withLock { partials in
            defer { partials = [] }
            return partials
        }
        let table = try JoinTable(batches: batches, plan: plan)
        shared.matched.withLock { $0 = [Bool](repeating: false, count: table.rowCount) }
        shared.table.withLock { $0 = table }
        return []
    }
}
