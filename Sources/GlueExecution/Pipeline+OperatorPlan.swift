import GlueCore
import GlueTransforms

extension Pipeline {
    /// Adds every step of `plan` (a SparkSQL node's operators), reading `inputs` as the plan's
    /// external inputs; the stages are named `name.label`, and the last is `name`.
    ///
    /// - Returns: the node whose output is the plan's.
    /// - Throws: `InvalidInputException` when the plan refers to an input it was not given or an
    ///   operator rejects its input schemas.
    @discardableResult
    public mutating func add(_ plan: OperatorPlan, inputs: [NodeID], name: String) throws(GlueError) -> NodeID {
        var nodes: [NodeID] = []
        func resolve(_ input: OperatorPlan.Input) throws(GlueError) -> NodeID {
            switch input {
            case .external(let index):
                guard index >= 0, index < inputs.count else { throw GlueError(.invalidInput, "Plan \(name) reads input \(index) of \(inputs.count).") }
                return inputs[index]
            case .step(let index):
                guard index >= 0, index < nodes.count else { throw GlueError(.invalidInput, "Plan \(name) reads step \(index) before it exists.") }
                return nodes[index]
            }
        }
        for (position, step) in plan.steps.enumerated() {
            var stepInputs: [NodeID] = []
            for input in step.inputs { stepInputs.append(try resolve(input)) }
            var gates: [NodeID] = []
            for gate in step.gates { gates.append(try resolve(.step(gate))) }
            let isLast: Bool = if case .step(let last) = plan.output { last == position } else { false }
            nodes.append(try add(step.operation, inputs: stepInputs, after: gates, name: isLast ? name : "\(name).\(position).\(step.label)"))
        }
        return try resolve(plan.output)
    }
}
