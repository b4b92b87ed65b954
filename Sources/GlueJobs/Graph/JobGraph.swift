import GlueCore

/// A validated Glue Studio node graph, in an order where every node comes after its inputs.
///
/// Validation happens before any run and names the node in every error: exactly one node type per
/// node (checked while decoding), `Inputs` that name existing nodes, the arity of each node type,
/// no cycles, enum values, required contents, and node types that cannot run locally.
public struct JobGraph: Sendable {
    /// The nodes by ID.
    public let nodes: [String: CodeGenConfigurationNode]
    /// Node IDs in dependency order (inputs first; ties broken by ID for a stable order).
    public let order: [String]

    /// The enum values Glue's model allows, by field.
    enum Allowed {
        static let separators: Set<String> = ["comma", "ctrla", "pipe", "semicolon", "tab"]
        static let quoteChars: Set<String> = ["quote", "quillemet", "single_quote", "disabled"]
        static let joinTypes: Set<String> = ["equijoin", "left", "right", "outer", "leftsemi", "leftanti"]
        static let unionTypes: Set<String> = ["ALL", "DISTINCT"]
        static let logicalOperators: Set<String> = ["AND", "OR"]
        static let filterOperations: Set<String> = ["EQ", "LT", "GT", "LTE", "GTE", "REGEX", "ISNULL"]
        static let filterValueTypes: Set<String> = ["COLUMNEXTRACTED", "CONSTANT"]
        static let aggregateFunctions: Set<String> = [
            "avg", "countDistinct", "count", "first", "last", "kurtosis", "max", "min", "skewness", "stddev_samp",
            "stddev_pop", "sum", "sumDistinct", "var_samp", "var_pop",
        ]
        static let targetFormats: Set<String> = ["json", "csv", "avro", "orc", "parquet", "hudi", "delta", "iceberg", "hyper", "xml"]
        static let localTargetFormats: Set<String> = ["json", "csv", "parquet"]
        static let sourceCompressions: Set<String> = ["gzip", "bzip2"]
        static let parquetCompressions: Set<String> = ["snappy", "lzo", "gzip", "brotli", "lz4", "uncompressed", "none"]
        static let updateBehaviors: Set<String> = ["UPDATE_IN_DATABASE", "LOG"]
        static let groupFiles: Set<String> = ["inPartition", "none"]
    }

    /// Validates a node map.
    ///
    /// - Throws: `InvalidInputException` naming the node and the rule it breaks.
    public init(nodes: [String: CodeGenConfigurationNode]) throws(GlueError) {
        guard !nodes.isEmpty else {
            throw GlueError(.invalidInput, "CodeGenConfigurationNodes is empty: a visual job needs at least one source and one target.")
        }
        for id in nodes.keys.sorted() {
            guard let node = nodes[id] else { continue }
            try JobGraph.validateID(id)
            try JobGraph.validate(node, id: id, in: nodes)
        }
        self.nodes = nodes
        self.order = try JobGraph.topologicalOrder(nodes)
        guard nodes.values.contains(where: \.isTarget) else {
            throw GlueError(.invalidInput, "The job has no target node: nothing would be written.")
        }
    }

    /// The nodes that read from node `id`.
    public func consumers(of id: String) -> [String] {
        order.filter { nodes[$0]?.inputs.contains(id) == true }
    }

    static func label(_ id: String, _ node: CodeGenConfigurationNode) -> String {
        if let name = node.name, !name.isEmpty { return "Node \(id) (\(node.typeName) \"\(name)\")" }
        return "Node \(id) (\(node.typeName))"
    }

    static func fail(_ id: String, _ node: CodeGenConfigurationNode, _ reason: String) -> GlueError {
        GlueError(.invalidInput, "\(label(id, node)): \(reason)")
    }

    static func validateID(_ id: String) throws(GlueError) {
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard allowed, !id.isEmpty else {
            throw GlueError(.invalidInput, "Node ID \"\(id)\" must match [A-Za-z0-9_-]+.")
        }
    }

    static func check(_ value: String?, in allowed: Set<String>, field: String, _ id: String, _ node: CodeGenConfigurationNode) throws(GlueError) {
        guard let value else { return }
        guard allowed.contains(value) else {
            throw fail(id, node, "\(field) \"\(value)\" is not one of \(allowed.sorted().joined(separator: ", ")).")
        }
    }

    static func validate(_ node: CodeGenConfigurationNode, id: String, in nodes: [String: CodeGenConfigurationNode]) throws(GlueError) {
        if case .unsupported(let typeName, _) = node {
            throw fail(id, node, "\(typeName) nodes cannot run locally; LocalGlue runs S3 and Data Catalog sources and targets and Glue's built-in transforms.")
        }
        let inputs = node.inputs
        if !node.inputArity.contains(inputs.count) {
            let expected = node.inputArity.upperBound == Int.max
                ? "at least \(node.inputArity.lowerBound)" : node.inputArity.lowerBound == 0 ? "no" : "exactly \(node.inputArity.lowerBound)"
            throw fail(id, node, "Inputs must name \(expected) node\(node.inputArity.upperBound == 1 ? "" : "s"), found \(inputs.count).")
        }
        for input in inputs {
            guard nodes[input] != nil else { throw fail(id, node, "Inputs names \"\(input)\", which is not a node of this job.") }
            if input == id { throw fail(id, node, "a node cannot read its own output.") }
            if let source = nodes[input], source.isTarget {
                throw fail(id, node, "Inputs names the target node \(input); targets have no output.")
            }
        }
        if Set(inputs).count != inputs.count {
            throw fail(id, node, "Inputs names the same node twice.")
        }
        switch node {
        case .s3CsvSource(let source):
            try check(source.separator, in: Allowed.separators, field: "Separator", id, node)
            try check(source.quoteChar, in: Allowed.quoteChars, field: "QuoteChar", id, node)
            try check(source.compressionType, in: Allowed.sourceCompressions, field: "CompressionType", id, node)
            try check(source.groupFiles, in: Allowed.groupFiles, field: "GroupFiles", id, node)
            if source.paths.isEmpty { throw fail(id, node, "Paths must name at least one S3 location.") }
            if let escaper = source.escaper, escaper.utf8.count != 1 {
                throw fail(id, node, "Escaper must be one character, not \"\(escaper)\".")
            }
            try validateS3Paths(source.paths, id, node)
        case .s3JsonSource(let source):
            try check(source.compressionType, in: Allowed.sourceCompressions, field: "CompressionType", id, node)
            if source.paths.isEmpty { throw fail(id, node, "Paths must name at least one S3 location.") }
            try validateS3Paths(source.paths, id, node)
        case .s3ParquetSource(let source):
            try check(source.compressionType, in: Allowed.parquetCompressions, field: "CompressionType", id, node)
            if source.paths.isEmpty { throw fail(id, node, "Paths must name at least one S3 location.") }
            try validateS3Paths(source.paths, id, node)
        case .catalogSource, .s3CatalogSource, .unsupported:
            break
        case .applyMapping(let mapping):
            if mapping.mapping.isEmpty { throw fail(id, node, "Mapping must hold at least one entry.") }
            try validateMappings(mapping.mapping, id, node)
        case .selectFields(let paths), .dropFields(let paths), .splitFields(let paths):
            if paths.paths.isEmpty || paths.paths.contains(where: \.isEmpty) {
                throw fail(id, node, "Paths must hold at least one non-empty field path.")
            }
        case .renameField(let rename):
            if rename.sourcePath.isEmpty || rename.targetPath.isEmpty {
                throw fail(id, node, "SourcePath and TargetPath must not be empty.")
            }
        case .spigot(let spigot):
            if let topk = spigot.topk, !(0...100).contains(topk) { throw fail(id, node, "Topk must be between 0 and 100.") }
            if let prob = spigot.prob, !(0...1).contains(prob) { throw fail(id, node, "Prob must be between 0 and 1.") }
            try validateS3Paths([spigot.path], id, node)
        case .join(let join):
            try check(join.joinType, in: Allowed.joinTypes, field: "JoinType", id, node)
            guard join.columns.count == 2 else { throw fail(id, node, "Columns must hold exactly two entries, one per input.") }
            guard Set(join.columns.map(\.from)) == Set(inputs) else {
                throw fail(id, node, "Columns[].From must name the two inputs \(inputs.joined(separator: " and ")).")
            }
            guard join.columns[0].keys.count == join.columns[1].keys.count, !join.columns[0].keys.isEmpty else {
                throw fail(id, node, "both sides of the join must list the same number of keys (at least one).")
            }
        case .selectFromCollection(let select):
            guard let input = inputs.first, let source = nodes[input], case .splitFields = source else {
                throw fail(id, node, "the input must be a SplitFields node (it selects from a collection).")
            }
            if !(0...1).contains(select.index) { throw fail(id, node, "Index must be 0 (selected fields) or 1 (the rest).") }
        case .fillMissingValues:
            break
        case .filter(let filter):
            try check(filter.logicalOperator, in: Allowed.logicalOperators, field: "LogicalOperator", id, node)
            if filter.filters.isEmpty { throw fail(id, node, "Filters must hold at least one expression.") }
            for (index, expression) in filter.filters.enumerated() {
                try check(expression.operation, in: Allowed.filterOperations, field: "Filters[\(index)].Operation", id, node)
                for value in expression.values {
                    try check(value.type, in: Allowed.filterValueTypes, field: "Filters[\(index)].Values[].Type", id, node)
                }
                let expected = expression.operation == "ISNULL" ? 1 : 2
                guard expression.values.count == expected else {
                    throw fail(id, node, "Filters[\(index)] (\(expression.operation)) needs \(expected) value\(expected == 1 ? "" : "s"), found \(expression.values.count).")
                }
            }
        case .sparkSQL(let sql):
            if sql.sqlQuery.trimmingSpaces.isEmpty { throw fail(id, node, "SqlQuery must not be empty.") }
            for alias in sql.sqlAliases where !inputs.contains(alias.from) {
                throw fail(id, node, "SqlAliases names \"\(alias.from)\", which is not one of its Inputs.")
            }
            let aliased = Set(sql.sqlAliases.map(\.from))
            if let missing = inputs.first(where: { !aliased.contains($0) }) {
                throw fail(id, node, "input \(missing) has no alias in SqlAliases.")
            }
        case .dropNullFields:
            break
        case .union(let union):
            try check(union.unionType, in: Allowed.unionTypes, field: "UnionType", id, node)
        case .aggregate(let aggregate):
            guard (1...30).contains(aggregate.aggs.count) else { throw fail(id, node, "Aggs must hold 1 to 30 aggregations.") }
            for operation in aggregate.aggs {
                try check(operation.aggFunc, in: Allowed.aggregateFunctions, field: "Aggs[].AggFunc", id, node)
            }
        case .dropDuplicates:
            break
        case .s3DirectTarget(let target):
            try check(target.format, in: Allowed.targetFormats, field: "Format", id, node)
            guard Allowed.localTargetFormats.contains(target.format) else {
                throw fail(id, node, "Format \(target.format) cannot be written locally; use csv, json or parquet.")
            }
            try check(target.schemaChangePolicy?.updateBehavior, in: Allowed.updateBehaviors, field: "SchemaChangePolicy.UpdateBehavior", id, node)
            try validateS3Paths([target.path], id, node)
        case .s3GlueParquetTarget(let target):
            try check(target.compression, in: Allowed.parquetCompressions, field: "Compression", id, node)
            try check(target.schemaChangePolicy?.updateBehavior, in: Allowed.updateBehaviors, field: "SchemaChangePolicy.UpdateBehavior", id, node)
            try validateS3Paths([target.path], id, node)
        case .catalogTarget(let target), .s3CatalogTarget(let target):
            try check(target.schemaChangePolicy?.updateBehavior, in: Allowed.updateBehaviors, field: "SchemaChangePolicy.UpdateBehavior", id, node)
        }
    }

    static func validateS3Paths(_ paths: [String], _ id: String, _ node: CodeGenConfigurationNode) throws(GlueError) {
        for path in paths {
            guard path.hasPrefix("s3://"), path.count > 5 else {
                throw fail(id, node, "\"\(path)\" is not an S3 location (s3://bucket/prefix).")
            }
        }
    }

    static func validateMappings(_ mappings: [Mapping], _ id: String, _ node: CodeGenConfigurationNode) throws(GlueError) {
        for mapping in mappings {
            if mapping.dropped == true { continue }
            for (field, typeString) in [("FromType", mapping.fromType), ("ToType", mapping.toType)] {
                guard let typeString else { continue }
                do {
                    _ = try DataType(parsing: typeString)
                } catch {
                    throw fail(id, node, "Mapping \(mapping.toKey ?? "?") has \(field) \"\(typeString)\", which is not a Glue type.")
                }
            }
            if mapping.children == nil, mapping.fromPath?.isEmpty ?? true {
                throw fail(id, node, "Mapping \(mapping.toKey ?? "?") has no FromPath.")
            }
            if let children = mapping.children { try validateMappings(children, id, node) }
        }
    }

    /// Kahn's algorithm over the `Inputs` edges; a leftover node means a cycle.
    static func topologicalOrder(_ nodes: [String: CodeGenConfigurationNode]) throws(GlueError) -> [String] {
        var remainingInputs = nodes.mapValues { Set($0.inputs).count }
        var ready = remainingInputs.filter { $0.value == 0 }.keys.sorted()
        var order: [String] = []
        while !ready.isEmpty {
            let id = ready.removeFirst()
            order.append(id)
            for (other, node) in nodes where Set(node.inputs).contains(id) {
                remainingInputs[other, default: 0] -= 1
                if remainingInputs[other] == 0 {
                    ready.append(other)
                    ready.sort()
                }
            }
        }
        guard order.count == nodes.count else {
            let cycle = nodes.keys.filter { !order.contains($0) }.sorted()
            throw GlueError(.invalidInput, "The nodes \(cycle.joined(separator: ", ")) form a cycle through their Inputs.")
        }
        return order
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
