import Foundation
import GlueCore
import GlueJobs

/// Writes the Glue ETL script (Python, the `awsglue` API) for a job's nodes, in the style Glue
/// Studio generates for the same `CodeGenConfigurationNodes`: the standard imports and job
/// skeleton, Studio's helper functions where its nodes need them (`sparkSqlQuery`, `sparkUnion`,
/// `sparkAggregate`), one `# Script generated for node NAME` block per node in dependency order with
/// a variable named from the node's name and ID, `transformation_ctx` on every node (bookmarks), and
/// `job.commit()` last.
struct GlueScriptWriter {
    let exporter: JobExporter

    func write() throws(GlueError) -> String {
        let graph = exporter.graph
        var blocks: [String] = []
        var usesSQL = false, usesUnion = false, usesAggregate = false, usesDropNulls = false, usesRegex = false, usesFill = false, usesDataFrame = false
        var sqlCounter = 0
        for id in graph.order {
            guard let node = graph.nodes[id] else { continue }
            let name = exporter.names[id]
            let ctx = PythonLiteral.string(name)
            func input(_ index: Int = 0) -> String { index < node.inputs.count ? exporter.names[node.inputs[index]] : "None" }
            var code: String
            switch node {
            case .s3CsvSource(let source):
                var format: [(String, String)] = [
                    ("quoteChar", PythonLiteral.string(Self.quoteChar(source.quoteChar))),
                    ("withHeader", PythonLiteral.bool(source.withHeader ?? false)),
                    ("separator", PythonLiteral.string(try Self.separator(source.separator, id: id, node: node))),
                ]
                if let multiline = source.multiline { format.append(("multiLine", PythonLiteral.bool(multiline))) }
                if let escaper = source.escaper, !escaper.isEmpty { format.append(("escaper", PythonLiteral.string(escaper))) }
                if source.skipFirst == true { format.append(("skipFirst", "True")) }
                format.append(("optimizePerformance", PythonLiteral.bool(source.optimizePerformance ?? false)))
                code = "\(name) = glueContext.create_dynamic_frame.from_options(format_options=\(Self.dict(format)), connection_type=\"s3\", format=\"csv\", connection_options=\(Self.readOptions(source.paths, recurse: source.recurse, compression: source.compressionType, exclusions: source.exclusions, groupFiles: source.groupFiles, groupSize: source.groupSize)), transformation_ctx=\(ctx))"
            case .s3JsonSource(let source):
                var format: [(String, String)] = [("multiline", PythonLiteral.bool(source.multiline ?? false))]
                if let path = source.jsonPath, !path.isEmpty { format.append(("jsonPath", PythonLiteral.string(path))) }
                code = "\(name) = glueContext.create_dynamic_frame.from_options(format_options=\(Self.dict(format)), connection_type=\"s3\", format=\"json\", connection_options=\(Self.readOptions(source.paths, recurse: source.recurse, compression: source.compressionType, exclusions: source.exclusions, groupFiles: source.groupFiles, groupSize: source.groupSize)), transformation_ctx=\(ctx))"
            case .s3ParquetSource(let source):
                let compression = source.compressionType.flatMap { ["none", "uncompressed"].contains($0) ? nil : $0 }
                code = "\(name) = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type=\"s3\", format=\"parquet\", connection_options=\(Self.readOptions(source.paths, recurse: source.recurse, compression: compression, exclusions: source.exclusions, groupFiles: source.groupFiles, groupSize: source.groupSize)), transformation_ctx=\(ctx))"
            case .catalogSource(let source), .s3CatalogSource(let source):
                var arguments = "database=\(PythonLiteral.string(source.database)), table_name=\(PythonLiteral.string(source.table))"
                if let predicate = source.partitionPredicate, !predicate.isEmpty { arguments += ", push_down_predicate=\(PythonLiteral.string(predicate))" }
                code = "\(name) = glueContext.create_dynamic_frame.from_catalog(\(arguments), transformation_ctx=\(ctx))"
            case .applyMapping(let mapping):
                var tuples: [String] = []
                for entry in mapping.mapping where entry.dropped != true {
                    if entry.children != nil {
                        throw ExportRefusal.node(id, node, .glue, "mappings with Children (nested targets) are not exported yet")
                    }
                    let from = GluePath.dotted(entry.fromPath ?? [])
                    let fromType = entry.fromType ?? entry.toType ?? "string"
                    let to = entry.toKey ?? entry.fromPath?.last ?? ""
                    let toType = entry.toType ?? fromType
                    tuples.append("(\(PythonLiteral.string(from)), \(PythonLiteral.string(fromType)), \(PythonLiteral.string(to)), \(PythonLiteral.string(toType)))")
                }
                code = "\(name) = ApplyMapping.apply(frame=\(input()), mappings=[\(tuples.joined(separator: ", "))], transformation_ctx=\(ctx))"
            case .selectFields(let paths):
                code = "\(name) = SelectFields.apply(frame=\(input()), paths=\(PythonLiteral.list(paths.paths.map(GluePath.dotted))), transformation_ctx=\(ctx))"
            case .dropFields(let paths):
                code = "\(name) = DropFields.apply(frame=\(input()), paths=\(PythonLiteral.list(paths.paths.map(GluePath.dotted))), transformation_ctx=\(ctx))"
            case .renameField(let rename):
                code = "\(name) = RenameField.apply(frame=\(input()), old_name=\(PythonLiteral.string(GluePath.dotted(rename.sourcePath))), new_name=\(PythonLiteral.string(GluePath.dotted(rename.targetPath))), transformation_ctx=\(ctx))"
            case .filter(let filter):
                let lambda = try FilterLambda(exporter: exporter, id: id, node: node, filter: filter).python()
                if lambda.usesRegex { usesRegex = true }
                code = "\(name) = Filter.apply(frame=\(input()), f=lambda row: (\(lambda.text)), transformation_ctx=\(ctx))"
            case .join(let join):
                let (leftKeys, rightKeys) = try Self.joinKeys(join, node: node, id: id)
                if join.joinType == "equijoin" {
                    code = "\(name) = Join.apply(frame1=\(input(0)), frame2=\(input(1)), keys1=\(PythonLiteral.list(leftKeys)), keys2=\(PythonLiteral.list(rightKeys)), transformation_ctx=\(ctx))"
                } else {
                    usesDataFrame = true
                    let left = input(0) + "DF", right = input(1) + "DF"
                    let condition = zip(leftKeys, rightKeys).map { "(\(left)[\(PythonLiteral.string($0))] == \(right)[\(PythonLiteral.string($1))])" }.joined(separator: " & ")
                    code = "\(left) = \(input(0)).toDF()\n\(right) = \(input(1)).toDF()\n\(name) = DynamicFrame.fromDF(\(left).join(\(right), \(condition), \(PythonLiteral.string(join.joinType))), glueContext, \(ctx))"
                }
            case .union(let union):
                usesUnion = true
                code = "\(name) = sparkUnion(glueContext, unionType=\(PythonLiteral.string(union.unionType)), mapping={\"source1\": \(input(0)), \"source2\": \(input(1))}, transformation_ctx=\(ctx))"
            case .aggregate(let aggregate):
                usesAggregate = true
                let groups = PythonLiteral.list(aggregate.groups.map(GluePath.dotted))
                let aggs = aggregate.aggs.map { "[\(PythonLiteral.string(GluePath.dotted($0.column))), \(PythonLiteral.string($0.aggFunc))]" }.joined(separator: ", ")
                code = "\(name) = sparkAggregate(glueContext, parentFrame=\(input()), groups=\(groups), aggs=[\(aggs)], transformation_ctx=\(ctx))"
            case .dropDuplicates(let drop):
                usesDataFrame = true
                let columns = (drop.columns ?? []).map(GluePath.dotted)
                let call = columns.isEmpty ? "dropDuplicates()" : "dropDuplicates(\(PythonLiteral.list(columns)))"
                code = "\(name) = DynamicFrame.fromDF(\(input()).toDF().\(call), glueContext, \(ctx))"
            case .dropNullFields(let drop):
                let boxes = drop.nullCheckBoxList
                if boxes?.isEmpty == true || boxes?.isNullString == true || boxes?.isNegOne == true || !(drop.nullTextList ?? []).isEmpty {
                    usesDropNulls = true
                    let placeholders = (drop.nullTextList ?? []).map { "(\(PythonLiteral.string($0.value)), \(PythonLiteral.string($0.datatype.id)))" }
                    code = "\(name) = dropNullFieldsWithPlaceholders(glueContext, frame=\(input()), isEmpty=\(PythonLiteral.bool(boxes?.isEmpty ?? false)), isNullString=\(PythonLiteral.bool(boxes?.isNullString ?? false)), isNegOne=\(PythonLiteral.bool(boxes?.isNegOne ?? false)), placeholders=[\(placeholders.joined(separator: ", "))], transformation_ctx=\(ctx))"
                } else {
                    code = "\(name) = DropNullFields.apply(frame=\(input()), transformation_ctx=\(ctx))"
                }
            case .splitFields(let split):
                code = "\(name) = SplitFields.apply(frame=\(input()), paths=\(PythonLiteral.list(split.paths.map(GluePath.dotted))), name1=\(PythonLiteral.string(name + "0")), name2=\(PythonLiteral.string(name + "1")), transformation_ctx=\(ctx))"
            case .selectFromCollection(let select):
                guard select.index == 0 || select.index == 1 else {
                    throw ExportRefusal.node(id, node, .glue, "Index \(select.index) does not name a frame of SplitFields (0 or 1)")
                }
                code = "\(name) = SelectFromCollection.apply(dfc=\(input()), key=\(PythonLiteral.string(input() + String(select.index))), transformation_ctx=\(ctx))"
            case .fillMissingValues(let fill):
                usesFill = true
                var arguments = "frame=\(input()), missing_values_column=\(PythonLiteral.string(fill.imputedPath))"
                if let filled = fill.filledPath, !filled.isEmpty { arguments += ", output_column=\(PythonLiteral.string(filled))" }
                code = "\(name) = FillMissingValues.apply(\(arguments), transformation_ctx=\(ctx))"
            case .spigot(let spigot):
                var options: [(String, String)] = []
                if let topk = spigot.topk { options.append(("topk", String(topk))) }
                if let prob = spigot.prob { options.append(("prob", Self.number(prob))) }
                code = "\(name) = Spigot.apply(frame=\(input()), path=\(PythonLiteral.string(spigot.path)), options=\(Self.dict(options)), transformation_ctx=\(ctx))"
            case .sparkSQL(let sql):
                usesSQL = true
                sqlCounter += 1
                let queryName = "SqlQuery\(sqlCounter)"
                let mapping = sql.sqlAliases.map { "\(PythonLiteral.string($0.alias)): \(exporter.names[$0.from])" }.joined(separator: ", ")
                code = "\(queryName) = \(PythonLiteral.block(sql.sqlQuery))\n\(name) = sparkSqlQuery(glueContext, query=\(queryName), mapping={\(mapping)}, transformation_ctx=\(ctx))"
            case .s3DirectTarget(let target):
                var connection: [(String, String)] = [("path", PythonLiteral.string(target.path)), ("partitionKeys", PythonLiteral.list((target.partitionKeys ?? []).map(GluePath.dotted)))]
                var formatOptions: [(String, String)] = []
                let compression = (target.compression ?? "").lowercased()
                switch target.format {
                case "parquet":
                    if !compression.isEmpty { formatOptions.append(("compression", PythonLiteral.string(compression == "none" ? "uncompressed" : compression))) }
                case "csv", "json":
                    if compression == "gzip" || compression == "gz" { connection.append(("compression", "\"gzip\"")) }
                default:
                    throw ExportRefusal.node(id, node, .glue, "Format \(target.format) is not a format LocalGlue runs (csv, json, parquet)")
                }
                let format = formatOptions.isEmpty ? "" : ", format_options=\(Self.dict(formatOptions))"
                code = "\(name) = glueContext.write_dynamic_frame.from_options(frame=\(input()), connection_type=\"s3\", format=\(PythonLiteral.string(target.format)), connection_options=\(Self.dict(connection))\(format), transformation_ctx=\(ctx))"
            case .s3GlueParquetTarget(let target):
                let connection: [(String, String)] = [("path", PythonLiteral.string(target.path)), ("partitionKeys", PythonLiteral.list((target.partitionKeys ?? []).map(GluePath.dotted)))]
                let compression = (target.compression ?? "snappy").lowercased()
                code = "\(name) = glueContext.write_dynamic_frame.from_options(frame=\(input()), connection_type=\"s3\", format=\"glueparquet\", connection_options=\(Self.dict(connection)), format_options={\"compression\": \(PythonLiteral.string(compression == "none" ? "uncompressed" : compression))}, transformation_ctx=\(ctx))"
            case .catalogTarget(let target), .s3CatalogTarget(let target):
                let keys = PythonLiteral.list((target.partitionKeys ?? []).map(GluePath.dotted))
                if target.schemaChangePolicy?.enableUpdateCatalog == true {
                    let table = try exporter.table(target.database, target.table, id: id, node: node, target: .glue)
                    let behavior = target.schemaChangePolicy?.updateBehavior ?? "UPDATE_IN_DATABASE"
                    let format = table.format == "parquet" ? "\"glueparquet\", compression=\"snappy\"" : PythonLiteral.string(table.format)
                    code = """
                        \(name) = glueContext.getSink(path=\(PythonLiteral.string(table.location)), connection_type="s3", updateBehavior=\(PythonLiteral.string(behavior)), partitionKeys=\(keys), enableUpdateCatalog=True, transformation_ctx=\(ctx))
                        \(name).setCatalogInfo(catalogDatabase=\(PythonLiteral.string(target.database)), catalogTableName=\(PythonLiteral.string(target.table)))
                        \(name).setFormat(\(format))
                        \(name).writeFrame(\(input()))
                        """
                } else {
                    let options = (target.partitionKeys ?? []).isEmpty ? "" : ", additional_options={\"partitionKeys\": \(keys)}"
                    code = "\(name) = glueContext.write_dynamic_frame.from_catalog(frame=\(input()), database=\(PythonLiteral.string(target.database)), table_name=\(PythonLiteral.string(target.table))\(options), transformation_ctx=\(ctx))"
                }
            case .unsupported(let typeName, _):
                throw ExportRefusal.node(id, node, .glue, "\(typeName) nodes do not run in LocalGlue, so there is no tested behaviour to export")
            }
            blocks.append("# Script generated for node \(Self.comment(node.name ?? id))\n\(code)\n")
        }

        var header = """
            import sys
            from awsglue.transforms import *
            from awsglue.utils import getResolvedOptions
            from pyspark.context import SparkContext
            from awsglue.context import GlueContext
            from awsglue.job import Job

            """
        if usesSQL || usesUnion || usesAggregate || usesDataFrame || usesDropNulls { header += "from awsglue.dynamicframe import DynamicFrame\n" }
        if usesAggregate || usesDropNulls { header += "from pyspark.sql import functions as SqlFuncs\n" }
        if usesFill { header += "from awsglueml.transforms import FillMissingValues\n" }
        if usesRegex { header += "import re\n" }
        header += "\n"
        if usesSQL {
            header += """
                def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
                    for alias, frame in mapping.items():
                        frame.toDF().createOrReplaceTempView(alias)
                    result = spark.sql(query)
                    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


                """
        }
        if usesUnion {
            header += """
                def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
                    for alias, frame in mapping.items():
                        frame.toDF().createOrReplaceTempView(alias)
                    result = spark.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
                    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


                """
        }
        if usesAggregate {
            header += """
                def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
                    aggsFuncs = []
                    for column, func in aggs:
                        aggsFuncs.append(getattr(SqlFuncs, func)(column))
                    result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
                    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


                """
        }
        if usesDropNulls { header += Self.dropNullsHelper }
        header += """
            # Exported by localglue \(exporter.version) from job \(exporter.job.name): the same nodes, written as Glue Studio writes them.
            args = getResolvedOptions(sys.argv, ['JOB_NAME'])
            sc = SparkContext()
            glueContext = GlueContext(sc)
            spark = glueContext.spark_session
            job = Job(glueContext)
            job.init(args['JOB_NAME'], args)


            """
        return header + blocks.joined(separator: "\n") + "\njob.commit()\n"
    }

    /// DropNullFields with Studio's placeholder options, with LocalGlue's semantics: a top-level
    /// field goes when every value is null or a placeholder of its kind.
    static let dropNullsHelper = """
        def dropNullFieldsWithPlaceholders(glueContext, frame, isEmpty, isNullString, isNegOne, placeholders, transformation_ctx) -> DynamicFrame:
            def kind(name):
                name = name.lower()
                if name in ("tinyint", "smallint", "int", "integer", "bigint", "long", "short", "byte"):
                    return "integral"
                if name in ("float", "double"):
                    return "fractional"
                if name == "string" or name.startswith("char") or name.startswith("varchar"):
                    return "string"
                return name.split("(")[0]
            df = frame.toDF()
            checks = []
            for field in df.schema.fields:
                column = SqlFuncs.col("`" + field.name.replace("`", "``") + "`")
                fieldKind = kind(field.dataType.simpleString())
                tokens = []
                if fieldKind == "string":
                    tokens += [""] if isEmpty else []
                    tokens += ["null"] if isNullString else []
                if fieldKind in ("integral", "fractional", "decimal") and isNegOne:
                    tokens.append("-1")
                tokens += [value for value, typeName in placeholders if kind(typeName) == fieldKind]
                nullish = column.isNull()
                for token in tokens:
                    nullish = nullish | SqlFuncs.coalesce(column == SqlFuncs.lit(token).cast(field.dataType), SqlFuncs.lit(False))
                checks.append(SqlFuncs.sum(SqlFuncs.when(nullish, 0).otherwise(1)).alias(str(len(checks))))
            if not checks:
                return frame
            counts = df.agg(*checks).collect()[0]
            keep = [field.name for index, field in enumerate(df.schema.fields) if (counts[index] or 0) > 0]
            return DynamicFrame.fromDF(df.select(*[SqlFuncs.col("`" + name.replace("`", "``") + "`") for name in keep]), glueContext, transformation_ctx)


        """

    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    static func dict(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(PythonLiteral.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) + ".0" : String(value)
    }

    static func readOptions(_ paths: [String], recurse: Bool?, compression: String?, exclusions: [String]?, groupFiles: String?, groupSize: String?) -> String {
        var pairs: [(String, String)] = [("paths", PythonLiteral.list(paths))]
        pairs.append(("recurse", PythonLiteral.bool(recurse ?? true)))
        if let compression, !compression.isEmpty { pairs.append(("compressionType", PythonLiteral.string(compression))) }
        if let exclusions, !exclusions.isEmpty {
            pairs.append(("exclusions", PythonLiteral.string("[" + exclusions.map { PythonLiteral.string($0) }.joined(separator: ",") + "]")))
        }
        if let groupFiles, !groupFiles.isEmpty { pairs.append(("groupFiles", PythonLiteral.string(groupFiles))) }
        if let groupSize, !groupSize.isEmpty { pairs.append(("groupSize", PythonLiteral.string(groupSize))) }
        return dict(pairs)
    }

    /// Studio's `Separator` names as characters.
    static func separator(_ name: String, id: String, node: CodeGenConfigurationNode) throws(GlueError) -> String {
        switch name {
        case "comma": return ","
        case "ctrla": return "\u{01}"
        case "pipe": return "|"
        case "semicolon": return ";"
        case "tab": return "\t"
        default: throw GlueError(.invalidInput, "Unknown Separator \(name) in node \(id).")
        }
    }

    /// Studio's `QuoteChar` names as Glue's `quoteChar` option (`-1`: no quoting).
    static func quoteChar(_ name: String) -> String {
        switch name {
        case "single_quote": "'"
        case "disabled": "-1"
        default: "\""
        }
    }

    /// The key paths of a Join's left (first input) and right side, as dotted paths.
    static func joinKeys(_ join: JoinNode, node: CodeGenConfigurationNode, id: String) throws(GlueError) -> ([String], [String]) {
        let leftID = node.inputs.first ?? ""
        guard let left = join.columns.first(where: { $0.from == leftID }), let right = join.columns.first(where: { $0.from != leftID }) else {
            throw GlueError(.invalidInput, "Join Columns of node \(id) must name both inputs.")
        }
        return (left.keys.map(GluePath.dotted), right.keys.map(GluePath.dotted))
    }
}
