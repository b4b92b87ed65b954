import GlueCore
import GlueExecution
import GlueSQL

extension GraphCompiler {
    /// Plans a `SparkSQL` node: each input frame is registered under its `SqlAliases` alias (as
    /// Studio's generated script registers temp views), and the query's operators join the
    /// pipeline. Parse and analysis errors fail the run here, before any data is read; joins take the
    /// job's ``joinMemoryBudget`` as Join nodes do.
    mutating func compileSparkSQL(_ sql: SparkSQLNode, node: CodeGenConfigurationNode, id: String) throws(GlueError) {
        var inputs: [(alias: String, schema: Schema)] = []
        var nodes: [Pipeline.NodeID] = []
        for alias in sql.sqlAliases {
            guard let input = compiled[alias.from] else {
                throw GlueError(.internalService, "SparkSQL input \(alias.from) was not planned before the node.")
            }
            inputs.append((alias.alias, pipeline.schema(of: input)))
            nodes.append(input)
        }
        let planned = try SQLPlanner.plan(sql.sqlQuery, inputs: inputs, now: request.runStart, joinMemoryBudget: joinMemoryBudget)
        compiled[id] = try pipeline.add(planned.plan, inputs: nodes, name: id)
    }
}
