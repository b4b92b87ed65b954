import GlueColumnar
import GlueCore
import GlueTransforms

/// A job's graph of stages, run as a columnar pipeline on a fixed pool of Dispatch workers.
///
/// Build it node by node (each node names its inputs, so the graph is a DAG in topological order
/// by construction), then ``run(stop:)`` it:
///
/// ```swift
/// var pipeline = Pipeline()
/// let orders = pipeline.addSource(try InMemorySource(batches), name: "orders")
/// let recent = try pipeline.add(Filter(...), inputs: [orders], name: "recent")
/// let sink = CollectingSink()
/// try pipeline.add(sink, inputs: [recent])
/// let result = try pipeline.run()
/// ```
///
/// A node's output may feed several nodes (fan-out), and a node may read several inputs (fan-in:
/// Union, Join). Each edge is a ``BoundedChannel``.
public struct Pipeline: Sendable {
    /// Identifies a node of the plan.
    public struct NodeID: Hashable, Sendable, CustomStringConvertible {
        /// The node's position in the plan.
        public let index: Int
        /// Refers to the node at position `index` of the plan.
        public init(index: Int) { self.index = index }
        public var description: String { "#\(index)" }
    }

    enum NodeKind: Sendable {
        case source(any BatchSource)
        case operation(any BatchOperator)
    }

    struct Node: Sendable {
        var name: String
        var kind: NodeKind
        var inputs: [NodeID]
        var gates: [NodeID]
        var schema: Schema
    }

    /// How the pipeline runs.
    public var options: ExecutionOptions
    private(set) var nodes: [Node] = []

    /// Creates an empty pipeline.
    public init(options: ExecutionOptions = ExecutionOptions()) {
        self.options = options
    }

    /// The number of nodes.
    public var nodeCount: Int { nodes.count }

    /// The output schema of a node.
    public func schema(of node: NodeID) -> Schema { nodes[node.index].schema }

    /// The name of a node.
    public func name(of node: NodeID) -> String { nodes[node.index].name }

    /// Adds a source.
    @discardableResult
    public mutating func addSource(_ source: some BatchSource, name: String? = nil) -> NodeID {
        let id = NodeID(index: nodes.count)
        nodes.append(Node(name: name ?? "\(source.explainName)_\(id.index)", kind: .source(source), inputs: [], gates: [], schema: source.schema))
        return id
    }

    /// Adds an operator reading `inputs` (in the operator's input order).
    ///
    /// - Parameter gates: nodes that must have finished before this one starts (a hash join's
    ///   probe waits for its build side).
    /// - Throws: `InvalidInputException` when an input is unknown, the arity is wrong, or the
    ///   operator rejects the input schemas.
    @discardableResult
    public mutating func add(_ operation: some BatchOperator, inputs: [NodeID], after gates: [NodeID] = [], name: String? = nil) throws(GlueError) -> NodeID {
        let id = NodeID(index: nodes.count)
        let label = name ?? "\(operation.explainName)_\(id.index)"
        guard inputs.count == operation.inputCount else {
            throw GlueError(.invalidInput, "Node \(label) (\(operation.explainName)) takes \(operation.inputCount) inputs, not \(inputs.count).")
        }
        for input in inputs + gates where input.index < 0 || input.index >= nodes.count {
            throw GlueError(.invalidInput, "Node \(label) refers to unknown node \(input).")
        }
        let schema: Schema
        do {
            schema = try operation.outputSchema(for: inputs.map { nodes[$0.index].schema })
        } catch {
            throw error.adding(context: "in node \(label) (\(operation.explainName))")
        }
        nodes.append(Node(name: label, kind: .operation(operation), inputs: inputs, gates: gates, schema: schema))
        return id
    }

    /// The plan as text: one line per node in topological order with its inputs, parameters and
    /// output schema.
    public func explain() -> String {
        var consumers = Array(repeating: [Int](), count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for input in node.inputs { consumers[input.index].append(index) }
        }
        var lines = ["Pipeline: \(nodes.count) nodes, parallelism \(options.parallelism), channel capacity \(options.channelCapacity) batches"]
        for (index, node) in nodes.enumerated() {
            let (kindName, detail, flags): (String, String, [String]) = switch node.kind {
            case .source(let source):
                (source.explainName, source.explainDetail, [source is any PartitionedBatchSource ? "parallel" : "serial"])
            case .operation(let operation):
                (operation.explainName, operation.explainDetail,
                 (operation.isPipelineBreaker ? ["breaker"] : []) + (operation.requiresOrderedInput ? ["ordered"] : []))
            }
            var line = "#\(index) \(node.name): \(kindName)"
            if !detail.isEmpty { line += " [\(detail)]" }
            if !flags.isEmpty { line += " (\(flags.joined(separator: ", ")))" }
            lines.append(line)
            if !node.inputs.isEmpty { lines.append("    inputs: " + node.inputs.map(\.description).joined(separator: ", ")) }
            if !node.gates.isEmpty { lines.append("    after: " + node.gates.map(\.description).joined(separator: ", ")) }
            if !consumers[index].isEmpty { lines.append("    feeds: " + consumers[index].map { "#\($0)" }.joined(separator: ", ")) }
            lines.append("    schema: " + (node.schema.count == 0 ? "(none)" : node.schema.description))
        }
        return lines.joined(separator: "\n")
    }
}
