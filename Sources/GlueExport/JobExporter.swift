import Foundation
import GlueCatalog
import GlueCore
import GlueJobs
import GlueStorage

/// Exports a visual job (`CodeGenConfigurationNodes`) so it runs unchanged at scale: on AWS Glue
/// (``ExportTarget/glue``: the Glue ETL script, the CreateJob JSON, the role as `aws iam` commands
/// and CloudFormation) or on any Spark cluster (``ExportTarget/pyspark``: a plain PySpark script
/// with LocalGlue's semantics).
///
/// Output is deterministic: the same job and lake give the same bytes (no timestamps). What cannot
/// be exported with LocalGlue's semantics is refused by name (`InvalidInputException`).
public struct JobExporter: Sendable {
    /// The job, as `localglue run` reads it.
    public let job: JobDefinition
    let graph: JobGraph
    let names: StudioNames
    let schemas: StaticSchemas
    /// Catalog tables the nodes name, by ``tableKey(_:_:)``.
    let tables: [String: ExportCatalogTable]
    /// The tables of catalog sources with the partitions each one reads, by node ID.
    let sourceTables: [String: ExportCatalogTable]
    /// The columns LocalGlue infers for S3 sources without `OutputSchemas`, from the lake's files
    /// at export time, by node ID.
    let inferred: [String: [Field]]
    /// Where the lake's account and region come from.
    public let accountID: String
    public let region: String
    /// The job role with its policies (needed for ``ExportTarget/glue``).
    public let role: ExportedRole?
    /// The version written into the files' first comment.
    public let version: String

    /// Prepares an export: validates the graph and resolves the catalog tables its nodes name.
    ///
    /// - Parameter store: the lake's objects, to infer the columns of S3 sources that declare no
    ///   `OutputSchemas` as a run would (a source whose files are not there stays unknown).
    /// - Throws: `InvalidInputException` for a job without nodes or an invalid graph;
    ///   `EntityNotFoundException` for a catalog table the lake does not have.
    public init(
        job: JobDefinition, accountID: String, region: String, catalog: (any CatalogStore)?, role: ExportedRole?, version: String,
        store: (any ObjectStore)? = nil
    ) throws(GlueError) {
        guard let nodes = job.codeGenConfigurationNodes, !nodes.isEmpty else {
            throw GlueError(.invalidInput, "Job \(job.name) has no CodeGenConfigurationNodes: only visual jobs can be exported.")
        }
        self.job = job
        self.graph = try JobGraph(nodes: nodes)
        self.accountID = accountID
        self.region = region
        self.role = role
        self.version = version
        var tables: [String: ExportCatalogTable] = [:]
        var sourceTables: [String: ExportCatalogTable] = [:]
        for id in graph.order {
            guard let node = graph.nodes[id] else { continue }
            let reference: (String, String)?
            switch node {
            case .catalogSource(let source), .s3CatalogSource(let source): reference = (source.database, source.table)
            case .catalogTarget(let target), .s3CatalogTarget(let target): reference = (target.database, target.table)
            default: reference = nil
            }
            guard let (database, table) = reference else { continue }
            guard let catalog else {
                throw GlueError(.invalidInput, "Node \(id) reads or writes the catalog table \(database).\(table), but no Data Catalog was given.")
            }
            do {
                tables[Self.tableKey(database, table)] = try ExportCatalogTable.resolve(database: database, table: table, catalog: catalog)
                if case .catalogSource(let source) = node {
                    sourceTables[id] = try ExportCatalogTable.resolve(database: database, table: table, catalog: catalog, readingPartitions: true, partitionPredicate: source.partitionPredicate)
                } else if case .s3CatalogSource(let source) = node {
                    sourceTables[id] = try ExportCatalogTable.resolve(database: database, table: table, catalog: catalog, readingPartitions: true, partitionPredicate: source.partitionPredicate)
                }
            } catch {
                throw error.adding(context: "while resolving the catalog table of node \(id)")
            }
        }
        self.tables = tables
        self.sourceTables = sourceTables
        var inferred: [String: [Field]] = [:]
        if let store {
            for id in graph.order {
                guard let node = graph.nodes[id], let schema = try? SourceSchemaInference.schema(of: node, in: store) else { continue }
                inferred[id] = schema.fields
            }
        }
        self.inferred = inferred
        let graph = self.graph
        self.names = StudioNames(order: graph.order) { graph.nodes[$0]?.name }
        self.schemas = StaticSchemas(graph: graph, tables: tables, inferred: inferred)
    }

    /// `database.table`, lower-cased (the catalog folds names).
    static func tableKey(_ database: String, _ table: String) -> String { "\(database.lowercased()).\(table.lowercased())" }

    func table(_ database: String, _ table: String, id: String, node: CodeGenConfigurationNode, target: ExportTarget) throws(GlueError) -> ExportCatalogTable {
        guard let resolved = tables[Self.tableKey(database, table)] else {
            throw ExportRefusal.node(id, node, target, "the catalog table \(database).\(table) was not resolved")
        }
        return resolved
    }

    /// Glue Studio's default script location: `s3://aws-glue-assets-ACCOUNT-REGION/scripts/JOB.py`.
    public var defaultScriptLocation: String { "s3://aws-glue-assets-\(accountID)-\(region)/scripts/\(job.name).py" }

    /// The job's name as a file name: `/` (allowed in Glue job names) becomes `_`, and a leading
    /// `.` too, so every file lands in the output folder itself.
    var fileBase: String {
        var base = job.name.replacingOccurrences(of: "/", with: "_")
        if base.hasPrefix(".") { base = "_" + base.dropFirst() }
        return base
    }

    /// The files of an export.
    ///
    /// - Parameter scriptLocation: where the Glue script will be uploaded (`--script-location`);
    ///   ``defaultScriptLocation`` when `nil`.
    /// - Throws: `InvalidInputException` naming the node that cannot be exported, or
    ///   `NoSuchEntity` when the glue target has no role.
    public func export(_ target: ExportTarget, scriptLocation: String? = nil) throws(GlueError) -> [ExportedFile] {
        switch target {
        case .glue:
            guard let role else {
                throw GlueError(.noSuchEntity, "The role with name \(ExportedRole.roleName(job.role)) cannot be found.")
            }
            let script = try GlueScriptWriter(exporter: self).write()
            let createJob = try CreateJobDocument.json(job: job, scriptLocation: scriptLocation ?? defaultScriptLocation)
            let iam = RoleScripts(role: role, jobName: job.name, version: version)
            return [
                ExportedFile(name: "\(fileBase).py", contents: script),
                ExportedFile(name: "\(fileBase).create-job.json", contents: createJob),
                ExportedFile(name: "\(fileBase).iam.sh", contents: iam.shell()),
                ExportedFile(name: "\(fileBase).cloudformation.yaml", contents: iam.cloudFormation()),
            ]
        case .pyspark:
            return [ExportedFile(name: "\(fileBase).pyspark.py", contents: try PySparkScriptWriter(exporter: self).write())]
        }
    }
}
