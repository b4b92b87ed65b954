import GlueCore
import GlueIAM

/// A ``CatalogStore`` that authorizes every call for one caller before passing it on, as the Glue
/// Data Catalog does.
///
/// Each call needs its `glue:` action (the operation's name) on the catalog ARN and on every
/// resource below it that the call touches: the database (`database/NAME`), the table
/// (`table/DB/NAME`), and for calls that read or delete all of a parent's children, the wildcard
/// child (`database/*` for `GetDatabases`, `table/DB/*` for `GetTables` and `DeleteDatabase`). Every
/// one must be allowed; the first that is not throws `AccessDeniedException` with AWS's sentence,
/// and the call changes nothing. Names in ARNs are lower-cased, as Glue folds them.
public struct PolicyCheckingCatalogStore<Base: CatalogStore>: CatalogStore {
    /// The store that does the work once a call is allowed.
    public let base: Base
    /// Who is calling.
    public let caller: CallerIdentity
    /// The region in the catalog's ARNs.
    public let region: String
    /// The catalog's resource policy (Glue `PutResourcePolicy`), if any.
    public let resourcePolicy: PolicyDocument?

    /// Wraps a store for one caller.
    public init(base: Base, caller: CallerIdentity, region: String, resourcePolicy: PolicyDocument? = nil) {
        self.base = base
        self.caller = caller
        self.region = region
        self.resourcePolicy = resourcePolicy
    }

    public var catalogId: String { base.catalogId }

    /// The resources a call on a catalog, database or table is authorized on, in AWS's order.
    public func resources(
        catalogId: String? = nil, database: String? = nil, table: String? = nil, children: String? = nil
    ) -> [ARN] {
        let account = catalogId ?? base.catalogId
        var arns = [ARN.glueCatalog(region: region, account: account)]
        if let database {
            let name = database.lowercased()
            arns.append(.glueDatabase(region: region, account: account, name: name))
            if let table {
                arns.append(.glueTable(region: region, account: account, database: name, name: table.lowercased()))
            }
        }
        if let children { arns.append(ARN(service: "glue", region: region, account: account, resource: children)) }
        return arns
    }

    /// Authorizes `glue:ACTION` on every resource, throwing AWS's denial for the first refused one.
    ///
    /// - Throws: `AccessDeniedException` naming the caller, the action and the resource.
    public func authorize(_ operation: String, _ resources: [ARN]) throws(GlueError) {
        let action = "glue:\(operation)"
        for resource in resources {
            let result = caller.authorize(
                action: action, resource: resource.description, resourceAccount: resource.account,
                resourcePolicy: resourcePolicy)
            guard result.decision.isAllowed else {
                throw GlueError(.accessDeniedException, result.denialMessage(), operation: operation)
            }
        }
    }

    public func createDatabase(_ request: CreateDatabaseRequest) throws(GlueError) {
        try authorize("CreateDatabase", resources(catalogId: request.catalogId, database: request.databaseInput.name))
        try base.createDatabase(request)
    }

    public func getDatabase(_ request: GetDatabaseRequest) throws(GlueError) -> GetDatabaseResponse {
        try authorize("GetDatabase", resources(catalogId: request.catalogId, database: request.name))
        return try base.getDatabase(request)
    }

    public func getDatabases(_ request: GetDatabasesRequest) throws(GlueError) -> GetDatabasesResponse {
        try authorize("GetDatabases", resources(catalogId: request.catalogId, children: "database/*"))
        return try base.getDatabases(request)
    }

    public func updateDatabase(_ request: UpdateDatabaseRequest) throws(GlueError) {
        try authorize("UpdateDatabase", resources(catalogId: request.catalogId, database: request.name))
        try base.updateDatabase(request)
    }

    public func deleteDatabase(_ request: DeleteDatabaseRequest) throws(GlueError) {
        let name = request.name.lowercased()
        try authorize(
            "DeleteDatabase",
            resources(catalogId: request.catalogId, database: name, children: "table/\(name)/*")
                + [ARN(service: "glue", region: region, account: request.catalogId ?? base.catalogId, resource: "userDefinedFunction/\(name)/*")])
        try base.deleteDatabase(request)
    }

    public func createTable(_ request: CreateTableRequest) throws(GlueError) {
        let name = request.tableInput?.name ?? request.name ?? ""
        try authorize("CreateTable", resources(catalogId: request.catalogId, database: request.databaseName, table: name))
        try base.createTable(request)
    }

    public func getTable(_ request: GetTableRequest) throws(GlueError) -> GetTableResponse {
        try authorize("GetTable", resources(catalogId: request.catalogId, database: request.databaseName, table: request.name))
        return try base.getTable(request)
    }

    public func getTables(_ request: GetTablesRequest) throws(GlueError) -> GetTablesResponse {
        let database = request.databaseName.lowercased()
        try authorize("GetTables", resources(catalogId: request.catalogId, database: database, children: "table/\(database)/*"))
        return try base.getTables(request)
    }

    public func updateTable(_ request: UpdateTableRequest) throws(GlueError) {
        let name = request.tableInput?.name ?? request.name ?? ""
        try authorize("UpdateTable", resources(catalogId: request.catalogId, database: request.databaseName, table: name))
        try base.updateTable(request)
    }

    public func deleteTable(_ request: DeleteTableRequest) throws(GlueError) {
        try authorize("DeleteTable", resources(catalogId: request.catalogId, database: request.databaseName, table: request.name))
        try base.deleteTable(request)
    }

    public func batchDeleteTable(_ request: BatchDeleteTableRequest) throws(GlueError) -> BatchDeleteTableResponse {
        var arns = resources(catalogId: request.catalogId, database: request.databaseName)
        for name in request.tablesToDelete {
            arns += resources(catalogId: request.catalogId, database: request.databaseName, table: name).suffix(1)
        }
        try authorize("BatchDeleteTable", arns)
        return try base.batchDeleteTable(request)
    }

    public func getTableVersions(_ request: GetTableVersionsRequest) throws(GlueError) -> GetTableVersionsResponse {
        try authorize(
            "GetTableVersions", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.getTableVersions(request)
    }

    public func getTableVersion(_ request: GetTableVersionRequest) throws(GlueError) -> GetTableVersionResponse {
        try authorize(
            "GetTableVersion", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.getTableVersion(request)
    }

    public func deleteTableVersion(_ request: DeleteTableVersionRequest) throws(GlueError) {
        try authorize(
            "DeleteTableVersion", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        try base.deleteTableVersion(request)
    }

    public func createPartition(_ request: CreatePartitionRequest) throws(GlueError) {
        try authorize(
            "CreatePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        try base.createPartition(request)
    }

    public func batchCreatePartition(_ request: BatchCreatePartitionRequest) throws(GlueError) -> BatchCreatePartitionResponse {
        try authorize(
            "BatchCreatePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.batchCreatePartition(request)
    }

    public func getPartition(_ request: GetPartitionRequest) throws(GlueError) -> GetPartitionResponse {
        try authorize(
            "GetPartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.getPartition(request)
    }

    public func getPartitions(_ request: GetPartitionsRequest) throws(GlueError) -> GetPartitionsResponse {
        try authorize(
            "GetPartitions", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.getPartitions(request)
    }

    public func batchGetPartition(_ request: BatchGetPartitionRequest) throws(GlueError) -> BatchGetPartitionResponse {
        try authorize(
            "BatchGetPartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.batchGetPartition(request)
    }

    public func updatePartition(_ request: UpdatePartitionRequest) throws(GlueError) {
        try authorize(
            "UpdatePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        try base.updatePartition(request)
    }

    public func batchUpdatePartition(_ request: BatchUpdatePartitionRequest) throws(GlueError) -> BatchUpdatePartitionResponse {
        try authorize(
            "BatchUpdatePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.batchUpdatePartition(request)
    }

    public func deletePartition(_ request: DeletePartitionRequest) throws(GlueError) {
        try authorize(
            "DeletePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        try base.deletePartition(request)
    }

    public func batchDeletePartition(_ request: BatchDeletePartitionRequest) throws(GlueError) -> BatchDeletePartitionResponse {
        try authorize(
            "BatchDeletePartition", resources(catalogId: request.catalogId, database: request.databaseName, table: request.tableName))
        return try base.batchDeletePartition(request)
    }
}
