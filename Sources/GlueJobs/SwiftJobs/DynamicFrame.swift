import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms

/// A lazy, immutable collection of records with a schema. Mirrors awsglue's `DynamicFrame`.
///
/// Transforms (``applyMapping(_:caseSensitive:transformationContext:)``, ``filter(transformationContext:_:)``,
/// ``join(_:_:_:transformationContext:)``, ...) only extend a plan and check the resulting schema;
/// actions (``count()``, ``toRecordBatch()``, ``toRows()``, ``show(_:)`` and
/// ``GlueContext/writeDynamicFrame(_:fromOptions:connectionOptions:format:formatOptions:transformationContext:)``)
/// compile the plan into a ``Pipeline`` and run it on the pipeline's workers. As in Spark, each
/// action runs the plan again from its sources.
///
/// ```swift
/// let recent = try orders
///     .applyMapping([("order_id", "string", "order_id", "long"), ("amount", "string", "amount", "double")])
///     .filter { $0["amount"].doubleValue ?? 0 > 100 }
/// print(try recent.count())
/// ```
public struct DynamicFrame: Sendable {
    let plan: FramePlan
    let runtime: FrameRuntime

    init(plan: FramePlan, runtime: FrameRuntime) {
        self.plan = plan
        self.runtime = runtime
    }

    /// A frame over record batches already in memory (the frames of a test, or
    /// `DynamicFrame.fromDF`'s role).
    ///
    /// - Parameter name: the frame's name in plans and metrics.
    /// - Throws: `InvalidInputException` when the batches' schemas differ.
    public init(_ batches: [RecordBatch], schema: Schema? = nil, name: String = "InMemory") throws(GlueError) {
        let source = try InMemorySource(batches, schema: schema)
        self.init(plan: .source(schema: source.schema, name: name, make: { () throws(GlueError) in source }), runtime: .standalone())
    }

    /// A frame over one record batch.
    public init(_ batch: RecordBatch, name: String = "InMemory") {
        let source = InMemorySource(batch, morselRows: RecordBatch.defaultRowCount)
        self.init(plan: .source(schema: batch.schema, name: name, make: { () throws(GlueError) in source }), runtime: .standalone())
    }

    /// The frame's schema (known without running anything).
    public var schema: Schema { plan.schema }

    /// The frame's name: its last transformation context, or the transform's name.
    public var name: String { plan.name }

    /// This frame with `operation` applied.
    func applying(_ operation: any BatchOperator, transformationContext: String?) throws(GlueError) -> DynamicFrame {
        DynamicFrame(plan: try .operation(operation, inputs: [plan], name: transformationContext), runtime: runtime)
    }

    /// The plan the next action would run, one line per stage.
    public func explain() throws(GlueError) -> String {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: runtime.parallelism))
        var compiled: [ObjectIdentifier: Pipeline.NodeID] = [:]
        var sources: [any BatchSource] = []
        _ = try plan.compile(into: &pipeline, compiled: &compiled, sources: &sources)
        return pipeline.explain()
    }

    // MARK: - Actions

    /// Runs the plan and returns its records as one batch, in the plan's order.
    ///
    /// - Throws: the first error of any stage (an unreadable object, `AccessDenied`, a bad cast).
    public func toRecordBatch() throws(GlueError) -> RecordBatch {
        let sink = CollectingSink()
        _ = try runtime.execute(plan, sink: sink, name: "collect")
        return try sink.collected()
    }

    /// Runs the plan and returns its records. Mirrors `DynamicFrame.toDF().collect()`.
    ///
    /// - Throws: as ``toRecordBatch()``.
    public func toRows() throws(GlueError) -> [DynamicRecord] {
        let batch = try toRecordBatch()
        return (0..<batch.rowCount).map { DynamicRecord(batch, row: $0) }
    }

    /// The number of records. Mirrors DynamicFrame `count()`.
    ///
    /// - Throws: as ``toRecordBatch()``.
    public func count() throws(GlueError) -> Int {
        let sink = CountingSink()
        _ = try runtime.execute(plan, sink: sink, name: "count")
        return sink.rowCount
    }

    /// The first `rows` records as a text table. Mirrors DynamicFrame `show(num_rows)`, which
    /// prints; this returns the text.
    ///
    /// - Throws: as ``toRecordBatch()``.
    public func show(_ rows: Int = 20) throws(GlueError) -> String {
        let batch = try toRecordBatch()
        return batch.slice(0..<min(max(0, rows), batch.rowCount)).prettyPrinted()
    }

    /// The error records all actions of this frame's job produced so far. Mirrors
    /// `errorsAsDynamicFrame()` (as a batch of `stage, message, record`).
    public var errorRecords: [ErrorRecord] { runtime.errorRecords.kept }

    /// The number of error records all actions produced so far. Mirrors `errorsCount()`.
    public var errorsCount: Int { runtime.errorRecords.count }
}
