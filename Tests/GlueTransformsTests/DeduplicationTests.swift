import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct DeduplicationTests {
    func rows() throws -> RecordBatch {
        try RecordBatch([
            "k": Column(strings: ["a", "a", nil, "b", nil, "a", "ß"]),
            "v": Column(int64: [1, 1, 2, 3, 2, 4, 5]),
        ])
    }

    @Test("Whole-row de-duplication keeps the first of each in input order; nulls are equal")
    func wholeRow() throws {
        expectTable(try DropDuplicates().apply([rows()]), """
            +------+---+
            | k    | v |
            +------+---+
            | a    | 1 |
            | NULL | 2 |
            | b    | 3 |
            | a    | 4 |
            | ß    | 5 |
            +------+---+
            """)
    }

    @Test("A subset of columns keeps the first row of each key across batches")
    func subset() throws {
        let batch = try rows()
        let output = try DropDuplicates(columns: ["k"]).apply([batch.slice(0..<3), batch.slice(3..<7)])
        #expect(int64s(try SelectFields(["v"]).apply([output])) == [1, 2, 3, 5])
        #expect(try DropDuplicates().apply([RecordBatch.empty(batch.schema)]).rowCount == 0)
        #expect(throws: GlueError.self) { try DropDuplicates(columns: ["nope"]).outputSchema(for: [batch.schema]) }
    }

    @Test("Union DISTINCT removes duplicates across both inputs")
    func unionDistinct() throws {
        let left = try RecordBatch(["k": Column(strings: ["a", "b"]), "v": Column(int64: [1, 2])])
        let right = try RecordBatch(["key": Column(strings: ["b", "c", "a"]), "val": Column(int64: [2, 3, 9])])
        let (batches, _) = try Union.make(.distinct).run([[left], [right]])
        expectTable(try RecordBatch.concatenate(batches), """
            +---+---+
            | k | v |
            +---+---+
            | a | 1 |
            | b | 2 |
            | c | 3 |
            | a | 9 |
            +---+---+
            """)
    }
}
