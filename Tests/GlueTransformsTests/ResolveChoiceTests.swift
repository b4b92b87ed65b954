import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct ResolveChoiceTests {
    /// The Medicare sample's shape: `provider id` is mostly long, sometimes a string.
    func medicare() throws -> RecordBatch {
        try RecordBatch([
            "provider id": Column(.choice([.bigint, .string]), values: [.integer(10001), .string("abc"), .null, .string("20002"), .integer(7)]),
            "name": Column(strings: ["A", "B", "C", "Ä", "E"]),
        ])
    }

    @Test("cast:long casts every branch; strings that are not numbers become null")
    func cast() throws {
        let output = try ResolveChoice(specs: [("`provider id`", .init(parsing: "cast:long"))]).apply([medicare()])
        #expect(output.schema.description == "provider id bigint, name string")
        #expect(output.columns[0].values == [.integer(10001), .null, .null, .integer(20002), .integer(7)])
    }

    @Test("project:string keeps only string values")
    func project() throws {
        let output = try ResolveChoice(specs: [("`provider id`", .init(parsing: "project:string"))]).apply([medicare()])
        #expect(output.columns[0].values == [.null, .string("abc"), .null, .string("20002"), .null])
    }

    @Test("make_cols splits into <field>_<type> columns, the extra one at the end")
    func makeCols() throws {
        let output = try ResolveChoice(choice: .makeCols).apply([medicare()])
        expectTable(output, """
            +------------------+------+--------------------+
            | provider id_long | name | provider id_string |
            +------------------+------+--------------------+
            | 10001            | A    | NULL               |
            | NULL             | B    | abc                |
            | NULL             | C    | NULL               |
            | NULL             | Ä    | 20002              |
            | 7                | E    | NULL               |
            +------------------+------+--------------------+
            """)
    }

    @Test("make_struct makes a struct with one field per type")
    func makeStruct() throws {
        let output = try ResolveChoice(specs: [("`provider id`", .makeStruct)]).apply([medicare()])
        #expect(output.schema.description == "provider id struct<long:bigint,string:string>, name string")
        #expect(output.columns[0].values[1] == .structure([.null, .string("abc")]))
        #expect(output.columns[0].values[2] == .null)
    }

    @Test("match_catalog casts each choice column to the catalog's type; only as choice=")
    func matchCatalog() throws {
        let catalog = try Schema(parsing: "`provider id` string, name string")
        let output = try ResolveChoice(choice: .matchCatalog(catalog)).apply([medicare()])
        #expect(output.columns[0].values == [.string("10001"), .string("abc"), .null, .string("20002"), .string("7")])
        #expect(throws: GlueError.self) { try ResolveChoice(specs: [("name", .matchCatalog(catalog))]) }
        #expect(throws: GlueError.self) { try ResolveChoice.Action(parsing: "explode") }
    }
}
