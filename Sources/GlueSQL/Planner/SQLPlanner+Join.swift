import GlueColumnar
import GlueCore
import GlueTransforms

extension SQLPlanner {
    /// Plans `left JOIN right ON ...` as a hash join on the equality conditions between the two
    /// sides; other conditions of an inner join filter its output.
    mutating func planJoin(
        _ left: PlannedRelation, _ right: PlannedRelation, _ kind: JoinKind, condition: SQLExpression?, using: [String]
    ) throws(GlueError) -> PlannedRelation {
        if kind == .cross || (condition == nil && using.isEmpty) {
            throw SQLError.unsupported("joins without an equality condition (CROSS JOIN, comma joins) are")
        }
        var leftKeys: [ScalarExpression] = []
        var rightKeys: [ScalarExpression] = []
        var residual: [SQLExpression] = []
        var rightHidden = Set<Int>()
        if !using.isEmpty {
            if kind == .right || kind == .full { throw SQLError.unsupported("RIGHT/FULL JOIN ... USING is") }
            for name in using {
                let l = try left.scope.resolve([name])
                let r = try right.scope.resolve([name])
                leftKeys.append(.column(l, left.schema[l].dataType))
                rightKeys.append(.column(r, right.schema[r].dataType))
                rightHidden.insert(r)
            }
        }
        if let condition {
            for conjunct in conjuncts(condition) {
                if case .binary("=", let a, let b) = conjunct {
                    if let l = try? binder.bind(a, left.scope), let r = try? binder.bind(b, right.scope) {
                        leftKeys.append(l); rightKeys.append(r); continue
                    }
                    if let l = try? binder.bind(b, left.scope), let r = try? binder.bind(a, right.scope) {
                        leftKeys.append(l); rightKeys.append(r); continue
                    }
                }
                residual.append(conjunct)
            }
        }
        guard !leftKeys.isEmpty else {
            throw SQLError.unsupported("join conditions without an equality between the two sides are")
        }
        if !residual.isEmpty && kind != .inner {
            throw SQLError.unsupported("\(kind.rawValue) JOIN conditions other than equalities between the two sides are")
        }
        for (l, r) in zip(leftKeys, rightKeys) {
            do {
                _ = try ComparisonOperator.commonType(l.dataType, r.dataType)
            } catch {
                throw SQLError.analysis("[DATATYPE_MISMATCH] join keys of types \(l.dataType) and \(r.dataType) cannot be compared.")
            }
        }
        // Each side under unique names, plus computed key columns.
        func side(_ relation: PlannedRelation, _ keys: [ScalarExpression], _ tag: String, planner: inout SQLPlanner) throws(GlueError) -> (PlannedRelation, [FieldPath]) {
            var outputs: [(name: String, expression: ScalarExpression)] = []
            for (index, field) in relation.schema.fields.enumerated() { outputs.append((planner.freshName(tag), .column(index, field.dataType))) }
            var paths: [FieldPath] = []
            for key in keys {
                if case .column(let index, _) = key {
                    paths.append(FieldPath([outputs[index].name]))
                } else {
                    let name = planner.freshName(tag + "k")
                    outputs.append((name, key))
                    paths.append(FieldPath([name]))
                }
            }
            var entries = relation.scope.entries
            while entries.count < outputs.count {
                entries.append(SQLScope.Entry(qualifier: nil, name: outputs[entries.count].name, dataType: outputs[entries.count].expression.dataType, hidden: true))
            }
            let projected = try planner.addStep(try Projection(outputs: outputs), inputs: [relation], label: "JoinInput", scope: SQLScope(entries: entries))
            return (projected, paths)
        }
        let (leftSide, leftPaths) = try side(left, leftKeys, "l", planner: &self)
        var (rightSide, rightPaths) = try side(right, rightKeys, "r", planner: &self)
        for index in rightHidden { rightSide.scope.entries[index].hidden = true }
        let type: Join.JoinType = switch kind {
        case .inner, .cross: .equijoin
        case .left: .left
        case .right: .right
        case .full: .outer
        case .semi: .leftsemi
        case .anti: .leftanti
        }
        let join = try Join(type, leftKeys: leftPaths, rightKeys: rightPaths, memoryBudget: joinMemoryBudget)
        let (build, probe) = try join.operators(leftSchema: leftSide.schema, rightSchema: rightSide.schema)
        let buildInput = join.buildsLeft ? leftSide : rightSide
        let probeInput = join.buildsLeft ? rightSide : leftSide
        let scope = (kind == .semi || kind == .anti) ? leftSide.scope : SQLScope(entries: leftSide.scope.entries + rightSide.scope.entries)
        let built = try addStep(build, inputs: [buildInput], label: "Join.build", scope: buildInput.scope)
        guard case .step(let buildStep) = built.input else { throw GlueError(.internalService, "A join's build side is not a step.") }
        var joined = try addStep(probe, inputs: [probeInput], gates: [buildStep], label: "Join", scope: scope)
        if !residual.isEmpty {
            var predicate: ScalarExpression?
            for conjunct in residual {
                let bound = try ScalarExpression.boolean(try binder.bind(conjunct, joined.scope), for: "ON")
                predicate = try predicate.map { (current) throws(GlueError) -> ScalarExpression in try ScalarExpression.conjunction(current, bound) } ?? bound
            }
            let all = joined.schema.fields.enumerated().map { ($1.name, ScalarExpression.column($0, $1.dataType)) }
            joined = try addStep(try Projection(predicate: predicate, outputs: all), inputs: [joined], label: "JoinFilter", scope: joined.scope)
        }
        return joined
    }

    func conjuncts(_ expression: SQLExpression) -> [SQLExpression] {
        if case .binary("AND", let lhs, let rhs) = expression { return conjuncts(lhs) + conjuncts(rhs) }
        return [expression]
    }
}
