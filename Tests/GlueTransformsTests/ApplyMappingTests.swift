import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct ApplyMappingTests {
    func raw() throws -> RecordBatch {
        try RecordBatch([
            "ID": Column(strings: ["1", "2", "x", nil]),
            "price": Column(strings: ["9.50", "1e3", "abc", "2"]),
            "city": Column(strings: ["Zürich", "東京", nil, ""]),
            "when": Column(strings: ["2024-02-29", "2024-13-01", nil, "2025-01-01 10:00:00"]),
            "n": Column(int32: [1, nil, 3, 4]),
        ])
    }

    @Test("Only mapped fields remain, renamed and cast with Spark's cast; failed casts are null, not errors")
    func castsAndRenames() throws {
        let mapping = try ApplyMapping([
            .init("id", "string", "order_id", "long"),
            .init("price", "string", "price", "decimal(10,2)"),
            .init("when", "string", "day", "date"),
            .init("n", "int", "n", "double"),
        ])
        let (batches, errors) = try mapping.run([[raw()]])
        #expect(errors.isEmpty)
        expectTable(try RecordBatch.concatenate(batches), """
            +----------+---------+------------+------+
            | order_id | price   | day        | n    |
            +----------+---------+------------+------+
            | 1        | 9.50    | 2024-02-29 | 1.0  |
            | 2        | 1000.00 | NULL       | NULL |
            | NULL     | NULL    | NULL       | 3.0  |
            | NULL     | 2.00    | 2025-01-01 | 4.0  |
            +----------+---------+------------+------+
            """)
    }

    @Test("Dotted targets build structs, dotted sources read them, Dropped leaves a field out")
    func nesting() throws {
        let mapping = try ApplyMapping([
            .init(FieldPath("city"), .string, "address.city", .string),
            .init(FieldPath("ID"), .string, "address.id", .int),
            .init(FieldPath("price"), .string, "price", nil, dropped: true),
        ])
        let output = try mapping.apply([raw()])
        #expect(output.schema.description == "address struct<city:string,id:int>")
        let back = try ApplyMapping([.init(FieldPath("ADDRESS.City"), .string, "town", .string)]).apply([output])
        #expect(back.columns[0].values == [.string("Zürich"), .string("東京"), .null, .string("")])
    }

    @Test("A declared source type of another family gives a null column; a missing source gives nulls")
    func sourceTypeMismatch() throws {
        let output = try ApplyMapping([
            .init("n", "string", "n_text", "string"),
            .init("n", "long", "n_long", "long"),
            .init("ghost", "string", "ghost", "int"),
        ]).apply([raw()])
        expectTable(output, """
            +--------+--------+-------+
            | n_text | n_long | ghost |
            +--------+--------+-------+
            | NULL   | 1      | NULL  |
            | NULL   | NULL   | NULL  |
            | NULL   | 3      | NULL  |
            | NULL   | 4      | NULL  |
            +--------+--------+-------+
            """)
    }

    @Test("Studio mapping entries flatten their children; type names accept Glue and Hive spellings")
    func studioEntries() throws {
        let mappings = try ApplyMapping.Mapping.studio(toKey: "loc", fromPath: ["address"], fromType: "struct", toType: "struct", children: [
            .init(toKey: "town", fromPath: ["city"], fromType: "String", toType: "String"),
            .init(toKey: "skip", fromPath: ["zip"], fromType: "string", toType: "string", dropped: true),
        ])
        #expect(mappings.map(\.target.description) == ["loc.town", "loc.skip"])
        #expect(mappings.map(\.source.description) == ["address.city", "address.zip"])
        let output = try ApplyMapping(mappings).apply([people()])
        #expect(output.schema.description == "loc struct<town:string>")
        #expect(try GlueTypeName.parse("Long") == .bigint)
        #expect(try GlueTypeName.parse("BIGINT") == .bigint)
        #expect(try GlueTypeName.parse("integer") == .int)
        #expect(try GlueTypeName.parse("decimal") == .decimal(precision: 10, scale: 2))
        #expect(throws: GlueError.self) { try GlueTypeName.parse("nonsense") }
        #expect(throws: GlueError.self) { try ApplyMapping([.init("a", "string", "x", "string"), .init("b", "string", "X", "int")]) }
    }

    @Test("Empty input and all-null columns map to typed empty and null columns")
    func emptyAndNull() throws {
        let mapping = try ApplyMapping([.init("a", "string", "a", "int")])
        let empty = try mapping.apply([RecordBatch.empty(Schema(parsing: "a string"))])
        #expect(empty.rowCount == 0 && empty.schema.description == "a int")
        let nulls = try mapping.apply([RecordBatch(["a": Column.nulls(.string, count: 2)])])
        #expect(nulls.columns[0].values == [.null, .null])
    }

    @Test("A choice column takes the branch its declared type names")
    func choice() throws {
        let column = try Column(.choice([.bigint, .string]), values: [.integer(1), .string("abc"), .null, .integer(4)])
        let batch = try RecordBatch(["provider id": column])
        let output = try ApplyMapping([.init("`provider id`", "long", "provider_id", "long")]).apply([batch])
        #expect(output.columns[0].values == [.integer(1), .null, .null, .integer(4)])
    }
}
