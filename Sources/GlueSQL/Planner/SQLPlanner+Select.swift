import GlueColumnar
import GlueCore
import GlueTransforms

extension SQLPlanner {
    /// One aggregate call of a grouped query.
    struct AggregateCall {
        var syntax: SQLExpression
        var function: AggFunc
        var argument: ScalarExpression
    }

    /// Plans `SELECT [DISTINCT] ... FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT`.
    mutating func planSelect(_ block: SelectBlock, orderBy: [OrderItem], limit: Int?) throws(GlueError) -> PlannedRelation {
        let source: PlannedRelation
        if let from = block.from {
            source = try planRelation(from)
        } else {
            throw SQLError.unsupported("SELECT without FROM is")
        }
        let inputScope = source.scope
        var predicate: ScalarExpression?
        if let filter = block.filter {
            if containsAggregate(filter) {
                throw SQLError.analysis("[INVALID_WHERE_CONDITION] The WHERE condition \(filter.generatedName) contains aggregate functions; use HAVING.")
            }
            predicate = try ScalarExpression.boolean(try binder.bind(filter, inputScope), for: "WHERE")
        }

        // Expand `*` and `alias.*`.
        var items: [SelectItem] = []
        for item in block.items {
            if case .star(let qualifier) = item.expression {
                let matching = inputScope.entries.indices.filter { index in
                    let entry = inputScope.entries[index]
                    guard !entry.hidden else { return false }
                    guard let qualifier else { return true }
                    return entry.qualifier?.lowercased() == qualifier.lowercased()
                }
                if matching.isEmpty, let qualifier {
                    throw SQLError.analysis("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve \(qualifier).* given input columns \(inputScope.visibleNames).")
                }
                for index in matching {
                    let entry = inputScope.entries[index]
                    items.append(SelectItem(expression: .identifier([entry.qualifier, entry.name].compactMap { $0 }), alias: entry.name))
                }
            } else {
                items.append(item)
            }
        }

        var groupBy: [SQLExpression] = []
        for expression in block.groupBy {
            if case .literal(.integer(let ordinal), _) = expression {
                guard ordinal >= 1, ordinal <= items.count else {
                    throw SQLError.analysis("[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position \(ordinal) is not in select list (valid range is [1, \(items.count)]).")
                }
                groupBy.append(items[Int(ordinal) - 1].expression)
            } else if case .identifier(let parts) = expression, parts.count == 1, try inputScope.find(parts) == nil,
                let aliased = items.first(where: { $0.alias?.lowercased() == parts[0].lowercased() }) {
                groupBy.append(aliased.expression)
            } else {
                groupBy.append(expression)
            }
        }

        var aggregateSyntax: [SQLExpression] = []
        for item in items { collectAggregates(item.expression, into: &aggregateSyntax) }
        if let having = block.having { collectAggregates(having, into: &aggregateSyntax) }
        for item in orderBy { collectAggregates(item.expression, into: &aggregateSyntax) }
        let grouped = !groupBy.isEmpty || !aggregateSyntax.isEmpty || block.having != nil

        // The scope and hook the select list, HAVING and ORDER BY bind against.
        var projectionInput = source
        var hook: ExpressionBinder.Hook?
        var bindScope = inputScope
        var projectionPredicate = predicate
        if grouped {
            var boundGroups: [ScalarExpression] = []
            for expression in groupBy {
                if containsAggregate(expression) { throw SQLError.analysis("[GROUP_BY_AGGREGATE] aggregate functions are not allowed in GROUP BY, but found \(expression.generatedName).") }
                boundGroups.append(try binder.bind(expression, inputScope))
            }
            var calls: [AggregateCall] = []
            for syntax in aggregateSyntax {
                guard case .function(let name, let arguments, let distinct, let star) = syntax,
                    var function = ExpressionBinder.aggregateNames[name.lowercased()] else { continue }
                for argument in arguments where containsAggregate(argument) {
                    throw SQLError.analysis("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function in the argument of another aggregate function: \(syntax.generatedName).")
                }
                let argument: ScalarExpression
                if star || (arguments.count == 1 && function == .count && arguments[0].isNonNullConstant) {
                    guard function == .count else { throw SQLError.analysis("Invalid usage of '*' in \(name)(*).") }
                    argument = .literal(.boolean(true), .boolean)
                } else {
                    guard arguments.count == 1 else {
                        throw SQLError.analysis("[WRONG_NUM_ARGS] The `\(name.lowercased())` requires 1 parameter but the actual number is \(arguments.count).")
                    }
                    argument = try binder.bind(arguments[0], inputScope)
                }
                if distinct {
                    switch function {
                    case .count: function = .countDistinct
                    case .sum: function = .sumDistinct
                    case .min, .max: break
                    default: throw SQLError.unsupported("\(name.lowercased())(DISTINCT ...) is")
                    }
                }
                do {
                    _ = try function.resultType(for: argument.dataType)
                } catch {
                    throw SQLError.analysis("cannot resolve '\(syntax.generatedName)' due to data type mismatch: \(error.message)")
                }
                calls.append(AggregateCall(syntax: syntax, function: function, argument: argument))
            }
            // Pre-aggregation: WHERE fused with the group keys and the aggregate arguments.
            var preOutputs: [(name: String, expression: ScalarExpression)] = []
            for (position, group) in boundGroups.enumerated() { preOutputs.append(("_g\(position)", group)) }
            for (position, call) in calls.enumerated() { preOutputs.append(("_a\(position)", call.argument)) }
            let pre = try addStep(
                try Projection(predicate: predicate, outputs: preOutputs), inputs: [source], label: "PreAggregate",
                scope: SQLScope(entries: preOutputs.map { SQLScope.Entry(qualifier: nil, name: $0.name, dataType: $0.expression.dataType, hidden: true) }))
            let groupPaths = boundGroups.indices.map { FieldPath(["_g\($0)"]) }
            let aggregated: PlannedRelation
            if calls.isEmpty {
                let keys = try addStep(try Projection(outputs: boundGroups.indices.map { ("_g\($0)", ScalarExpression.column($0, boundGroups[$0].dataType)) }),
                    inputs: [pre], label: "GroupKeys", scope: pre.scope)
                aggregated = try addStep(DropDuplicates(), inputs: [keys], label: "GroupBy", scope: pre.scope)
            } else {
                let operation = try Aggregate(groups: groupPaths, aggregations: calls.indices.map { Aggregation(calls[$0].function, FieldPath(["_a\($0)"])) })
                aggregated = try addStep(operation, inputs: [pre], label: "Aggregate", scope: pre.scope)
            }
            projectionInput = aggregated
            projectionPredicate = nil
            bindScope = SQLScope(entries: [])
            let groupDescriptions = boundGroups.map(\.description)
            let groupTypes = boundGroups.map(\.dataType)
            let outputSchema = aggregated.schema
            let binder = self.binder
            let callSyntax = calls.map(\.syntax)
            hook = { (expression: SQLExpression) throws(GlueError) -> ScalarExpression? in
                if let index = callSyntax.firstIndex(of: expression) {
                    let column = groupTypes.count + index
                    return .column(column, outputSchema[column].dataType)
                }
                if !containsAggregate(expression), let bound = try? binder.bind(expression, inputScope) {
                    if let index = groupDescriptions.firstIndex(of: bound.description) { return .column(index, groupTypes[index]) }
                    if bound.referencedColumns.isEmpty { return bound }
                }
                if case .identifier(let parts) = expression {
                    _ = try inputScope.resolve(parts)
                    throw SQLError.analysis("[MISSING_AGGREGATION] The non-aggregating expression `\(parts.joined(separator: "."))` is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use `first(\(parts.joined(separator: ".")))` if you do not care which of the values within a group is returned.")
                }
                return nil
            }
            if let having = block.having {
                projectionPredicate = try ScalarExpression.boolean(try binder.bind(having, bindScope, hook: hook), for: "HAVING")
            }
        }

        // The select list, plus hidden columns for ORDER BY expressions that are not in it.
        var outputs: [(name: String, expression: ScalarExpression)] = []
        var entries: [SQLScope.Entry] = []
        for item in items {
            let bound = try binder.bind(item.expression, bindScope, hook: hook)
            var name = item.alias ?? item.expression.generatedName
            if item.alias == nil, case .identifier(let parts) = item.expression, let position = try inputScope.find(parts) {
                name = inputScope.entries[position].name
            }
            outputs.append((name, bound))
            var qualifier: String?
            if case .identifier(let parts) = item.expression, let position = try? inputScope.find(parts) { qualifier = inputScope.entries[position].qualifier }
            entries.append(SQLScope.Entry(qualifier: qualifier, name: name, dataType: bound.dataType))
        }
        var keys: [Sort.Key] = []
        for item in orderBy {
            let outputScope = SQLScope(entries: entries)
            var position: Int?
            if case .literal(.integer, _) = item.expression {
                position = try outputPosition(item.expression, outputScope)
            } else if case .identifier(let parts) = item.expression, let found = try? outputScope.find(parts),
                // A name that is both an output alias and an input column means the output one,
                // unless it is qualified by an input alias.
                parts.count == 1 || entries[found].qualifier != nil {
                position = found
            }
            if position == nil {
                let bound = try binder.bind(item.expression, bindScope, hook: hook)
                if let same = outputs.firstIndex(where: { $0.expression.description == bound.description }) {
                    position = same
                } else {
                    if block.distinct {
                        throw SQLError.analysis("[MISSING_ATTRIBUTES] ORDER BY \(item.expression.generatedName) must appear in the select list of a SELECT DISTINCT.")
                    }
                    outputs.append((freshName("sort"), bound))
                    entries.append(SQLScope.Entry(qualifier: nil, name: "_sort\(outputs.count)", dataType: bound.dataType, hidden: true))
                    position = outputs.count - 1
                }
            }
            if let position { keys.append(Sort.Key(column: position, ascending: item.ascending, nullsFirst: item.nullsFirst)) }
        }
        var result = try project(projectionInput, outputs: outputs, predicate: projectionPredicate, label: grouped ? "Project" : "Filter+Project", scope: SQLScope(entries: entries))
        if block.distinct {
            result = try addStep(DropDuplicates(), inputs: [result], label: "Distinct", scope: result.scope)
        }
        if !keys.isEmpty {
            result = try addStep(Sort(keys: keys, limit: limit), inputs: [result], label: "Sort", scope: result.scope)
        } else if let limit {
            result = try addStep(Limit(limit), inputs: [result], label: "Limit", scope: result.scope)
        }
        return result
    }

    func collectAggregates(_ expression: SQLExpression, into calls: inout [SQLExpression]) {
        if ExpressionBinder.isAggregateCall(expression) {
            if !calls.contains(expression) { calls.append(expression) }
            return
        }
        expression.forEachChild { collectAggregates($0, into: &calls) }
    }
}

/// Whether an expression contains an aggregate call.
func containsAggregate(_ expression: SQLExpression) -> Bool {
    if ExpressionBinder.isAggregateCall(expression) { return true }
    var found = false
    expression.forEachChild { if containsAggregate($0) { found = true } }
    return found
}

extension SQLExpression {
    /// Calls `body` with each direct sub-expression.
    func forEachChild(_ body: (SQLExpression) -> Void) {
        switch self {
        case .identifier, .star, .literal, .typedLiteral: break
        case .negate(let operand), .not(let operand), .isNull(let operand, _), .cast(let operand, _): body(operand)
        case .binary(_, let lhs, let rhs), .subscriptOf(let lhs, let rhs): body(lhs); body(rhs)
        case .inList(let operand, let list, _): body(operand); list.forEach(body)
        case .between(let operand, let low, let high, _): body(operand); body(low); body(high)
        case .like(_, let operand, let pattern, _): body(operand); body(pattern)
        case .caseWhen(let operand, let conditions, let values, let otherwise):
            if let operand { body(operand) }
            conditions.forEach(body)
            values.forEach(body)
            if let otherwise { body(otherwise) }
        case .function(_, let arguments, _, _): arguments.forEach(body)
        }
    }

    /// Whether the expression is a constant that is never null (`count(1)` counts rows).
    var isNonNullConstant: Bool {
        if case .literal(let value, _) = self { return !value.isNull }
        return false
    }
}
