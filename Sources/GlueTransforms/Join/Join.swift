import GlueColumnar
import GlueCore
import Synchronization

/// Joins two frames on equal keys. Mirrors Glue Studio's `Join` node (`JoinType`:
/// `equijoin|left|right|outer|leftsemi|leftanti`; `Columns` with the keys of each side), which
/// runs Spark's `left.join(right, l.k1 == r.k1 && ..., type)`, and `Join.apply(frame1, frame2,
/// keys1, keys2)` (an inner join).
///
/// - Keys compare with SQL equality after Spark's implicit casts (an `int` key meets a `bigint`
///   one); a null key never matches, so a left join keeps such a row with nulls on the right, and
///   `leftanti` keeps it.
/// - The output holds all left fields, then all right fields (`leftsemi`/`leftanti`: left
///   fields only). Two output fields with one name are rejected: rename one side first, as
///   Studio asks.
/// - Duplicate keys produce every matching pair. Output order is not defined (as in Spark).
///
/// A hash join: the build side (right, or left for a `right` join) is collected by a pipeline
/// breaker, ``JoinBuild``, and frozen into an immutable hash table; ``JoinProbe`` then streams the
/// other side through it on every worker without locks. The build side must fit the memory
/// budget: past it the run stops with `ResourceNumberLimitExceededException` naming the budget.
public struct Join: Sendable {
    /// `JoinType`.
    public enum JoinType: String, Hashable, Sendable, CaseIterable {
        /// An inner join.
        case equijoin, left, right, outer, leftsemi, leftanti
    }

    /// The join type.
    public let type: JoinType
    /// The key fields of the left input.
    public let leftKeys: [FieldPath]
    /// The key fields of the right input, paired with ``leftKeys``.
    public let rightKeys: [FieldPath]
    /// The most bytes the build side may hold, or `nil` for no limit.
    public let memoryBudget: Int?

    /// Creates a join.
    ///
    /// - Throws: `InvalidInputException` without keys or with key lists of different lengths.
    public init(_ type: JoinType, leftKeys: [FieldPath], rightKeys: [FieldPath], memoryBudget: Int? = nil) throws(GlueError) {
        guard !leftKeys.isEmpty, leftKeys.count == rightKeys.count else {
            throw GlueError(.invalidInput, "A join needs the same number of keys on each side (at least one); got \(leftKeys.count) and \(rightKeys.count).")
        }
        self.type = type
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.memoryBudget = memoryBudget
    }

    /// Whether the left input is the build side (a `right` join builds its left input, so that
    /// every right row streams through).
    public var buildsLeft: Bool { type == .right }

    /// The build and probe operators for inputs of these schemas, sharing one hash table.
    ///
    /// - Throws: `InvalidInputException` when a key is missing, keys cannot be compared, or two
    ///   output fields would share a name.
    public func operators(leftSchema: Schema, rightSchema: Schema) throws(GlueError) -> (build: JoinBuild, probe: JoinProbe) {
        let left = RecordBatch.empty(leftSchema)
        let right = RecordBatch.empty(rightSchema)
        var keyTypes: [DataType] = []
        for (leftKey, rightKey) in zip(leftKeys, rightKeys) {
            guard let (leftField, _) = left.column(at: leftKey) else {
                throw GlueError(.invalidInput, "Join key \(leftKey) is not in the left input (\(leftSchema)).")
            }
            guard let (rightField, _) = right.column(at: rightKey) else {
                throw GlueError(.invalidInput, "Join key \(rightKey) is not in the right input (\(rightSchema)).")
            }
            do {
                keyTypes.append(try ComparisonOperator.commonType(leftField.dataType, rightField.dataType))
            } catch {
                throw GlueError(.invalidInput, "Join keys \(leftKey) (\(leftField.dataType)) and \(rightKey) (\(rightField.dataType)) cannot be compared.")
            }
        }
        let output: Schema
        switch type {
        case .leftsemi, .leftanti:
            output = leftSchema
        default:
            var seen: [String: String] = [:]
            for field in leftSchema.fields { seen[field.name.lowercased()] = field.name }
            for field in rightSchema.fields {
                if let clash = seen[field.name.lowercased()] {
                    throw GlueError(.invalidInput, "The join output would hold two fields named \(clash); rename the field on one side first.")
                }
            }
            output = Schema(leftSchema.fields + rightSchema.fields)
        }
        let shared = JoinShared()
        let plan = JoinPlan(join: self, keyTypes: keyTypes, leftSchema: leftSchema, rightSchema: rightSchema, outputSchema: output)
        return (JoinBuild(plan: plan, shared: shared), JoinProbe(plan: plan, shared: shared))
    }

    /// Runs the join on one thread over batches in memory (the one-worker reference path).
    ///
    /// - Throws: as the operators do.
    public func run(left: [RecordBatch], right: [RecordBatch], leftSchema: Schema? = nil, rightSchema: Schema? = nil) throws(GlueError) -> RecordBatch {
        guard let leftSchema = leftSchema ?? left.first?.schema, let rightSchema = rightSchema ?? right.first?.schema else {
            throw GlueError(.invalidInput, "Join.run needs a batch or a schema for each side.")
        }
        let (build, probe) = try operators(leftSchema: leftSchema, rightSchema: rightSchema)
        let (buildBatches, probeBatches) = buildsLeft ? (left, right) : (right, left)
        let (buildSchema, probeSchema) = buildsLeft ? (leftSchema, rightSchema) : (rightSchema, leftSchema)
        var context = OperatorContext(stageName: "Join build", stop: StopToken(), inputSchemas: [buildSchema], outputSchema: Schema([]))
        var buildState = build.makeLocalState()
        for batch in buildBatches { _ = try build.process(batch, input: 0, state: &buildState, context: &context) }
        try build.finish(state: &buildState, context: &context)
        _ = try build.finalize(context: &context)
        let output = probe.plan.outputSchema
        var probeContext = OperatorContext(stageName: "Join", stop: StopToken(), inputSchemas: [probeSchema], outputSchema: output)
        var probeState = probe.makeLocalState()
        var batches: [RecordBatch] = []
        for batch in probeBatches {
            if let result = try probe.process(batch, input: 0, state: &probeState, context: &probeContext) { batches.append(result) }
        }
        try probe.finish(state: &probeState, context: &probeContext)
        batches += try probe.finalize(context: &probeContext)
        return batches.isEmpty ? RecordBatch.empty(output) : try RecordBatch.concatenate(batches)
    }
}

/// What both halves of a join know.
struct JoinPlan: Sendable {
    let join: Join
    let keyTypes: [DataType]
    let leftSchema: Schema
    let rightSchema: Schema
    let outputSchema: Schema

    var buildKeys: [FieldPath] { join.buildsLeft ? join.leftKeys : join.rightKeys }
    var probeKeys: [FieldPath] { join.buildsLeft ? join.rightKeys : join.leftKeys }
    var buildSchema: Schema { join.buildsLeft ? leftSchema : rightSchema }
    var probeSchema: Schema { join.buildsLeft ? rightSchema : leftSchema }

    /// The key columns of a batch cast to the common key types.
    func keyColumns(_ batch: RecordBatch, _ paths: [FieldPath]) throws(GlueError) -> [Column] {
        var columns: [Column] = []
        for (path, type) in zip(paths, keyTypes) {
            guard let (_, column) = batch.column(at: path) else {
                throw GlueError(.invalidInput, "Join key \(path) is not in the batch.")
            }
            columns.append(try column.cast(to: type))
        }
        return columns
    }
}

/// The state the build and probe halves share: the build side's batches while they arrive, then
/// the frozen table, and the build rows any probe worker matched (for full outer joins).
final class JoinShared: Sendable {
    let partials = Mutex<[RecordBatch]>([])
    let bytes = Atomic<Int>(0)
    let table = Mutex<JoinTable?>(nil)
    let matched = Mutex<[Bool]>([])
}
