import GlueCatalog
import GlueCore
import Testing

@Suite struct PaginationTests {
    @Test("GetDatabases pages through every database exactly once")
    func databases() throws {
        let store = try makeStore()
        for index in 0..<7 {
            try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "db\(index)")))
        }
        var names: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try store.getDatabases(GetDatabasesRequest(nextToken: token, maxResults: 3))
            names += page.databaseList.map(\.name)
            token = page.nextToken
            pages += 1
        } while token != nil
        #expect(names == (0..<7).map { "db\($0)" })
        #expect(pages == 3)
        expectGlueError(.invalidInput) { _ = try store.getDatabases(GetDatabasesRequest(maxResults: 0)) }
        expectGlueError(.invalidInput) { _ = try store.getDatabases(GetDatabasesRequest(maxResults: 101)) }
        expectGlueError(.invalidInput) { _ = try store.getDatabases(GetDatabasesRequest(nextToken: "garbage")) }
    }

    @Test("GetTables pages with an expression; the last page has no NextToken")
    func tables() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        for index in 0..<10 {
            try store.createTable(CreateTableRequest(databaseName: "d", tableInput: TableInput(name: "t\(index)")))
            try store.createTable(CreateTableRequest(databaseName: "d", tableInput: TableInput(name: "other\(index)")))
        }
        var names: [String] = []
        var token: String?
        repeat {
            let page = try store.getTables(GetTablesRequest(databaseName: "d", expression: "t*", nextToken: token, maxResults: 4))
            #expect((page.tableList?.count ?? 0) <= 4)
            names += page.tableList?.map(\.name) ?? []
            token = page.nextToken
        } while token != nil
        #expect(names == (0..<10).map { "t\($0)" })
        let exact = try store.getTables(GetTablesRequest(databaseName: "d", expression: "t*", maxResults: 10))
        #expect(exact.tableList?.count == 10)
        #expect(exact.nextToken == nil)
    }

    @Test("GetPartitions pages over matches only, and a token from another call is refused")
    func partitions() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: partitionedTable("t", keys: [("n", "int")])))
        _ = try store.batchCreatePartition(
            BatchCreatePartitionRequest(databaseName: "d", tableName: "t", partitionInputList: (0..<50).map { PartitionInput(values: [String($0)]) }))
        var values: [Int] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try store.getPartitions(
                GetPartitionsRequest(databaseName: "d", tableName: "t", expression: "n >= 20", nextToken: token, maxResults: 7))
            values += page.partitions?.compactMap { $0.values?.first.flatMap { Int($0) } } ?? []
            token = page.nextToken
            pages += 1
        } while token != nil
        #expect(values == Array(20..<50))
        #expect(pages == 5)
        let firstTables = try store.getTables(GetTablesRequest(databaseName: "d", maxResults: 1))
        #expect(firstTables.nextToken == nil)
        let partitionToken = try #require(try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t", maxResults: 1)).nextToken)
        expectGlueError(.invalidInput) { _ = try store.getTables(GetTablesRequest(databaseName: "d", nextToken: partitionToken)) }
        expectGlueError(.invalidInput) { _ = try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t", maxResults: 1001)) }
    }

    @Test("Segments split the partitions into disjoint parts that cover them all")
    func segments() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: partitionedTable("t", keys: [("n", "int")])))
        _ = try store.batchCreatePartition(
            BatchCreatePartitionRequest(databaseName: "d", tableName: "t", partitionInputList: (0..<30).map { PartitionInput(values: [String($0)]) }))
        var seen: [String] = []
        for number in 0..<3 {
            let part = try store.getPartitions(
                GetPartitionsRequest(databaseName: "d", tableName: "t", segment: Segment(segmentNumber: number, totalSegments: 3)))
            #expect((part.partitions?.count ?? 0) == 10)
            seen += part.partitions?.compactMap { $0.values?.first } ?? []
        }
        #expect(Set(seen).count == 30)
        expectGlueError(.invalidInput) {
            _ = try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t", segment: Segment(segmentNumber: 3, totalSegments: 3)))
        }
    }

    @Test("GetTableVersions pages newest first")
    func versions() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: TableInput(name: "t")))
        for index in 2...5 {
            try store.updateTable(UpdateTableRequest(databaseName: "d", tableInput: TableInput(name: "t", description: "v\(index)")))
        }
        let first = try store.getTableVersions(GetTableVersionsRequest(databaseName: "d", tableName: "t", maxResults: 2))
        #expect(first.tableVersions?.map(\.versionId) == ["5", "4"])
        let second = try store.getTableVersions(GetTableVersionsRequest(databaseName: "d", tableName: "t", nextToken: first.nextToken, maxResults: 2))
        #expect(second.tableVersions?.map(\.versionId) == ["3", "2"])
        let third = try store.getTableVersions(GetTableVersionsRequest(databaseName: "d", tableName: "t", nextToken: second.nextToken, maxResults: 2))
        #expect(third.tableVersions?.map(\.versionId) == ["1"])
        #expect(third.nextToken == nil)
    }
}
