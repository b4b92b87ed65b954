import Foundation
import GlueCore
import GlueJobs
import GlueSQL
import GlueTransforms

/// Writes a plain PySpark script (DataFrame API, no `awsglue`) with LocalGlue's semantics for a
/// job's nodes, runnable with `spark-submit` on Spark 3.x and 4.x.
///
/// Every S3 path is a command-line option named after its node (`--NODE_ID`, defaults: the job's
/// paths) and `--path-prefix FROM=TO` rewrites the start of the default paths, so the same script
/// reads `s3://`, `s3a://`, `hdfs://` or local folders. Sources read with the declared schema
/// (`OutputSchemas`, catalog columns) because LocalGlue does not let Spark infer types; writes
/// overwrite their folder. Nodes whose semantics Spark cannot reproduce are refused by name.
struct PySparkScriptWriter {
    let exporter: JobExporter

    private struct Option {
        var flag: String
        var dest: String
        var many: Bool
        var defaults: [String]
        var help: String
    }

    func write() throws(GlueError) -> String {
        let graph = exporter.graph
        var options: [Option] = []
        var usedFlags: Set<String> = ["path-prefix", "help", "h"]
        var blocks: [String] = []
        var needs: Set<String> = []
        func option(_ id: String, _ node: CodeGenConfigurationNode, paths: [String], many: Bool) -> String {
            var flag = id
            while usedFlags.contains(flag) { flag += "-path" }
            usedFlags.insert(flag)
            let dest = "path_\(options.count)"
            let verb = many ? "reads" : "writes"
            let label = node.name.map { "'\($0)' " } ?? ""
            options.append(Option(flag: flag, dest: dest, many: many, defaults: paths, help: "\(node.typeName) node \(label)(\(id)) \(verb) \(paths.joined(separator: " "))"))
            return many ? "_paths(args.\(dest), \(PythonLiteral.list(paths)))" : "_paths([args.\(dest)] if args.\(dest) else None, \(PythonLiteral.list(paths)))[0]"
        }
        for id in graph.order {
            guard let node = graph.nodes[id] else { continue }
            let name = exporter.names[id]
            func input(_ index: Int = 0) -> String { index < node.inputs.count ? exporter.names[node.inputs[index]] : "None" }
            func refuse(_ reason: String) -> GlueError { ExportRefusal.node(id, node, .pyspark, reason) }
            func topLevel(_ paths: [PathSegments], _ what: String) throws(GlueError) -> [String] {
                guard paths.allSatisfy({ $0.count == 1 }) else { throw refuse("\(what) of nested fields are not exported yet") }
                return paths.map { $0[0] }
            }
            var code: String
            switch node {
            case .s3CsvSource(let source):
                let declared = StaticSchemas.declared(source.outputSchemas)
                guard let fields = declared ?? exporter.inferred[id], let ddl = SparkTypeName.ddl(fields) else {
                    throw refuse("the source declares no OutputSchemas and its files are not in the lake: LocalGlue infers the columns from the first file with Glue's CSV classifier, which Spark's reader does not reproduce; declare the columns in OutputSchemas")
                }
                let inferredNote = declared == nil ? "# The columns LocalGlue inferred from the lake's files at export time (Glue's CSV classifier, first file).\n" : ""
                try checkCommon(exclusions: source.exclusions, compression: source.compressionType, refuse: refuse)
                if source.withHeader == true && source.skipFirst == true { throw refuse("WithHeader and SkipFirst together skip two lines, which Spark's CSV reader cannot") }
                let separator = try GlueScriptWriter.separator(source.separator, id: id, node: node)
                var readOptions: [(String, String)] = [
                    ("header", PythonLiteral.string(String(source.withHeader == true || source.skipFirst == true))),
                    ("sep", PythonLiteral.string(separator)),
                ]
                switch source.quoteChar {
                case "disabled": readOptions.append(("quote", PythonLiteral.string("\u{0}")))
                case "single_quote": readOptions.append(("quote", "\"'\""))
                default: readOptions.append(("quote", "\"\\\"\""))
                }
                readOptions.append(("escape", PythonLiteral.string(source.escaper.flatMap { $0.isEmpty ? nil : $0 } ?? (source.quoteChar == "single_quote" ? "'" : "\""))))
                readOptions.append(("multiLine", PythonLiteral.string(String(source.multiline ?? false))))
                readOptions += [("mode", "\"DROPMALFORMED\"")] + commonReadOptions(recurse: source.recurse)
                code = inferredNote + "\(name) = spark.read.format(\"csv\").options(**\(GlueScriptWriter.dict(readOptions))).schema(\(PythonLiteral.string(ddl))).load(\(option(id, node, paths: source.paths, many: true)))"
            case .s3JsonSource(let source):
                let declared = StaticSchemas.declared(source.outputSchemas)
                guard let fields = declared ?? exporter.inferred[id] else {
                    throw refuse("the source declares no OutputSchemas and its files are not in the lake: LocalGlue infers the columns from the records, which Spark's reader does not reproduce; declare the columns in OutputSchemas")
                }
                guard let ddl = SparkTypeName.ddl(fields) else {
                    throw refuse("a column holds values of several types (a choice type), which a DataFrame column cannot; resolve it in OutputSchemas")
                }
                let inferredNote = declared == nil ? "# The columns LocalGlue inferred from the lake's files at export time.\n" : ""
                if let path = source.jsonPath, !path.isEmpty, path != "$[*]" { throw refuse("JsonPath has no equivalent in Spark's JSON reader") }
                try checkCommon(exclusions: source.exclusions, compression: source.compressionType, refuse: refuse)
                var readOptions: [(String, String)] = [("multiLine", PythonLiteral.string(String(source.multiline ?? false)))]
                readOptions += [("mode", "\"DROPMALFORMED\"")] + commonReadOptions(recurse: source.recurse)
                code = inferredNote + "\(name) = spark.read.format(\"json\").options(**\(GlueScriptWriter.dict(readOptions))).schema(\(PythonLiteral.string(ddl))).load(\(option(id, node, paths: source.paths, many: true)))"
            case .s3ParquetSource(let source):
                try checkCommon(exclusions: source.exclusions, compression: nil, refuse: refuse)
                code = "\(name) = spark.read.format(\"parquet\").options(**\(GlueScriptWriter.dict(commonReadOptions(recurse: source.recurse)))).load(\(option(id, node, paths: source.paths, many: true)))"
                if let fields = StaticSchemas.declared(source.outputSchemas) {
                    var columns: [String] = []
                    for field in fields {
                        guard let type = SparkTypeName.of(field.dataType) else { throw refuse("column \(field.name) has a choice type") }
                        columns.append("_col([\(PythonLiteral.string(field.name))]).cast(\(PythonLiteral.string(type))).alias(\(PythonLiteral.string(field.name)))")
                    }
                    code += "\n\(name) = \(name).select(\(columns.joined(separator: ", ")))"
                }
            case .catalogSource, .s3CatalogSource:
                guard let table = exporter.sourceTables[id] else { throw refuse("its catalog table was not resolved") }
                guard let dataDDL = SparkTypeName.ddl(table.dataColumns), let fullDDL = SparkTypeName.ddl(table.dataColumns + table.partitionKeys) else {
                    throw refuse("the table has a choice type")
                }
                var readOptions: [(String, String)] = []
                if table.format == "csv" {
                    readOptions = [
                        ("header", PythonLiteral.string(String(table.withHeader))), ("sep", PythonLiteral.string(table.separator)),
                        ("quote", PythonLiteral.string(table.quoteChar ?? "\u{0}")), ("escape", PythonLiteral.string(table.escaper ?? table.quoteChar ?? "\\")),
                    ]
                }
                if table.format != "parquet" { readOptions.append(("mode", "\"DROPMALFORMED\"")) }
                readOptions.append(("recursiveFileLookup", "\"true\""))
                let path = option(id, node, paths: [table.location], many: false)
                let reader = "spark.read.format(\(PythonLiteral.string(table.format))).options(**\(GlueScriptWriter.dict(readOptions)))"
                var lines = ["# The catalog table \(table.database).\(table.name) (\(table.format)), read under its location."]
                if table.partitionKeys.isEmpty {
                    lines.append("\(name) = \(reader).schema(\(PythonLiteral.string(dataDDL))).load(\(path))")
                } else {
                    needs.insert("catalogSource")
                    lines.append("# LocalGlue reads the partitions registered in the catalog that match the PartitionPredicate; these are")
                    lines.append("# the ones the lake's catalog had at export time (folder relative to the table, values as stored).")
                    var entries: [String] = []
                    for partition in table.partitions {
                        let folder = partition.location.hasPrefix(table.location) ? String(partition.location.dropFirst(table.location.count)) : partition.location
                        let values = partition.values.map { $0.map(PythonLiteral.string) ?? "None" }.joined(separator: ", ")
                        entries.append("(\(PythonLiteral.string(folder)), [\(values)])")
                    }
                    let keys = table.partitionKeys.map { field in "(\(PythonLiteral.string(field.name)), \(PythonLiteral.string(SparkTypeName.of(field.dataType) ?? "string")))" }
                    lines.append("\(name)Partitions = [\(entries.joined(separator: ",\n    "))]")
                    lines.append("\(name) = _catalog_partitions(\(reader).schema(\(PythonLiteral.string(dataDDL))), \(path), \(name)Partitions, [\(keys.joined(separator: ", "))], \(PythonLiteral.string(fullDDL)))")
                }
                code = lines.joined(separator: "\n")
            case .applyMapping(let mapping):
                needs.insert("applyMapping")
                var tuples: [String] = []
                for entry in mapping.mapping where entry.dropped != true {
                    if entry.children != nil { throw refuse("mappings with Children (nested targets) are not exported yet") }
                    let target = entry.toKey ?? entry.fromPath?.last ?? ""
                    if target.contains(".") { throw refuse("the target '\(target)' makes a nested field, which is not exported yet") }
                    let fromType = try entry.fromType.map { (text) throws(GlueError) in try sparkType(text, refuse) }
                    let toType = try entry.toType.map { (text) throws(GlueError) in try sparkType(text, refuse) }
                    tuples.append("(\(PythonLiteral.list(entry.fromPath ?? [])), \(fromType.map(PythonLiteral.string) ?? "None"), \(PythonLiteral.string(target)), \(toType.map(PythonLiteral.string) ?? "None"))")
                }
                code = "\(name) = _apply_mapping(\(input()), [\(tuples.joined(separator: ", "))])"
            case .selectFields(let paths):
                needs.insert("fields")
                code = "\(name) = _select_fields(\(input()), \(PythonLiteral.list(try topLevel(paths.paths, "SelectFields"))))"
            case .dropFields(let paths):
                code = "\(name) = \(input()).drop(\(try topLevel(paths.paths, "DropFields").map(PythonLiteral.string).joined(separator: ", ")))"
            case .renameField(let rename):
                guard rename.sourcePath.count == 1, rename.targetPath.count == 1 else { throw refuse("renames of nested fields are not exported yet") }
                code = "\(name) = \(input()).withColumnRenamed(\(PythonLiteral.string(rename.sourcePath[0])), \(PythonLiteral.string(rename.targetPath[0])))"
            case .filter(let filter):
                needs.insert("filter")
                var specs: [String] = []
                for expression in filter.filters {
                    let values = expression.values.map { value in
                        value.type == "COLUMNEXTRACTED"
                            ? "(\"column\", \(PythonLiteral.list(value.value)))" : "(\"constant\", \(PythonLiteral.string(value.value.first ?? "")))"
                    }
                    specs.append("(\(PythonLiteral.string(expression.operation)), \(PythonLiteral.bool(expression.negated ?? false)), [\(values.joined(separator: ", "))])")
                }
                code = "\(name) = _studio_filter(\(input()), \(PythonLiteral.string(filter.logicalOperator)), [\(specs.joined(separator: ", "))])"
            case .join(let join):
                let (leftKeys, rightKeys) = try GlueScriptWriter.joinKeys(join, node: node, id: id)
                let how: String = switch join.joinType {
                case "equijoin": "inner"
                case "outer": "full"
                case "leftsemi": "left_semi"
                case "leftanti": "left_anti"
                default: join.joinType
                }
                let condition = zip(join.columns.first { $0.from == node.inputs.first }?.keys ?? [], join.columns.first { $0.from != node.inputs.first }?.keys ?? [])
                    .map { "(\(input(0))[\(PythonLiteral.string(Self.quoted($0.0)))] == \(input(1))[\(PythonLiteral.string(Self.quoted($0.1)))])" }
                    .joined(separator: " & ")
                _ = (leftKeys, rightKeys)
                code = "# Glue's Join keeps the fields of both sides; a null key never matches.\n"
                code += "\(name) = \(input(0)).join(\(input(1)), \(condition), \(PythonLiteral.string(how)))"
            case .union(let union):
                code = "# Columns match by position, as in Studio's UNION \(union.unionType).\n"
                code += "\(name) = \(input(0)).union(\(input(1)))" + (union.unionType == "DISTINCT" ? ".distinct()" : "")
            case .aggregate(let aggregate):
                needs.insert("aggregate")
                let aggs = aggregate.aggs.map { "(\(PythonLiteral.list($0.column)), \(PythonLiteral.string($0.aggFunc)))" }.joined(separator: ", ")
                let groups = aggregate.groups.map { PythonLiteral.list($0) }.joined(separator: ", ")
                code = "\(name) = _aggregate(\(input()), [\(groups)], [\(aggs)])"
            case .dropDuplicates(let drop):
                let columns = try topLevel(drop.columns ?? [], "DropDuplicates columns")
                if columns.isEmpty {
                    code = "\(name) = \(input()).dropDuplicates()"
                } else {
                    needs.insert("dropDuplicates")
                    code = "\(name) = _drop_duplicates(\(input()), \(PythonLiteral.list(columns)))"
                }
            case .dropNullFields(let drop):
                needs.insert("dropNullFields")
                let boxes = drop.nullCheckBoxList
                var placeholders: [String] = []
                for entry in drop.nullTextList ?? [] {
                    let type = try sparkType(entry.datatype.id, refuse)
                    placeholders.append("(\(PythonLiteral.string(entry.value)), \(PythonLiteral.string(type)))")
                }
                code = "\(name) = _drop_null_fields(\(input()), \(PythonLiteral.bool(boxes?.isEmpty ?? false)), \(PythonLiteral.bool(boxes?.isNullString ?? false)), \(PythonLiteral.bool(boxes?.isNegOne ?? false)), [\(placeholders.joined(separator: ", "))])"
            case .splitFields(let split):
                _ = try topLevel(split.paths, "SplitFields")
                code = "# SplitFields: a collection of two frames, taken apart by the SelectFromCollection nodes below.\n\(name) = \(input())"
            case .selectFromCollection(let select):
                guard let splitID = node.inputs.first, case .splitFields(let split)? = graph.nodes[splitID] else {
                    throw refuse("its input is not a SplitFields node")
                }
                let names = try topLevel(split.paths, "SplitFields")
                switch select.index {
                case 0:
                    needs.insert("fields")
                    code = "\(name) = _select_fields(\(input()), \(PythonLiteral.list(names)))"
                case 1: code = "\(name) = \(input()).drop(\(names.map(PythonLiteral.string).joined(separator: ", ")))"
                default: throw refuse("Index \(select.index) does not name a frame of SplitFields (0 or 1)")
                }
            case .sparkSQL(let sql):
                do { try SQLQueryCheck.check(sql.sqlQuery) } catch { throw refuse("its query is not SQL LocalGlue runs: \(error.message)") }
                var lines: [String] = []
                for alias in sql.sqlAliases { lines.append("\(exporter.names[alias.from]).createOrReplaceTempView(\(PythonLiteral.string(alias.alias)))") }
                lines.append("\(name) = spark.sql(\(PythonLiteral.block(sql.sqlQuery)))")
                code = lines.joined(separator: "\n")
            case .fillMissingValues(let fill):
                needs.insert("fillMissingValues")
                let filled = fill.filledPath.flatMap { $0.isEmpty ? nil : $0 } ?? "\(fill.imputedPath)_filled"
                code = "\(name) = _fill_missing_values(\(input()), \(PythonLiteral.string(fill.imputedPath)), \(PythonLiteral.string(filled)))"
            case .spigot(let spigot):
                if spigot.prob != nil {
                    throw refuse("Spigot with Prob draws records with LocalGlue's seeded generator, which Spark's sampling does not reproduce; use Topk, or export to glue")
                }
                needs.insert("json")
                let count = spigot.topk ?? 100
                let path = option(id, node, paths: [spigot.path], many: false)
                code = "# Spigot: the first \(count) records in the frame's order as JSON Lines under its path; every record passes on.\n"
                code += "_json_ready(spark.createDataFrame(\(input()).take(\(count)), \(input()).schema)).coalesce(1).write.mode(\"overwrite\").format(\"json\").options(**{\"ignoreNullFields\": \"false\"}).save(\(path))\n"
                code += "\(name) = \(input())"
            case .s3DirectTarget(let target):
                let compression = (target.compression ?? "").lowercased()
                var writeOptions: [(String, String)] = []
                switch target.format {
                case "parquet":
                    writeOptions.append(("compression", PythonLiteral.string(compression.isEmpty ? "snappy" : compression == "uncompressed" ? "none" : compression)))
                case "csv":
                    writeOptions.append(("header", "\"true\""))
                    if compression == "gzip" || compression == "gz" { writeOptions.append(("compression", "\"gzip\"")) }
                case "json":
                    needs.insert("json")
                    writeOptions.append(("ignoreNullFields", "\"false\""))
                    if compression == "gzip" || compression == "gz" { writeOptions.append(("compression", "\"gzip\"")) }
                default: throw refuse("Format \(target.format) is not a format LocalGlue writes (csv, json, parquet)")
                }
                let keys = try topLevel(target.partitionKeys ?? [], "PartitionKeys")
                code = write(name: name, input: input(), format: target.format, options: writeOptions, keys: keys, path: option(id, node, paths: [target.path], many: false), dynamic: false)
            case .s3GlueParquetTarget(let target):
                let compression = (target.compression ?? "snappy").lowercased()
                let keys = try topLevel(target.partitionKeys ?? [], "PartitionKeys")
                code = write(
                    name: name, input: input(), format: "parquet", options: [("compression", PythonLiteral.string(compression == "uncompressed" ? "none" : compression))],
                    keys: keys, path: option(id, node, paths: [target.path], many: false), dynamic: false)
            case .catalogTarget(let target), .s3CatalogTarget(let target):
                needs.insert("catalogTarget")
                let table = try exporter.table(target.database, target.table, id: id, node: node, target: .pyspark)
                let tableKeys = table.partitionKeys.map(\.name)
                let nodeKeys = try topLevel(target.partitionKeys ?? [], "PartitionKeys")
                let keys = nodeKeys.isEmpty ? tableKeys : nodeKeys
                var dataColumns: [String] = []
                for field in table.dataColumns {
                    guard let type = SparkTypeName.of(field.dataType) else { throw refuse("column \(field.name) has a choice type") }
                    dataColumns.append("(\(PythonLiteral.string(field.name)), \(PythonLiteral.string(type)))")
                }
                let updatesSchema = target.schemaChangePolicy?.enableUpdateCatalog == true
                    && (target.schemaChangePolicy?.updateBehavior ?? "UPDATE_IN_DATABASE") == "UPDATE_IN_DATABASE"
                var writeOptions: [(String, String)] = []
                switch table.format {
                case "parquet": writeOptions = [("compression", "\"snappy\"")]
                case "csv":
                    writeOptions = [
                        ("header", PythonLiteral.string(String(table.withHeader))), ("sep", PythonLiteral.string(table.separator)),
                        ("quote", PythonLiteral.string(table.quoteChar ?? "\u{0}")),
                    ]
                default:
                    needs.insert("json")
                    writeOptions = [("ignoreNullFields", "\"false\"")]
                }
                let framed = "\(name)Frame"
                var lines: [String] = []
                lines.append("# The catalog table \(table.database).\(table.name) (\(table.format)): written under its location, partitioned by its keys,")
                lines.append("# replacing only the partitions written. Registering the new partitions in a catalog is not done here: run")
                lines.append("# MSCK REPAIR TABLE or a crawler, or create them with glue batch-create-partition.")
                let known = (table.dataColumns.map(\.name) + tableKeys).map { "\(PythonLiteral.string($0.lowercased()))" }.joined(separator: ", ")
                let added = updatesSchema
                    ? "[(f.name.lower(), f.dataType.simpleString()) for f in \(input()).schema.fields if f.name.lower() not in (\(known)\(known.isEmpty ? "" : ","))]"
                    : "[]"
                lines.append("\(framed) = _table_columns(\(input()), [\(dataColumns.joined(separator: ", "))], \(added), \(PythonLiteral.list(keys)))")
                lines.append(write(name: name, input: framed, format: table.format, options: writeOptions, keys: keys, path: option(id, node, paths: [table.location], many: false), dynamic: !keys.isEmpty))
                code = lines.joined(separator: "\n")
            case .unsupported(let typeName, _):
                throw refuse("\(typeName) nodes do not run in LocalGlue, so there is no tested behaviour to export")
            }
            blocks.append("# Node \(GlueScriptWriter.comment(node.name ?? id)) (\(node.typeName) \(id))\n\(code)\n")
        }

        var script = """
            # PySpark script exported by localglue \(exporter.version) from job \(exporter.job.name): the DataFrame API only (no awsglue),
            # for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
            #
            #   spark-submit \(exporter.job.name).pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
            #
            # Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
            # the default paths (repeatable). Outputs are overwritten.
            import argparse

            from pyspark.sql import SparkSession
            from pyspark.sql import functions as F

            parser = argparse.ArgumentParser(description=\(PythonLiteral.string("Job \(exporter.job.name), exported by localglue.")))

            """
        for option in options {
            let nargs = option.many ? ", nargs=\"+\"" : ""
            script += "parser.add_argument(\(PythonLiteral.string("--" + option.flag)), dest=\(PythonLiteral.string(option.dest))\(nargs), metavar=\"PATH\", help=\(PythonLiteral.string(option.help.replacingOccurrences(of: "%", with: "%%"))))\n"
        }
        script += """
            parser.add_argument("--path-prefix", action="append", default=[], metavar="FROM=TO", help="rewrite the start of the job's default paths (repeatable), e.g. s3://=file:///data/")
            args = parser.parse_args()


            """
        script += PySparkHelpers.base
        if needs.contains("applyMapping") { script += PySparkHelpers.applyMapping }
        if needs.contains("fields") { script += PySparkHelpers.fields }
        if needs.contains("filter") { script += PySparkHelpers.filter }
        if needs.contains("aggregate") { script += PySparkHelpers.aggregate }
        if needs.contains("dropNullFields") { script += PySparkHelpers.dropNullFields }
        if needs.contains("catalogTarget") { script += PySparkHelpers.catalogTarget }
        if needs.contains("json") { script += PySparkHelpers.jsonTarget }
        if needs.contains("catalogSource") { script += PySparkHelpers.catalogSource }
        if needs.contains("fillMissingValues") { script += PySparkHelpers.fillMissingValues }
        if needs.contains("dropDuplicates") { script += PySparkHelpers.dropDuplicates }
        script += """
            spark = SparkSession.builder.appName(\(PythonLiteral.string(exporter.job.name))).getOrCreate()
            # LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
            spark.conf.set("spark.sql.ansi.enabled", "false")
            spark.conf.set("spark.sql.session.timeZone", "UTC")
            # Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
            spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")


            """
        script += blocks.joined(separator: "\n")
        script += "\nspark.stop()\n"
        return script
    }

    private func write(name: String, input: String, format: String, options: [(String, String)], keys: [String], path: String, dynamic: Bool) -> String {
        var line = format == "json" ? "# JSON Lines as LocalGlue writes them: every column (nulls too), its timestamp text.\n_json_ready(\(input))" : input
        line += ".write.mode(\"overwrite\")"
        if dynamic { line += ".option(\"partitionOverwriteMode\", \"dynamic\")" }
        if !keys.isEmpty { line += ".partitionBy(\(keys.map(PythonLiteral.string).joined(separator: ", ")))" }
        line += ".format(\(PythonLiteral.string(format)))"
        if !options.isEmpty { line += ".options(**\(GlueScriptWriter.dict(options)))" }
        return line + ".save(\(path))"
    }

    private func checkCommon(exclusions: [String]?, compression: String?, refuse: (String) -> GlueError) throws(GlueError) {
        if let exclusions, !exclusions.isEmpty { throw refuse("Exclusions (globs over S3 keys) have no equivalent in Spark's readers") }
        if let compression, compression.lowercased() == "bzip2" { throw refuse("bzip2 input is refused by LocalGlue") }
    }

    private func commonReadOptions(recurse: Bool?) -> [(String, String)] {
        [("recursiveFileLookup", PythonLiteral.string(String(recurse ?? true)))]
    }

    private func sparkType(_ glueName: String, _ refuse: (String) -> GlueError) throws(GlueError) -> String {
        let type: DataType
        do { type = try GlueTypeName.parse(glueName) } catch { throw refuse("unknown type name '\(glueName)'") }
        guard let name = SparkTypeName.of(type) else { throw refuse("type '\(glueName)' has no Spark column type") }
        return name
    }

    /// A column reference for `df[...]`: back-ticks around a name with a dot.
    static func quoted(_ path: [String]) -> String {
        path.map { $0.contains(".") ? "`\($0)`" : $0 }.joined(separator: ".")
    }
}
