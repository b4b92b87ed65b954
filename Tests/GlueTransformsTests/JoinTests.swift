import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct JoinTests {
    func orders() throws -> RecordBatch {
        try RecordBatch([
            "order_id": Column(int64: [10, 11, 12, 13, 14]),
            "customer": Column(int32: [1, 2, 2, nil, 9]),
        ])
    }

    func customers() throws -> RecordBatch {
        try RecordBatch([
            "cust_id": Column(int64: [1, 2, 2, 3, nil]),
            "cust_name": Column(strings: ["Zoë", "Bob", "Bob-dup", "東京 Ltd", "ghost"]),
        ])
    }

    func join(_ type: Join.JoinType) throws -> RecordBatch {
        try Join(type, leftKeys: ["customer"], rightKeys: ["cust_id"]).run(left: [orders()], right: [customers()])
    }

    @Test("equijoin pairs every match, including duplicate keys; null keys never match; int meets bigint")
    func inner() throws {
        expectTable(try join(.equijoin), """
            +----------+----------+---------+-----------+
            | order_id | customer | cust_id | cust_name |
            +----------+----------+---------+-----------+
            | 10       | 1        | 1       | Zoë       |
            | 11       | 2        | 2       | Bob       |
            | 11       | 2        | 2       | Bob-dup   |
            | 12       | 2        | 2       | Bob       |
            | 12       | 2        | 2       | Bob-dup   |
            +----------+----------+---------+-----------+
            """)
    }

    @Test("left keeps unmatched left rows with nulls; right keeps unmatched right rows")
    func outerSides() throws {
        expectTable(try join(.left), """
            +----------+----------+---------+-----------+
            | order_id | customer | cust_id | cust_name |
            +----------+----------+---------+-----------+
            | 10       | 1        | 1       | Zoë       |
            | 11       | 2        | 2       | Bob       |
            | 11       | 2        | 2       | Bob-dup   |
            | 12       | 2        | 2       | Bob       |
            | 12       | 2        | 2       | Bob-dup   |
            | 13       | NULL     | NULL    | NULL      |
            | 14       | 9        | NULL    | NULL      |
            +----------+----------+---------+-----------+
            """)
        #expect(sortedTable(try join(.right)) == """
            +----------+----------+---------+-----------+
            | order_id | customer | cust_id | cust_name |
            +----------+----------+---------+-----------+
            | 10       | 1        | 1       | Zoë       |
            | 11       | 2        | 2       | Bob       |
            | 11       | 2        | 2       | Bob-dup   |
            | 12       | 2        | 2       | Bob       |
            | 12       | 2        | 2       | Bob-dup   |
            | NULL     | NULL     | 3       | 東京 Ltd    |
            | NULL     | NULL     | NULL    | ghost     |
            +----------+----------+---------+-----------+
            """)
    }

    @Test("outer keeps unmatched rows of both sides")
    func fullOuter() throws {
        let result = try join(.outer)
        #expect(result.rowCount == 9)
        #expect(sortedTable(result).contains("| NULL     | NULL     | 3       | 東京 Ltd    |"))
        #expect(sortedTable(result).contains("| 14       | 9        | NULL    | NULL      |"))
    }

    @Test("leftsemi keeps matching left rows once; leftanti keeps the others, null keys included")
    func semiAnti() throws {
        #expect(int64s(try join(.leftsemi)) == [10, 11, 12])
        #expect(int64s(try join(.leftanti)) == [13, 14])
        #expect(try join(.leftsemi).schema.names == ["order_id", "customer"])
    }

    @Test("Multi-key joins, string keys, empty sides")
    func multiKey() throws {
        let left = try RecordBatch(["a": Column(strings: ["x", "x", "y", nil]), "b": Column(int64: [1, 2, 1, 1]), "l": Column(int64: [1, 2, 3, 4])])
        let right = try RecordBatch(["c": Column(strings: ["x", "y", "y"]), "d": Column(int64: [2, 1, 1]), "r": Column(int64: [7, 8, 9])])
        let result = try Join(.equijoin, leftKeys: ["a", "b"], rightKeys: ["c", "d"]).run(left: [left], right: [right])
        #expect(result.columns[2].values == [.integer(2), .integer(3), .integer(3)])
        #expect(result.columns[5].values == [.integer(7), .integer(8), .integer(9)])
        let emptyRight = try Join(.left, leftKeys: ["a", "b"], rightKeys: ["c", "d"]).run(left: [left], right: [], rightSchema: right.schema)
        #expect(emptyRight.rowCount == 4)
        #expect(emptyRight.columns[5].nullCount == 4)
        let emptyLeft = try Join(.outer, leftKeys: ["a", "b"], rightKeys: ["c", "d"]).run(left: [], right: [right], leftSchema: left.schema)
        #expect(emptyLeft.rowCount == 3)
    }

    @Test("Clashing names, missing keys and a blown memory budget fail clearly")
    func failures() throws {
        let batch = try orders()
        #expect(throws: GlueError.self) { try Join(.equijoin, leftKeys: ["customer"], rightKeys: ["customer"]).run(left: [batch], right: [batch]) }
        #expect(throws: GlueError.self) { try Join(.equijoin, leftKeys: ["nope"], rightKeys: ["cust_id"]).run(left: [batch], right: [customers()]) }
        #expect(throws: GlueError.self) { try Join(.equijoin, leftKeys: ["a", "b"], rightKeys: ["c"]) }
        do {
            _ = try Join(.equijoin, leftKeys: ["customer"], rightKeys: ["cust_id"], memoryBudget: 64).run(left: [batch], right: [customers()])
            Issue.record("expected the budget to be exceeded")
        } catch let error as GlueError {
            #expect(error.code == .resourceNumberLimitExceeded)
            #expect(error.message.contains("memory budget"))
        }
    }
}
