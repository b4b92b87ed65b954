import GlueCore
import GlueJobs
import GlueTransforms

/// The columns each node's frame has, as far as the job definition says without reading data:
/// declared `OutputSchemas`, catalog tables, the columns inferred from the lake's files for
/// sources that declare none, and what the field transforms do to them. `nil` means unknown (a
/// source whose files are not in the lake, a SparkSQL node, an Aggregate). The Glue
/// script needs it to type `Filter` constants as Studio does.
struct StaticSchemas {
    private(set) var schemas: [String: [Field]] = [:]

    init(graph: JobGraph, tables: [String: ExportCatalogTable], inferred: [String: [Field]] = [:]) {
        for id in graph.order {
            guard let node = graph.nodes[id] else { continue }
            if let fields = Self.schema(of: node, id: id, known: schemas, graph: graph, tables: tables) ?? inferred[id] { schemas[id] = fields }
        }
    }

    /// The type of a top-level or nested field of node `id`'s frame, when known.
    func type(of path: [String], in id: String) -> DataType? {
        guard let first = path.first, let fields = schemas[id] else { return nil }
        guard var type = fields.first(where: { $0.name == first })?.dataType else { return nil }
        for segment in path.dropFirst() {
            guard case .struct(let inner) = type, let next = inner.first(where: { $0.name == segment }) else { return nil }
            type = next.dataType
        }
        return type
    }

    static func declared(_ schemas: [GlueSchema]?) -> [Field]? {
        guard let columns = schemas?.first?.columns, !columns.isEmpty else { return nil }
        var fields: [Field] = []
        for column in columns {
            guard let type = try? DataType(parsing: column.type ?? "string") else { return nil }
            fields.append(Field(column.name, type))
        }
        return fields
    }

    private static func schema(
        of node: CodeGenConfigurationNode, id: String, known: [String: [Field]], graph: JobGraph, tables: [String: ExportCatalogTable]
    ) -> [Field]? {
        let input = node.inputs.first.flatMap { known[$0] }
        switch node {
        case .s3CsvSource(let source): return declared(source.outputSchemas)
        case .s3JsonSource(let source): return declared(source.outputSchemas)
        case .s3ParquetSource(let source): return declared(source.outputSchemas)
        case .catalogSource(let source), .s3CatalogSource(let source):
            guard let table = tables[JobExporter.tableKey(source.database, source.table)] else { return nil }
            return table.dataColumns + table.partitionKeys
        case .applyMapping(let mapping):
            var fields: [Field] = []
            for entry in mapping.mapping where entry.dropped != true {
                guard let key = entry.toKey ?? entry.fromPath?.last, !key.contains("."), entry.children == nil else { return nil }
                let typeName = entry.toType ?? entry.fromType
                let type: DataType?
                if let typeName { type = try? GlueTypeName.parse(typeName) } else {
                    type = entry.fromPath.flatMap { path in input.flatMap { fields in fields.first(where: { $0.name == path.first })?.dataType } }
                }
                guard let type else { return nil }
                fields.append(Field(key, type))
            }
            return fields
        case .selectFields(let paths):
            guard let input else { return nil }
            var fields: [Field] = []
            for path in paths.paths {
                guard path.count == 1 else { return nil }
                if let field = input.first(where: { $0.name == path[0] }) { fields.append(field) }
            }
            return fields
        case .dropFields(let paths):
            guard let input, paths.paths.allSatisfy({ $0.count == 1 }) else { return nil }
            let dropped = Set(paths.paths.map { $0[0] })
            return input.filter { !dropped.contains($0.name) }
        case .renameField(let rename):
            guard let input, rename.sourcePath.count == 1, rename.targetPath.count == 1 else { return nil }
            return input.map { $0.name == rename.sourcePath[0] ? Field(rename.targetPath[0], $0.dataType) : $0 }
        case .filter, .dropDuplicates, .spigot, .union:
            return input
        case .join(let join):
            guard node.inputs.count == 2, let left = known[node.inputs[0]] else { return nil }
            if join.joinType == "leftsemi" || join.joinType == "leftanti" { return left }
            guard let right = known[node.inputs[1]] else { return nil }
            return left + right
        case .selectFromCollection(let select):
            guard let splitID = node.inputs.first, case .splitFields(let split)? = graph.nodes[splitID],
                let parent = split.inputs.first, let fields = known[parent], split.paths.allSatisfy({ $0.count == 1 })
            else { return nil }
            let chosen = Set(split.paths.map { $0[0] })
            return select.index == 0 ? fields.filter { chosen.contains($0.name) } : fields.filter { !chosen.contains($0.name) }
        case .sparkSQL(let sql): return declared(sql.outputSchemas)
        default: return nil
        }
    }
}
