import Foundation
import GlueColumnar
import GlueCSV
import GlueJSON
import GlueCore
import GlueCatalog
import GlueExecution
import GlueStorage
import GlueTransforms

/// Turns a validated node graph into a pipeline, node by node in dependency order. Each pipeline
/// stage is named after its node ID, so the run's metrics map back to the nodes.
struct GraphCompiler {
    let graph: JobGraph
    let request: JobExecutionRequest
    let store: any ObjectStore
    let outputs: RunOutputs
    let control: RunControl
    var pipeline: Pipeline
    var compiled: [String: Pipeline.NodeID] = [:]
    /// The sources, for their rejected records after the run.
    var scans: [S3FileScan] = []
    /// The Data Catalog as the run's principal sees it, opened on first use (catalog nodes).
    let catalogProvider: (@Sendable (JobDefinition) throws(GlueError) -> any CatalogStore)?
    var catalogCache: (any CatalogStore)?
    /// The memory budget of each Join's build side (``ExecutionEnvironment/joinMemoryBudget``).
    var joinMemoryBudget: Int?

    init(
        graph: JobGraph, request: JobExecutionRequest, store: any ObjectStore, outputs: RunOutputs, control: RunControl, options: ExecutionOptions,
        catalog: (@Sendable (JobDefinition) throws(GlueError) -> any CatalogStore)? = nil
    ) {
        self.catalogProvider = catalog
        self.graph = graph
        self.request = request
        self.store = store
        self.outputs = outputs
        self.control = control
        self.pipeline = Pipeline(options: options)
    }

    var runStartMillis: Int64 { Int64((request.runStart.timeIntervalSince1970 * 1_000).rounded()) }

    mutating func compile() throws(GlueError) -> Pipeline {
        for nodeID in graph.order {
            guard let node = graph.nodes[nodeID] else { continue }
            do {
                try compile(node, id: nodeID)
            } catch {
                throw error.adding(context: "while planning \(JobGraph.label(nodeID, node))")
            }
        }
        return pipeline
    }

    func input(_ node: CodeGenConfigurationNode, _ index: Int = 0) throws(GlueError) -> Pipeline.NodeID {
        guard index < node.inputs.count, let id = compiled[node.inputs[index]] else {
            throw GlueError(.internalService, "Node input \(index) was not planned before its consumer.")
        }
        return id
    }

    mutating func add(_ operation: any BatchOperator, inputs: [Pipeline.NodeID], id: String) throws(GlueError) {
        compiled[id] = try pipeline.add(operation, inputs: inputs, name: id)
    }

    mutating func compile(_ node: CodeGenConfigurationNode, id: String) throws(GlueError) {
        switch node {
        case .s3ParquetSource(let source):
            let objects = try listObjects(paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [], id: id, maxBand: source.maxBand)
            let decoder = ParquetFileDecoder(store: store)
            var schema = try declaredSchema(source.outputSchemas) ?? Schema([])
            if schema.count == 0, let first = objects.first { schema = try decoder.schema(of: first) }
            addScan(S3FileScan(schema: schema, name: "S3ParquetSource", objects: objects, decoder: decoder, control: control), id: id)
        case .s3CsvSource(let source):
            let objects = try listObjects(paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [], id: id, maxBand: source.maxBand)
            var options = try SourceSchemaInference.csvOptions(source)
            var schema = try declaredSchema(source.outputSchemas) ?? Schema([])
            if schema.count == 0 {
                if let first = objects.first {
                    let sniffed = try CSVFileDecoder.sniff(first, store: store, options: options, header: source.withHeader ?? false)
                    schema = sniffed.schema
                    options.withHeader = source.withHeader ?? false
                }
            }
            guard schema.count > 0 else {
                // Nothing to read and no declared columns: an empty frame.
                addScan(S3FileScan(schema: Schema([]), name: "S3CsvSource", objects: [], decoder: ParquetFileDecoder(store: store), control: control), id: id)
                return
            }
            let reader = try CSVReader(schema: schema, options: options, workers: pipeline.options.parallelism)
            addScan(S3FileScan(schema: schema, name: "S3CsvSource", objects: objects, decoder: CSVFileDecoder(store: store, reader: reader, nodeID: id), control: control), id: id)
        case .s3JsonSource(let source):
            let objects = try listObjects(paths: source.paths, recurse: source.recurse ?? true, exclusions: source.exclusions ?? [], id: id, maxBand: source.maxBand)
            let options = try SourceSchemaInference.jsonOptions(source)
            var schema = try declaredSchema(source.outputSchemas) ?? Schema([])
            if schema.count == 0 { schema = try JSONFileDecoder.inferSchema(objects, store: store, options: options) }
            let reader = try JSONReader(schema: schema, options: options, workers: pipeline.options.parallelism)
            addScan(S3FileScan(schema: schema, name: "S3JsonSource", objects: objects, decoder: JSONFileDecoder(store: store, reader: reader, nodeID: id), control: control), id: id)
        case .selectFields(let paths):
            try add(SelectFields(paths.paths.map(FieldPath.init)), inputs: [try input(node)], id: id)
        case .dropFields(let paths):
            try add(DropFields(paths.paths.map(FieldPath.init)), inputs: [try input(node)], id: id)
        case .renameField(let rename):
            try add(GlueTransforms.RenameField(FieldPath(rename.sourcePath), to: FieldPath(rename.targetPath)), inputs: [try input(node)], id: id)
        case .splitFields:
            // A collection, not a frame: the SelectFromCollection nodes reading it add the stages.
            compiled[id] = try input(node)
        case .selectFromCollection(let select):
            guard let splitID = node.inputs.first, case .splitFields(let split)? = graph.nodes[splitID], let source = compiled[splitID] else {
                throw GlueError(.internalService, "SelectFromCollection without a planned SplitFields input.")
            }
            let collection = SplitFields(split.paths.map(FieldPath.init)).collection
            try add(try SelectFromCollection(index: select.index).select(from: collection), inputs: [source], id: id)
        case .union(let union):
            let type: GlueTransforms.Union.UnionType = union.unionType == "DISTINCT" ? .distinct : .all
            try add(GlueTransforms.Union.make(type), inputs: [try input(node, 0), try input(node, 1)], id: id)
        case .applyMapping(let applyMapping):
            var mappings: [ApplyMapping.Mapping] = []
            for entry in applyMapping.mapping {
                mappings += try ApplyMapping.Mapping.studio(
                    toKey: entry.toKey ?? entry.fromPath?.last ?? "", fromPath: entry.fromPath ?? [], fromType: entry.fromType,
                    toType: entry.toType, dropped: entry.dropped ?? false, children: (entry.children ?? []).map(Self.studioEntry))
            }
            try add(try ApplyMapping(mappings), inputs: [try input(node)], id: id)
        case .filter(let filter):
            let expressions = try filter.filters.map { (expression) throws(GlueError) -> GlueTransforms.FilterExpression in
                guard let operation = GlueTransforms.FilterExpression.Operation(rawValue: expression.operation) else {
                    throw GlueError(.invalidInput, "Unknown filter operation \(expression.operation).")
                }
                let values = expression.values.map { value -> GlueTransforms.FilterValue in
                    value.type == "COLUMNEXTRACTED" ? .column(FieldPath(value.value)) : .constant(value.value.first ?? "")
                }
                return GlueTransforms.FilterExpression(operation, negated: expression.negated ?? false, values)
            }
            let spec = FilterSpec(filter.logicalOperator == "OR" ? .or : .and, expressions)
            try add(GlueTransforms.Filter(spec), inputs: [try input(node)], id: id)
        case .join(let join):
            guard let type = Join.JoinType(rawValue: join.joinType) else {
                throw GlueError(.invalidInput, "Unknown JoinType \(join.joinType).")
            }
            let leftID = node.inputs[0]
            guard let leftColumns = join.columns.first(where: { $0.from == leftID }),
                let rightColumns = join.columns.first(where: { $0.from != leftID })
            else {
                throw GlueError(.invalidInput, "Join Columns must name both inputs.")
            }
            let operation = try Join(type, leftKeys: leftColumns.keys.map(FieldPath.init), rightKeys: rightColumns.keys.map(FieldPath.init), memoryBudget: joinMemoryBudget)
            compiled[id] = try pipeline.addJoin(operation, left: try input(node, 0), right: try input(node, 1), name: id)
        case .aggregate(let aggregate):
            let aggregations = try aggregate.aggs.map { (operation) throws(GlueError) -> Aggregation in
                guard let function = AggFunc(rawValue: operation.aggFunc) else {
                    throw GlueError(.invalidInput, "Unknown AggFunc \(operation.aggFunc).")
                }
                return Aggregation(function, FieldPath(operation.column))
            }
            try add(try Aggregate(groups: aggregate.groups.map(FieldPath.init), aggregations: aggregations), inputs: [try input(node)], id: id)
        case .dropDuplicates(let dropDuplicates):
            try add(DropDuplicates(columns: dropDuplicates.columns.map { $0.map(FieldPath.init) }), inputs: [try input(node)], id: id)
        case .dropNullFields(let dropNullFields):
            var nullValues: [DropNullFields.NullValue] = []
            for entry in dropNullFields.nullTextList ?? [] {
                nullValues.append(DropNullFields.NullValue(entry.value, dataType: try DataType(parsing: entry.datatype.id)))
            }
            let boxes = dropNullFields.nullCheckBoxList
            try add(
                DropNullFields(
                    isEmpty: boxes?.isEmpty ?? false, isNullString: boxes?.isNullString ?? false, isNegOne: boxes?.isNegOne ?? false,
                    nullValues: nullValues),
                inputs: [try input(node)], id: id)
        case .fillMissingValues(let fill):
            try add(FillMissingValues(imputedPath: fill.imputedPath, filledPath: fill.filledPath), inputs: [try input(node)], id: id)
        case .spigot(let spigot):
            let outputs = self.outputs
            let millis = runStartMillis
            let writer: Spigot.Writer = { sample, path throws(GlueError) in
                try SpigotOutput.stage(sample, path: path, outputs: outputs, runStartMillis: millis)
            }
            try add(try Spigot(path: spigot.path, topk: spigot.topk, prob: spigot.prob, writer: writer), inputs: [try input(node)], id: id)
        case .s3GlueParquetTarget(let target):
            let format = try TargetFormat.parquet(compression: target.compression, naming: .glueParquet)
            try addTarget(path: target.path, partitionKeys: target.partitionKeys, format: format, node: node, id: id)
        case .s3DirectTarget(let target):
            let format: TargetFormat
            let gzip = ["gzip", "gz"].contains((target.compression ?? "").lowercased())
            switch target.format {
            case "parquet": format = try TargetFormat.parquet(compression: target.compression, naming: .spark)
            case "csv": format = .csv(options: try CSVOptions(formatOptions: ["compression": gzip ? "gzip" : "none"]))
            case "json": format = .json(gzip: gzip)
            default:
                throw GlueError(.unsupportedFeature, "S3DirectTarget with Format \(target.format) cannot be written locally.")
            }
            try addTarget(path: target.path, partitionKeys: target.partitionKeys, format: format, node: node, id: id)
        case .catalogSource(let source), .s3CatalogSource(let source):
            try compileCatalogSource(source, node: node, id: id)
        case .sparkSQL(let sql):
            try compileSparkSQL(sql, node: node, id: id)
        case .catalogTarget(let target), .s3CatalogTarget(let target):
            try compileCatalogTarget(target, node: node, id: id)
        default:
            throw GlueError(.unsupportedFeature, "\(node.typeName) nodes are not available in this build.")
        }
    }

    mutating func addScan(_ scan: S3FileScan, id: String) {
        scans.append(scan)
        compiled[id] = pipeline.addSource(scan, name: id)
    }

    /// Glue Studio's `Separator` names as bytes.
    static func separator(_ name: String) throws(GlueError) -> String {
        switch name {
        case "comma": ","
        case "ctrla": "\u{01}"
        case "pipe": "|"
        case "semicolon": ";"
        case "tab": "\t"
        default: throw GlueError(.invalidInput, "Unknown Separator \(name).")
        }
    }

    /// Glue Studio's `QuoteChar` names as Glue's `quoteChar` option (`-1` disables quoting).
    static func quoteChar(_ name: String) -> String {
        switch name {
        case "single_quote": "'"
        case "disabled": "-1"
        default: "\""
        }
    }

    static func studioEntry(_ mapping: Mapping) -> ApplyMapping.StudioEntry {
        ApplyMapping.StudioEntry(
            toKey: mapping.toKey ?? mapping.fromPath?.last ?? "", fromPath: mapping.fromPath ?? [], fromType: mapping.fromType,
            toType: mapping.toType, dropped: mapping.dropped ?? false, children: (mapping.children ?? []).map(studioEntry))
    }

    mutating func addTarget(path: String, partitionKeys: [PathSegments]?, format: TargetFormat, node: CodeGenConfigurationNode, id: String) throws(GlueError) {
        try addTarget(path: path, partitionKeys: partitionKeys, format: format, input: try input(node), id: id)
    }

    /// A target stage reading `input`.
    mutating func addTarget(
        path: String, partitionKeys: [PathSegments]?, format: TargetFormat, input: Pipeline.NodeID, id: String,
        partitionWritten: @escaping @Sendable ([String?]) -> Void = { _ in }
    ) throws(GlueError) {
        let location = try S3Location(parsing: path)
        let keys = (partitionKeys ?? []).map { $0.joined(separator: ".") }
        let sink = S3TargetSink(
            nodeID: id, location: location, partitionKeys: keys, format: format, outputs: outputs,
            runStartMillis: runStartMillis, partitionWritten: partitionWritten)
        try add(sink, inputs: [input], id: id)
    }

    /// The pipeline stage planned under `name`.
    func stage(_ name: String) throws(GlueError) -> Pipeline.NodeID {
        guard let id = compiled[name] else { throw GlueError(.internalService, "Stage \(name) was not planned.") }
        return id
    }

    /// The objects a source reads in this run: listed, then filtered by the job bookmark with the
    /// node's ID as its transformation context.
    func listObjects(paths: [String], recurse: Bool, exclusions: [String], id: String, maxBand: Int?) throws(GlueError) -> [S3ObjectReference] {
        let objects = try S3ObjectListing.objects(in: store, paths: paths, recurse: recurse, exclusions: exclusions)
        return request.bookmarks.select(
            objects, context: id, runStart: request.runStart, bandMillis: maxBand.map(Int64.init) ?? S3BookmarkState.defaultBandMillis)
    }

    /// The schema a node's `OutputSchemas` declares, if any.
    func declaredSchema(_ schemas: [GlueSchema]?) throws(GlueError) -> Schema? {
        guard let columns = schemas?.first?.columns, !columns.isEmpty else { return nil }
        var fields: [Field] = []
        for column in columns {
            fields.append(Field(column.name, try DataType(parsing: column.type ?? "string")))
        }
        return Schema(fields)
    }
}
