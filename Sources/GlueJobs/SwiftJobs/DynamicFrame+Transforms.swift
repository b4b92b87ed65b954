import GlueColumnar
import GlueCore
import GlueSQL
import GlueTransforms

// The transforms of Glue's DynamicFrame as methods. Each returns a new frame whose plan ends with
// the transform; the schema is checked at once, the data moves only when an action runs.
// `transformationContext` names the stage in plans, metrics and error records, as in awsglue.

extension DynamicFrame {
    /// Renames, retypes and nests fields; the output holds only the mapped fields. Mirrors
    /// `apply_mapping(mappings)` with `(source, sourceType, target, targetType)` tuples and Glue's
    /// type names (`"long"`, `"string"`, `"decimal(10,2)"`; Hive aliases accepted).
    ///
    /// - Throws: `InvalidInputException` for an unknown type name.
    public func applyMapping(_ mappings: [(String, String, String, String)], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        var parsed: [ApplyMapping.Mapping] = []
        for (source, sourceType, target, targetType) in mappings {
            parsed.append(try ApplyMapping.Mapping(source, sourceType, target, targetType))
        }
        return try applying(try ApplyMapping(parsed), transformationContext: transformationContext)
    }

    /// `apply_mapping` with parsed mappings (Studio's nested form flattened).
    ///
    /// - Throws: `InvalidInputException` when the mappings do not fit the schema.
    public func applyMapping(_ mappings: [ApplyMapping.Mapping], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(try ApplyMapping(mappings), transformationContext: transformationContext)
    }

    /// Keeps only the listed top-level fields. Mirrors `select_fields(paths)`.
    ///
    /// - Throws: `InvalidInputException` for a path that is not a field.
    public func selectFields(_ paths: [String], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(SelectFields(paths.map(FieldPath.init(parsing:))), transformationContext: transformationContext)
    }

    /// Removes the listed fields (dotted paths reach nested ones). Mirrors `drop_fields(paths)`.
    ///
    /// - Throws: `InvalidInputException` when the transform rejects the schema.
    public func dropFields(_ paths: [String], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(DropFields(paths.map(FieldPath.init(parsing:))), transformationContext: transformationContext)
    }

    /// Renames (or moves) one field. Mirrors `rename_field(oldName, newName)`.
    ///
    /// - Throws: `InvalidInputException` when `oldName` is not a field or `newName` clashes.
    public func renameField(_ oldName: String, _ newName: String, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(RenameField(FieldPath(parsing: oldName), to: FieldPath(parsing: newName)), transformationContext: transformationContext)
    }

    /// Keeps the records for which `predicate` is true. Mirrors `filter(f)`: a record whose
    /// predicate throws becomes an error record (see ``errorRecords``) instead of failing the job.
    ///
    /// This is the escape hatch for conditions SQL cannot state: each record is boxed and the
    /// closure called once per record (not vectorized). Prefer ``filter(where:transformationContext:)``.
    public func filter(transformationContext: String? = nil, _ predicate: @escaping @Sendable (DynamicRecord) throws -> Bool) throws(GlueError) -> DynamicFrame {
        try applying(Filter(predicate: predicate), transformationContext: transformationContext)
    }

    /// Keeps the records for which a Spark SQL condition is true, as Spark's `df.filter("...")`
    /// / `df.where("...")`: `frame.filter(where: "quantity * unit_price > 100 AND country IN ('DE', 'FR')")`.
    /// The condition runs on the vectorized expression engine (the one `SparkSQL` nodes use),
    /// with Spark's semantics: a null condition drops the record.
    ///
    /// - Throws: `InvalidInputException` with a `ParseException` for bad syntax, or an
    ///   `AnalysisException` naming an unknown column or function and the closest names, a type
    ///   error, or a condition that is not boolean, when the method is called, before any data is read.
    public func filter(where condition: String, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try filter(try SparkExpression.condition(condition, schema: schema), transformationContext: transformationContext)
    }

    /// Keeps the records for which a bound boolean expression over the frame's columns is true
    /// (null drops the record), evaluated column by column.
    ///
    /// - Throws: `InvalidInputException` when the expression is not boolean or does not fit the schema.
    public func filter(_ expression: ScalarExpression, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(try Filter(expression), transformationContext: transformationContext)
    }

    /// Keeps the records matching a Glue Studio filter (`LogicalOperator` and `Filters`), with the
    /// outcome of the Python lambda Studio generates, on the same engine.
    ///
    /// - Throws: `InvalidInputException` for a column the spec names that is not in the frame.
    public func filter(_ spec: FilterSpec, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(Filter(spec), transformationContext: transformationContext)
    }

    /// The columns computed by Spark SQL expressions, as Spark's `df.selectExpr(...)`:
    /// `frame.selectExpr("order_id", "quantity * unit_price AS amount", "upper(country) AS country")`.
    /// An item without an alias is named after its text (a column keeps its name); `*` is every column.
    ///
    /// - Throws: as ``filter(where:transformationContext:)``, when the method is called.
    public func selectExpr(_ items: String..., transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        let outputs = try SparkExpression.selectItems(items, schema: schema)
        return try applying(try Projection(outputs: outputs), transformationContext: transformationContext)
    }

    /// The frame with the column `name` set to a Spark SQL expression, as Spark's
    /// `df.withColumn(name, expr("..."))`: an existing column of that name (any case) is replaced
    /// in place, otherwise the column is added last.
    ///
    /// - Throws: as ``filter(where:transformationContext:)``, when the method is called.
    public func withColumn(_ name: String, _ expression: String, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        guard let computed = try SparkExpression.selectItems([expression], schema: schema).first else {
            throw GlueError(.invalidInput, "withColumn needs an expression.")
        }
        var outputs = schema.fields.enumerated().map { (name: $0.element.name, expression: ScalarExpression.column($0.offset, $0.element.dataType)) }
        if let index = schema.fields.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
            outputs[index] = (name, computed.expression)
        } else {
            outputs.append((name, computed.expression))
        }
        return try applying(try Projection(outputs: outputs), transformationContext: transformationContext)
    }

    /// Resolves choice (union) types. Mirrors `resolveChoice(specs=[(path, action)])` with Glue's
    /// actions `cast:TYPE`, `project:TYPE`, `make_cols`, `make_struct`.
    ///
    /// - Throws: `InvalidInputException` for an unknown action.
    public func resolveChoice(specs: [(String, String)], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        var parsed: [(FieldPath, ResolveChoice.Action)] = []
        for (path, action) in specs {
            parsed.append((FieldPath(parsing: path), try ResolveChoice.Action(parsing: action)))
        }
        return try applying(try ResolveChoice(specs: parsed), transformationContext: transformationContext)
    }

    /// Resolves every choice type with one action. Mirrors `resolveChoice(choice=action)`.
    ///
    /// - Throws: `InvalidInputException` for an unknown action.
    public func resolveChoice(choice: String, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(ResolveChoice(choice: try ResolveChoice.Action(parsing: choice)), transformationContext: transformationContext)
    }

    /// Joins with another frame on equal keys. Mirrors `frame1.join(paths1, paths2, frame2)`
    /// (an inner join) and Studio's `Join` types (`left`, `right`, `outer`, `leftsemi`, `leftanti`).
    ///
    /// In a job run the build side holds at most the run's join memory budget, as a Join node's does.
    ///
    /// - Throws: `InvalidInputException` for missing keys or clashing output names (rename a side first).
    public func join(
        _ paths1: [String], _ paths2: [String], _ other: DynamicFrame, type: Join.JoinType = .equijoin, transformationContext: String? = nil
    ) throws(GlueError) -> DynamicFrame {
        let join = try Join(
            type, leftKeys: paths1.map(FieldPath.init(parsing:)), rightKeys: paths2.map(FieldPath.init(parsing:)), memoryBudget: runtime.joinMemoryBudget)
        return DynamicFrame(plan: try .join(join, left: plan, right: other.plan, name: transformationContext), runtime: runtime)
    }

    /// The records of both frames (fields matched by name). Mirrors `union(other)` and Studio's
    /// `Union` (`ALL`, or `DISTINCT` to drop duplicate records).
    ///
    /// - Throws: `InvalidInputException` when a field has different types on the two sides.
    public func union(_ other: DynamicFrame, distinct: Bool = false, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        DynamicFrame(
            plan: try .operation(Union.make(distinct ? .distinct : .all), inputs: [plan, other.plan], name: transformationContext),
            runtime: runtime)
    }

    /// Groups and aggregates. Mirrors Studio's `Aggregate` node: `aggregations` pairs a column with
    /// one of Glue's `AggFunction` names (`"sum"`, `"avg"`, `"count"`, `"countDistinct"`, ...).
    ///
    /// - Throws: `InvalidInputException` for an unknown function or a column it cannot take.
    public func aggregate(groupBy groups: [String], _ aggregations: [(column: String, function: String)], transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        var parsed: [Aggregation] = []
        for (column, function) in aggregations {
            guard let aggFunc = AggFunc(rawValue: function) else {
                throw GlueError(.invalidInput, "Unknown aggregate function \(function); use one of \(AggFunc.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            parsed.append(Aggregation(aggFunc, FieldPath(parsing: column)))
        }
        return try applying(try Aggregate(groups: groups.map(FieldPath.init(parsing:)), aggregations: parsed), transformationContext: transformationContext)
    }

    /// Removes duplicate records (equal in every field, or in `columns`), keeping the first. Mirrors
    /// Studio's `DropDuplicates`.
    ///
    /// - Throws: `InvalidInputException` for a column that is not in the frame.
    public func dropDuplicates(_ columns: [String]? = nil, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(DropDuplicates(columns: columns.map { $0.map { FieldPath(parsing: $0) } }), transformationContext: transformationContext)
    }

    /// Removes the fields that are null in every record. Mirrors `DropNullFields.apply(frame)`;
    /// the flags add Studio's placeholders (empty string, the text `null`, -1).
    ///
    /// - Throws: `InvalidInputException` when the transform rejects the schema.
    public func dropNullFields(
        isEmpty: Bool = false, isNullString: Bool = false, isNegOne: Bool = false, transformationContext: String? = nil
    ) throws(GlueError) -> DynamicFrame {
        try applying(DropNullFields(isEmpty: isEmpty, isNullString: isNullString, isNegOne: isNegOne), transformationContext: transformationContext)
    }

    /// Fills the missing values of a numeric field with its mean, into `filledPath` (default
    /// `<field>_filled`). Mirrors `FillMissingValues.apply(frame, missing_values_column)`.
    ///
    /// - Throws: `InvalidInputException` for a field that is not numeric.
    public func fillMissingValues(_ imputedPath: String, filledPath: String? = nil, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(FillMissingValues(imputedPath: imputedPath, filledPath: filledPath), transformationContext: transformationContext)
    }

    /// Applies a closure to every record. Mirrors `map(f)`: a record whose closure throws or
    /// returns `nil`, or whose result does not fit `outputSchema`, becomes an error record.
    ///
    /// - Parameter outputSchema: the schema of the records returned; `nil` keeps this frame's.
    public func map(
        outputSchema: Schema? = nil, transformationContext: String? = nil, _ function: @escaping @Sendable (DynamicRecord) throws -> DynamicRecord?
    ) throws(GlueError) -> DynamicFrame {
        try applying(Map(outputSchema: outputSchema, function), transformationContext: transformationContext)
    }

    /// Applies a closure that returns any number of records for each record (errors as in ``map(outputSchema:transformationContext:_:)``).
    public func flatMap(
        outputSchema: Schema? = nil, transformationContext: String? = nil, _ function: @escaping @Sendable (DynamicRecord) throws -> [DynamicRecord]
    ) throws(GlueError) -> DynamicFrame {
        try applying(FlatMap(outputSchema: outputSchema, function), transformationContext: transformationContext)
    }

    /// Applies any batch operator: the way to use a transform of ``GlueTransforms`` this type has
    /// no method for.
    ///
    /// - Throws: the operator's schema errors.
    public func apply(_ operation: some BatchOperator, transformationContext: String? = nil) throws(GlueError) -> DynamicFrame {
        try applying(operation, transformationContext: transformationContext)
    }
}
