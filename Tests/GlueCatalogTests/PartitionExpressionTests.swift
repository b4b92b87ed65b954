import GlueCatalog
import GlueCore
import Testing

/// Every operator of the `GetPartitions` expression grammar, typed by the key's catalog type.
@Suite struct PartitionExpressionTests {
    static let keys: [(String, String)] = [
        ("year", "string"), ("month", "int"), ("day", "date"), ("ts", "timestamp"), ("price", "decimal(10,2)"),
    ]
    static let rows: [[String]] = [
        ["2024", "1", "2024-01-15", "2024-01-15 10:00:00", "10.50"],
        ["2024", "12", "2024-12-01", "2024-12-01 00:00:00.5", "9.99"],
        ["2023", "5", "2023-05-31", "2023-05-31 23:59:59", "100"],
        ["2023", "10", "2023-10-01", "2023-10-01 08:00:00", "2.00"],
    ]

    func store() throws -> SQLiteCatalogStore {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "sales")))
        try store.createTable(CreateTableRequest(databaseName: "sales", tableInput: partitionedTable("orders", keys: Self.keys)))
        _ = try store.batchCreatePartition(
            BatchCreatePartitionRequest(
                databaseName: "sales", tableName: "orders", partitionInputList: Self.rows.map { PartitionInput(values: $0) }))
        return store
    }

    /// The 1-based row numbers an expression selects.
    func select(_ expression: String, in store: SQLiteCatalogStore) throws(GlueError) -> [Int] {
        let partitions = try store.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders", expression: expression))
        return (partitions.partitions ?? []).compactMap { partition in
            Self.rows.firstIndex { $0 == partition.values }.map { $0 + 1 }
        }
    }

    @Test("Comparisons and boolean operators select the right partitions", arguments: [
        ("year = '2024'", [1, 2]),
        ("year = 2024", [1, 2]),
        ("month > 2", [2, 3, 4]),
        ("month < 5", [1]),
        ("month <= 5", [1, 3]),
        ("month >= 10", [2, 4]),
        ("month <> 1", [2, 3, 4]),
        ("month != 1", [2, 3, 4]),
        ("2 < month", [2, 3, 4]),
        ("month = '05'", [3]),
        ("year = '2024' AND month BETWEEN 1 AND 6", [1]),
        ("month BETWEEN 6 AND 1", [1, 3]),
        ("month NOT BETWEEN 2 AND 11", [1, 2]),
        ("year LIKE '202%'", [1, 2, 3, 4]),
        ("year LIKE '2_23'", [3, 4]),
        ("year NOT LIKE '%4'", [3, 4]),
        ("year LIKE '202'", []),
        ("month IN (1, 5)", [1, 3]),
        ("month NOT IN (1, 5)", [2, 4]),
        ("year IN ('2023')", [3, 4]),
        ("day > '2023-12-31'", [1, 2]),
        ("day = '2023-05-31'", [3]),
        ("day BETWEEN '2023-06-01' AND '2024-06-01'", [1, 4]),
        ("ts >= '2024-12-01 00:00:00.1'", [2]),
        ("ts < '2023-10-01 08:00:00'", [3]),
        ("ts = '2024-01-15 10:00:00.000'", [1]),
        ("price > 10", [1, 3]),
        ("price = 2", [4]),
        ("price < 9.995", [2, 4]),
        ("NOT (year = '2024')", [3, 4]),
        ("NOT year = '2024'", [3, 4]),
        ("year = '2023' OR month = 1", [1, 3, 4]),
        ("year = '2023' OR year = '2024' AND month = 12", [2, 3, 4]),
        ("(year = '2023' OR year = '2024') AND month = 12", [2]),
        ("year IS NULL", []),
        ("year IS NOT NULL", [1, 2, 3, 4]),
        ("year = '2024' and month in (12)", [2]),
        ("`year` = '2024' AND `month` = 1", [1]),
        ("YEAR = '2023' AND Month = 10", [4]),
        ("", [1, 2, 3, 4]),
    ])
    func operators(expression: String, expected: [Int]) throws {
        let store = try store()
        #expect(try select(expression, in: store) == expected, "\(expression)")
    }

    @Test("Bad expressions are InvalidInputException", arguments: [
        "month >", "month = = 1", "year LIKE 5", "year = 'abc", "colour = 'red'", "month LIKE '1%'",
        "month = 'x'", "day = '2024-13-01'", "day = '2023-02-29'", "ts = '2024-01-01'", "price = 'ten'",
        "month IN ()", "month BETWEEN 1", "year = '2024' AND", "(year = '2024'", "year ~ '2024'", "month = 1 month",
    ])
    func invalid(expression: String) throws {
        let store = try store()
        expectGlueError(.invalidInput) { _ = try select(expression, in: store) }
    }

    @Test("A stored value that is not of its key's type is InvalidStateException")
    func badStoredValue() throws {
        let store = try store()
        try store.createPartition(
            CreatePartitionRequest(
                databaseName: "sales", tableName: "orders",
                partitionInput: PartitionInput(values: ["2022", "May", "2022-05-01", "2022-05-01 00:00:00", "1"])))
        expectGlueError(.invalidState) { _ = try select("month > 2", in: store) }
        #expect(try select("year = '2022'", in: store).isEmpty)
    }

    @Test("Quotes inside string literals are doubled; keys of unsupported types cannot be compared")
    func quotingAndTypes() throws {
        let store = try makeStore()
        try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "d")))
        try store.createTable(CreateTableRequest(databaseName: "d", tableInput: partitionedTable("t", keys: [("name", "string"), ("flag", "boolean")])))
        try store.createPartition(
            CreatePartitionRequest(databaseName: "d", tableName: "t", partitionInput: PartitionInput(values: ["it's", "true"])))
        let hit = try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t", expression: "name = 'it''s'"))
        #expect(hit.partitions?.count == 1)
        expectGlueError(.invalidInput) {
            _ = try store.getPartitions(GetPartitionsRequest(databaseName: "d", tableName: "t", expression: "flag = 'true'"))
        }
    }

    @Test("The parser alone accepts the grammar and reports the offset of an error")
    func parserOffsets() throws {
        #expect(throws: Never.self) { try PartitionExpression(parsing: "a = 1 AND (b IN ('x', 'y') OR NOT c LIKE 'z%')") }
        do {
            _ = try PartitionExpression(parsing: "a = 1 AND")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("offset 9"))
        }
    }
}
