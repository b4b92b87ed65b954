import GlueCatalog
import GlueCore
import GlueIAM
import Testing

/// Catalog calls made as a role session are authorized on the catalog, database and table ARNs.
@Suite struct AuthorizationTests {
    static let session = ARN.assumedRole(account: "123456789012", roleName: "data-lake-test-job-role", sessionName: "GlueJobRunnerSession")

    func caller(_ policy: String) throws -> CallerIdentity {
        CallerIdentity(
            arn: Self.session, accountID: "123456789012",
            policies: PolicySet(identityPolicies: [try PolicyDocument(json: policy)]))
    }

    func seeded() throws -> SQLiteCatalogStore {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "sales")))
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: partitionedTable("orders", keys: [("year", "string")])))
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: partitionedTable("secret", keys: [("year", "string")])))
        return store
    }

    static let readOrders = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Action": ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions", "glue:BatchCreatePartition"],
          "Resource": ["arn:aws:glue:us-east-1:123456789012:catalog",
                       "arn:aws:glue:us-east-1:123456789012:database/sales",
                       "arn:aws:glue:us-east-1:123456789012:table/sales/orders"]}]}
        """

    @Test("A role allowed on catalog, database and table reads the table and writes partitions")
    func allowed() throws {
        let store = PolicyCheckingCatalogStore(base: try seeded(), caller: try caller(Self.readOrders), region: "us-east-1")
        #expect(try store.getTable(GetTableRequest(databaseName: "SALES", name: "Orders")).table?.name == "orders")
        _ = try store.batchCreatePartition(
            BatchCreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInputList: [PartitionInput(values: ["2024"])]))
        #expect(try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders")).partitions?.count == 1)
    }

    @Test("A table outside the policy is AccessDeniedException with AWS's sentence")
    func deniedTable() throws {
        let store = PolicyCheckingCatalogStore(base: try seeded(), caller: try caller(Self.readOrders), region: "us-east-1")
        let error = expectGlueError(.accessDeniedException) { _ = try store.getTable(GetTableRequest(databaseName: "sales", name: "secret")) }
        #expect(
            error?.message
                == "User: arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:123456789012:table/sales/secret because no identity-based policy allows the glue:GetTable action")
        #expect(error?.operation == "GetTable")
    }

    @Test("A denied write changes nothing")
    func deniedWriteHasNoEffect() throws {
        let base = try seeded()
        let store = PolicyCheckingCatalogStore(base: base, caller: try caller(Self.readOrders), region: "us-east-1")
        expectGlueError(.accessDeniedException) {
            try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: TableInput(name: "new")))
        }
        expectGlueError(.accessDeniedException) { try store.deleteTable(DeleteTableRequest(databaseName: "sales", name: "orders")) }
        expectGlueError(.accessDeniedException) {
            try store.createPartition(CreatePartitionRequest(databaseName: "sales", tableName: "orders", partitionInput: PartitionInput(values: ["1"])))
        }
        #expect(try base.getTables(GetTablesRequest(databaseName: "sales")).tableList?.map(\.name) == ["orders", "secret"])
        #expect(try base.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders")).partitions?.isEmpty == true)
    }

    @Test("Missing the catalog or the database ARN denies, naming that ARN")
    func ancestorsRequired() throws {
        let tableOnly = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:GetTable",
              "Resource": ["arn:aws:glue:us-east-1:123456789012:table/sales/*", "arn:aws:glue:us-east-1:123456789012:catalog"]}]}
            """
        let store = PolicyCheckingCatalogStore(base: try seeded(), caller: try caller(tableOnly), region: "us-east-1")
        let error = expectGlueError(.accessDeniedException) { _ = try store.getTable(GetTableRequest(databaseName: "sales", name: "orders")) }
        #expect(error?.message.contains("on resource: arn:aws:glue:us-east-1:123456789012:database/sales because") == true)
    }

    @Test("GetTables needs table/DB/*; DeleteDatabase needs every table too")
    func wildcardChildren() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["glue:GetTables", "glue:DeleteDatabase"],
               "Resource": ["arn:aws:glue:us-east-1:123456789012:catalog", "arn:aws:glue:us-east-1:123456789012:database/sales",
                            "arn:aws:glue:us-east-1:123456789012:table/sales/orders"]}]}
            """
        let base = try seeded()
        let store = PolicyCheckingCatalogStore(base: base, caller: try caller(policy), region: "us-east-1")
        let tables = expectGlueError(.accessDeniedException) { _ = try store.getTables(GetTablesRequest(databaseName: "sales")) }
        #expect(tables?.message.contains("table/sales/*") == true)
        expectGlueError(.accessDeniedException) { try store.deleteDatabase(DeleteDatabaseRequest(name: "sales")) }
        #expect(try base.getDatabase(GetDatabaseRequest(name: "sales")).database.name == "sales")
    }

    @Test("An explicit Deny wins over an Allow, with the explicit-deny sentence")
    func explicitDeny() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "glue:*", "Resource": "*"},
              {"Effect": "Deny", "Action": "glue:DeleteTable", "Resource": "arn:aws:glue:us-east-1:123456789012:table/sales/*"}]}
            """
        let store = PolicyCheckingCatalogStore(base: try seeded(), caller: try caller(policy), region: "us-east-1")
        let error = expectGlueError(.accessDeniedException) { try store.deleteTable(DeleteTableRequest(databaseName: "sales", name: "orders")) }
        #expect(error?.message.hasSuffix("with an explicit deny in an identity-based policy") == true)
        #expect(try store.getTables(GetTablesRequest(databaseName: "sales")).tableList?.count == 2)
    }

    @Test("The account administrator is allowed everything")
    func administrator() throws {
        let store = PolicyCheckingCatalogStore(base: try seeded(), caller: .administrator(accountID: "123456789012"), region: "us-east-1")
        try store.deleteDatabase(DeleteDatabaseRequest(name: "sales"))
        #expect(try store.getDatabases(GetDatabasesRequest()).databaseList.isEmpty)
    }
}
