import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct FieldTransformTests {
    @Test("SelectFields keeps listed fields in the listed order, reaches into structs, ignores missing paths")
    func selectFields() throws {
        let output = try SelectFields(["address.city", "NAME", "missing"]).apply([people()])
        expectTable(output, """
            +----------+------+
            | address  | name |
            +----------+------+
            | {Zürich} | Zoë  |
            | {Berlin} | NULL |
            | NULL     |      |
            | {東京}     | Ada  |
            +----------+------+
            """)
        #expect(output.schema.description == "address struct<city:string>, name string")
        let two = try SelectFields(["address.zip", "id", "address.city"]).apply([people()])
        #expect(two.schema.description == "address struct<zip:string,city:string>, id bigint")
    }

    @Test("DropFields removes top-level and nested fields; dropping a struct's last field drops the struct")
    func dropFields() throws {
        let output = try DropFields(["age", "address.zip"]).apply([people()])
        #expect(output.schema.description == "id bigint, name string, address struct<city:string>")
        let all = try DropFields(["address.zip", "address.city", "nothing.here"]).apply([people()])
        #expect(all.schema.description == "id bigint, name string, age int")
        #expect(all.rowCount == 4)
    }

    @Test("RenameField renames in place, inside structs, and moves fields between levels")
    func renameField() throws {
        let top = try RenameField("name", to: "full_name").apply([people()])
        #expect(top.schema.names == ["id", "full_name", "age", "address"])
        let nested = try RenameField("address.zip", to: "address.postcode").apply([people()])
        #expect(nested.schema.description == "id bigint, name string, age int, address struct<city:string,postcode:string>")
        let moved = try RenameField("address.city", to: "city").apply([people()])
        expectTable(try SelectFields(["id", "city", "address"]).apply([moved]), """
            +----+--------+------------+
            | id | city   | address    |
            +----+--------+------------+
            | 1  | Zürich | {8001}     |
            | 2  | Berlin | {NULL}     |
            | 3  | NULL   | NULL       |
            | 4  | 東京     | {100-0001} |
            +----+--------+------------+
            """)
        let missing = try RenameField("nope", to: "other").apply([people()])
        #expect(missing.schema == (try people()).schema)
        #expect(throws: GlueError.self) { try RenameField("name", to: "age").apply([people()]) }
    }

    @Test("SplitFields + SelectFromCollection give the selected fields and the rest")
    func splitFields() throws {
        let collection = SplitFields(["id", "age"]).collection
        let first = try SelectFromCollection(index: 0).select(from: collection)
        let second = try SelectFromCollection(index: 1).select(from: collection)
        #expect(try first.outputSchema(for: [people().schema]).names == ["id", "age"])
        #expect(try second.outputSchema(for: [people().schema]).names == ["name", "address"])
        #expect(throws: GlueError.self) { try SelectFromCollection(index: 2).select(from: collection) }
    }

    @Test("Transforms accept empty batches and all-null columns")
    func emptyAndAllNull() throws {
        let empty = RecordBatch.empty(try people().schema)
        #expect(try SelectFields(["name"]).apply([empty]).rowCount == 0)
        let nulls = try RecordBatch(["a": Column.nulls(.string, count: 3), "b": Column(int64: [1, 2, 3])])
        expectTable(try RenameField("a", to: "z").apply([nulls]), """
            +------+---+
            | z    | b |
            +------+---+
            | NULL | 1 |
            | NULL | 2 |
            | NULL | 3 |
            +------+---+
            """)
    }

    @Test("Union ALL appends the second input under the first input's names and rejects other shapes")
    func unionAll() throws {
        let left = try RecordBatch(["id": Column(int64: [1, nil]), "name": Column(strings: ["Ä", "b"])])
        let right = try RecordBatch(["key": Column(int64: [1]), "label": Column(strings: [nil])])
        let (batches, _) = try UnionAll().run([[left], [right]])
        expectTable(try RecordBatch.concatenate(batches), """
            +------+------+
            | id   | name |
            +------+------+
            | 1    | Ä    |
            | NULL | b    |
            | 1    | NULL |
            +------+------+
            """)
        #expect(throws: GlueError.self) { try UnionAll().outputSchema(for: [left.schema, Schema([Field("x", .bigint)])]) }
        #expect(throws: GlueError.self) { try UnionAll().outputSchema(for: [left.schema, Schema([Field("x", .bigint), Field("y", .int)])]) }
    }
}
