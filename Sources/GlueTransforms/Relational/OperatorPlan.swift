import GlueCore

/// A small graph of operators that reads some external inputs and produces one output: what
/// the SQL planner hands to the engine, which adds it to a pipeline step by step.
///
/// Steps are in topological order: a step reads external inputs or earlier steps only.
public struct OperatorPlan: Sendable {
    /// Where a step reads from.
    public enum Input: Sendable, Hashable {
        /// The plan's external input at this position (a SparkSQL node's input frames).
        case external(Int)
        /// An earlier step's output.
        case step(Int)
    }

    /// One operator and what it reads.
    public struct Step: Sendable {
        /// The operator.
        public var operation: any BatchOperator
        /// Its inputs, in the operator's order.
        public var inputs: [Input]
        /// Earlier steps that must finish before this one starts (a join's build side).
        public var gates: [Int]
        /// A short label for `explain` (`Join.build`, `Aggregate`).
        public var label: String
    }

    /// The steps, in order.
    public private(set) var steps: [Step] = []
    /// The step whose output is the plan's output.
    public var output: Input = .external(0)

    /// An empty plan.
    public init() {}

    /// Appends a step and returns the input that reads its output.
    @discardableResult
    public mutating func add(_ operation: any BatchOperator, inputs: [Input], gates: [Int] = [], label: String? = nil) -> Input {
        steps.append(Step(operation: operation, inputs: inputs, gates: gates, label: label ?? operation.explainName))
        return .step(steps.count - 1)
    }
}
