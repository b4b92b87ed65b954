import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms

/// One step of a ``DynamicFrame``'s lazy plan: a source, an operator over earlier steps, or a hash
/// join. Steps are immutable and shared between the frames derived from them; an action compiles
/// the steps it needs into a fresh ``Pipeline`` (a step shared by two branches is compiled once
/// and fans out).
final class FramePlan: Sendable {
    enum Kind: Sendable {
        /// Makes a fresh source for each action (sources keep read positions).
        case source(@Sendable () throws(GlueError) -> any BatchSource)
        case operation(any BatchOperator)
        case join(Join)
    }

    let kind: Kind
    let inputs: [FramePlan]
    /// The stage name: the transformation context when there is one.
    let name: String
    let schema: Schema

    private init(kind: Kind, inputs: [FramePlan], name: String, schema: Schema) {
        self.kind = kind
        self.inputs = inputs
        self.name = name
        self.schema = schema
    }

    /// A source step.
    static func source(schema: Schema, name: String, make: @escaping @Sendable () throws(GlueError) -> any BatchSource) -> FramePlan {
        FramePlan(kind: .source(make), inputs: [], name: name, schema: schema)
    }

    /// An operator step; its output schema is checked now, so a bad transform fails where it is
    /// written rather than when an action runs.
    ///
    /// - Throws: the operator's `InvalidInputException` (a missing column, a type it cannot take).
    static func operation(_ operation: any BatchOperator, inputs: [FramePlan], name: String?) throws(GlueError) -> FramePlan {
        let label = name ?? operation.explainName
        let schema: Schema
        do {
            schema = try operation.outputSchema(for: inputs.map(\.schema))
        } catch {
            throw error.adding(context: "in \(label)")
        }
        return FramePlan(kind: .operation(operation), inputs: inputs, name: label, schema: schema)
    }

    /// A hash-join step.
    ///
    /// - Throws: `InvalidInputException` when keys are missing or output names clash.
    static func join(_ join: Join, left: FramePlan, right: FramePlan, name: String?) throws(GlueError) -> FramePlan {
        var probe = Pipeline(options: ExecutionOptions(parallelism: 1))
        let leftID = probe.addSource(try InMemorySource([], schema: left.schema))
        let rightID = probe.addSource(try InMemorySource([], schema: right.schema))
        let joined = try probe.addJoin(join, left: leftID, right: rightID)
        return FramePlan(kind: .join(join), inputs: [left, right], name: name ?? "Join", schema: probe.schema(of: joined))
    }

    /// Adds this step and the steps it reads to `pipeline`, each once.
    func compile(
        into pipeline: inout Pipeline, compiled: inout [ObjectIdentifier: Pipeline.NodeID], sources: inout [any BatchSource]
    ) throws(GlueError) -> Pipeline.NodeID {
        if let existing = compiled[ObjectIdentifier(self)] { return existing }
        var inputIDs: [Pipeline.NodeID] = []
        for input in inputs { inputIDs.append(try input.compile(into: &pipeline, compiled: &compiled, sources: &sources)) }
        let id: Pipeline.NodeID
        switch kind {
        case .source(let make):
            let source = try make()
            sources.append(source)
            id = pipeline.addSource(source, name: name)
        case .operation(let operation):
            id = try pipeline.add(operation, inputs: inputIDs, name: name)
        case .join(let join):
            id = try pipeline.addJoin(join, left: inputIDs[0], right: inputIDs[1], name: name)
        }
        compiled[ObjectIdentifier(self)] = id
        return id
    }
}
