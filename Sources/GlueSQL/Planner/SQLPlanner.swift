import Foundation
import GlueColumnar
import GlueCore
import GlueTransforms

/// Plans a Spark SQL query of a Glue Studio `SparkSQL` node onto batch operators.
///
/// Each input frame is registered under its `SqlAliases` alias (as Studio registers temp views);
/// the query is parsed, analyzed (names, types, Spark's implicit casts) and turned into an
/// ``OperatorPlan``: a fused filter and projection per `SELECT`, a hash aggregate for
/// `GROUP BY`, hash joins, `Sort`/`Limit`, unions. Every error is raised here, before any
/// data is read.
///
/// ```swift
/// let planned = try SQLPlanner.plan("SELECT country, count(*) AS n FROM events GROUP BY country",
///                                   inputs: [("events", schema)])
/// let output = try pipeline.add(planned.plan, inputs: [source], name: "SparkSQL")
/// ```
public struct SQLPlanner {
    /// The result of planning: the operators and the schema of the query's result.
    public struct Planned: Sendable {
        /// The operators; external input *i* is the *i*-th input frame.
        public var plan: OperatorPlan
        /// The result's columns, named as Spark names them.
        public var schema: Schema
    }

    let inputs: [(alias: String, schema: Schema)]
    let binder: ExpressionBinder
    /// The memory budget of each join's build side (``Join/memoryBudget``).
    let joinMemoryBudget: Int?
    var plan = OperatorPlan()
    var namedQueries: [[String: SQLQuery]] = []
    var plannedQueries: [String: PlannedRelation] = [:]
    var nameCounter = 0

    init(inputs: [(alias: String, schema: Schema)], now: Int64, joinMemoryBudget: Int? = nil) {
        self.inputs = inputs
        self.binder = ExpressionBinder(now: now)
        self.joinMemoryBudget = joinMemoryBudget
    }

    /// Parses, analyzes and plans `sql` over input frames registered under their aliases.
    ///
    /// - Parameters:
    ///   - now: the query's `current_timestamp()` (default: the current time).
    ///   - joinMemoryBudget: the bytes each join's build side may hold (a job's
    ///     `joinMemoryBudget`); past it the join fails with `ResourceNumberLimitExceededException`
    ///     as the Join node does. `nil`: no limit.
    /// - Throws: `InvalidInputException` with a `ParseException`/`AnalysisException` message for
    ///   bad SQL, unknown tables, columns or functions (naming the closest names), and type
    ///   errors; `UnsupportedFeatureException` naming SQL that LocalGlue does not run yet.
    public static func plan(_ sql: String, inputs: [(alias: String, schema: Schema)], now: Date = Date(), joinMemoryBudget: Int? = nil) throws(GlueError) -> Planned {
        let query = try SQLParser.parse(sql)
        var planner = SQLPlanner(
            inputs: inputs, now: Int64((now.timeIntervalSince1970 * 1_000_000).rounded(.down)), joinMemoryBudget: joinMemoryBudget)
        let relation = try planner.planQuery(query)
        // The result carries the user's names; hidden helper columns never reach it.
        let visible = relation.scope.entries.indices.filter { !relation.scope.entries[$0].hidden }
        var final = relation
        if visible.count != relation.schema.count || zip(relation.schema.fields, relation.scope.entries).contains(where: { $0.name != $1.name }) {
            final = try planner.project(relation, outputs: visible.map { (relation.scope.entries[$0].name, ScalarExpression.column($0, relation.schema[$0].dataType)) }, predicate: nil, label: "Output")
        }
        planner.plan.output = final.input
        return Planned(plan: planner.plan, schema: final.schema)
    }

    mutating func freshName(_ prefix: String) -> String {
        nameCounter += 1
        return "_\(prefix)\(nameCounter)"
    }

    // MARK: Steps

    mutating func addStep(_ operation: any BatchOperator, inputs: [PlannedRelation], gates: [Int] = [], label: String, scope: SQLScope) throws(GlueError) -> PlannedRelation {
        let schema = try operation.outputSchema(for: inputs.map(\.schema))
        let input = plan.add(operation, inputs: inputs.map(\.input), gates: gates, label: label)
        return PlannedRelation(input: input, schema: schema, scope: scope)
    }

    /// A projection (and filter) step whose output columns get unique internal names; the
    /// scope keeps the user's names.
    mutating func project(
        _ relation: PlannedRelation, outputs: [(name: String, expression: ScalarExpression)], predicate: ScalarExpression?, label: String,
        scope: SQLScope? = nil
    ) throws(GlueError) -> PlannedRelation {
        var named: [(name: String, expression: ScalarExpression)] = []
        for output in outputs { named.append((label == "Output" ? output.name : freshName("c"), output.expression)) }
        let newScope = scope ?? SQLScope(entries: outputs.map { SQLScope.Entry(qualifier: nil, name: $0.name, dataType: $0.expression.dataType) })
        return try addStep(try Projection(predicate: predicate, outputs: named), inputs: [relation], label: label, scope: newScope)
    }

    // MARK: Queries

    mutating func planQuery(_ query: SQLQuery) throws(GlueError) -> PlannedRelation {
        var names: [String: SQLQuery] = [:]
        for (name, cte) in query.with { names[name.lowercased()] = cte }
        namedQueries.append(names)
        defer { namedQueries.removeLast() }
        var relation: PlannedRelation
        var orderHandled = false
        if case .select(let block) = query.body {
            relation = try planSelect(block, orderBy: query.orderBy, limit: query.limit)
            orderHandled = true
        } else {
            relation = try planBody(query.body)
        }
        if !orderHandled {
            if !query.orderBy.isEmpty {
                var keys: [Sort.Key] = []
                for item in query.orderBy {
                    let position = try outputPosition(item.expression, relation.scope)
                    guard let position else {
                        throw SQLError.analysis("[UNRESOLVED_COLUMN] ORDER BY \(item.expression.generatedName) must name a column of the query's result here.")
                    }
                    keys.append(Sort.Key(column: position, ascending: item.ascending, nullsFirst: item.nullsFirst))
                }
                relation = try addStep(Sort(keys: keys, limit: query.limit), inputs: [relation], label: "Sort", scope: relation.scope)
            } else if let limit = query.limit {
                relation = try addStep(Limit(limit), inputs: [relation], label: "Limit", scope: relation.scope)
            }
        }
        return relation
    }

    mutating func planBody(_ body: QueryBody) throws(GlueError) -> PlannedRelation {
        switch body {
        case .select(let block): return try planSelect(block, orderBy: [], limit: nil)
        case .nested(let query): return try planQuery(query)
        case .union(let lhs, let rhs, let all):
            var left = try planBody(lhs)
            var right = try planBody(rhs)
            let leftColumns = left.scope.entries.indices.filter { !left.scope.entries[$0].hidden }
            let rightColumns = right.scope.entries.indices.filter { !right.scope.entries[$0].hidden }
            guard leftColumns.count == rightColumns.count else {
                throw SQLError.analysis("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has \(leftColumns.count) columns and the second input has \(rightColumns.count) columns.")
            }
            var types: [DataType] = []
            for (l, r) in zip(leftColumns, rightColumns) {
                let a = left.schema[l].dataType
                let b = right.schema[r].dataType
                guard let wider = TypeCoercion.widerType(a, b) else {
                    throw SQLError.analysis("[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on inputs with compatible column types: \(a) and \(b) in column \(types.count + 1).")
                }
                types.append(wider)
            }
            let names = leftColumns.map { left.scope.entries[$0].name }
            func aligned(_ relation: PlannedRelation, _ columns: [Int], planner: inout SQLPlanner) throws(GlueError) -> PlannedRelation {
                var outputs: [(name: String, expression: ScalarExpression)] = []
                for (position, column) in columns.enumerated() {
                    outputs.append((names[position], try ScalarExpression.casting(.column(column, relation.schema[column].dataType), to: types[position])))
                }
                return try planner.project(relation, outputs: outputs, predicate: nil, label: "UnionInput")
            }
            left = try aligned(left, leftColumns, planner: &self)
            right = try aligned(right, rightColumns, planner: &self)
            // Both sides must carry the same internal names for the union's schema check.
            right = try addStep(
                try Projection(outputs: left.schema.fields.enumerated().map { ($1.name, ScalarExpression.column($0, right.schema[$0].dataType)) }),
                inputs: [right], label: "UnionInput", scope: right.scope)
            let operation: any BatchOperator = all ? UnionAll() : GlueTransforms.Union.make(.distinct)
            return try addStep(operation, inputs: [left, right], label: all ? "UnionAll" : "Union", scope: left.scope)
        }
    }

    /// The position of an `ORDER BY` item among the result's columns: an ordinal, or a name.
    func outputPosition(_ expression: SQLExpression, _ scope: SQLScope) throws(GlueError) -> Int? {
        if case .literal(.integer(let ordinal), _) = expression {
            let visible = scope.entries.indices.filter { !scope.entries[$0].hidden }
            guard ordinal >= 1, ordinal <= visible.count else {
                throw SQLError.analysis("[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position \(ordinal) is not in select list (valid range is [1, \(visible.count)]).")
            }
            return visible[Int(ordinal) - 1]
        }
        if case .identifier(let parts) = expression {
            if parts.count == 1 { return try scope.find(parts) }
            return try scope.find(parts)
        }
        return nil
    }

    // MARK: FROM

    mutating func planRelation(_ relation: SQLRelation) throws(GlueError) -> PlannedRelation {
        switch relation {
        case .table(let name, let alias):
            let planned = try planTable(name)
            return PlannedRelation(input: planned.input, schema: planned.schema, scope: planned.scope.requalified(alias ?? name))
        case .subquery(let query, let alias):
            let planned = try planQuery(query)
            return PlannedRelation(input: planned.input, schema: planned.schema, scope: planned.scope.requalified(alias))
        case .join(let left, let right, let kind, let condition, let using):
            return try planJoin(try planRelation(left), try planRelation(right), kind, condition: condition, using: using)
        }
    }

    mutating func planTable(_ name: String) throws(GlueError) -> PlannedRelation {
        let key = name.lowercased()
        for level in namedQueries.indices.reversed() {
            guard let query = namedQueries[level][key] else { continue }
            let cacheKey = "\(level):\(key)"
            if let planned = plannedQueries[cacheKey] { return planned }
            // A common table expression sees only the names defined before its level.
            let saved = namedQueries
            namedQueries = Array(namedQueries.prefix(level)) + [namedQueries[level].filter { $0.key != key }]
            let planned = try planQuery(query)
            namedQueries = saved
            plannedQueries[cacheKey] = planned
            return planned
        }
        if let index = inputs.firstIndex(where: { $0.alias.lowercased() == key }) {
            let schema = inputs[index].schema
            return PlannedRelation(
                input: .external(index), schema: schema,
                scope: SQLScope(entries: schema.fields.map { SQLScope.Entry(qualifier: nil, name: $0.name, dataType: $0.dataType) }))
        }
        let known = inputs.map(\.alias) + namedQueries.flatMap(\.keys)
        let suggestions = SQLError.suggestions(for: name, among: known, limit: 3)
        throw SQLError.analysis("[TABLE_OR_VIEW_NOT_FOUND] The table or view `\(name)` cannot be found. The SparkSQL node's SqlAliases define \(known.isEmpty ? "no views" : "[\(known.map { "`\($0)`" }.joined(separator: ", "))]")\(suggestions.isEmpty ? "" : "; did you mean `\(suggestions[0])`?")")
    }
}
