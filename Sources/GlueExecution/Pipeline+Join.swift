import GlueColumnar
import GlueCore
import GlueTransforms

extension Pipeline {
    /// Adds a hash join of `left` and `right` as two stages: the build side (a breaker collecting
    /// the right input, or the left one for a `right` join) and the probe side, which starts once
    /// the table is frozen and streams the other input through it on every worker.
    ///
    /// - Returns: the probe node, whose output is the join's.
    /// - Throws: `InvalidInputException` when keys are missing or incompatible, or output names clash.
    @discardableResult
    public mutating func addJoin(_ join: Join, left: NodeID, right: NodeID, name: String? = nil) throws(GlueError) -> NodeID {
        for input in [left, right] where input.index < 0 || input.index >= nodeCount {
            throw GlueError(.invalidInput, "Join refers to unknown node \(input).")
        }
        let label = name ?? "Join_\(nodeCount + 1)"
        let (build, probe) = try join.operators(leftSchema: schema(of: left), rightSchema: schema(of: right))
        let buildNode = try add(build, inputs: [join.buildsLeft ? left : right], name: "\(label).build")
        return try add(probe, inputs: [join.buildsLeft ? right : left], after: [buildNode], name: label)
    }
}
