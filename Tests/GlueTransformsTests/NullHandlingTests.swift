import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct NullHandlingTests {
    func sparse() throws -> RecordBatch {
        try RecordBatch([
            "id": Column(int64: [1, 2, 3]),
            "nothing": Column.nulls(.string, count: 3),
            "blank": Column(strings: ["", nil, "null"]),
            "minus": Column(int32: [-1, nil, -1]),
            "code": Column(strings: ["NA", "NA", nil]),
            "score": Column(float64: [1.0, nil, 4.0]),
        ])
    }

    @Test("DropNullFields drops all-null fields; options count placeholders as null")
    func dropNullFields() throws {
        #expect(try DropNullFields().apply([sparse()]).schema.names == ["id", "blank", "minus", "code", "score"])
        let options = DropNullFields(isEmpty: true, isNullString: true, isNegOne: true, nullValues: [.init("NA", dataType: .string)])
        let output = try options.apply([sparse()])
        expectTable(output, """
            +----+-------+
            | id | score |
            +----+-------+
            | 1  | 1.0   |
            | 2  | NULL  |
            | 3  | 4.0   |
            +----+-------+
            """)
        let emptyOnly = try DropNullFields(isEmpty: true).apply([sparse()])
        #expect(emptyOnly.schema.names == ["id", "blank", "minus", "code", "score"])
    }

    @Test("FillMissingValues fills with the mean or the most frequent value into <field>_filled")
    func fillMissingValues() throws {
        let numbers = try FillMissingValues(imputedPath: "score").apply([sparse()])
        #expect(numbers.schema.names.last == "score_filled")
        #expect(numbers.columns.last?.values == [.double(1), .double(2.5), .double(4)])
        let text = try FillMissingValues(imputedPath: "code", filledPath: "code2").apply([sparse()])
        #expect(text.columns.last?.values == [.string("NA"), .string("NA"), .string("NA")])
        let integers = try FillMissingValues(imputedPath: "minus").apply([sparse()])
        #expect(integers.columns.last?.values == [.integer(-1), .integer(-1), .integer(-1)])
        let none = try FillMissingValues(imputedPath: "nothing").apply([sparse()])
        #expect(none.columns.last?.nullCount == 3)
        #expect(throws: GlueError.self) { try FillMissingValues(imputedPath: "nope").outputSchema(for: [sparse().schema]) }
    }
}
