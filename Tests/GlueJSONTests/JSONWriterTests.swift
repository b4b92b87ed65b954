import Foundation
import GlueColumnar
import GlueCore
import GlueJSON
import Testing

@Suite struct JSONWriterTests {
    @Test("CLI.md's value rules: every column, schema order, null, numbers, NaN strings, decimals, dates, timestamps")
    func valueRules() throws {
        let batch = try RecordBatch([
            "i": Column(int64: [1, nil]),
            "d": Column(float64: [0.1, .nan]),
            "p": Column(.decimal(precision: 5, scale: 2), values: [.decimal(unscaled: 100, scale: 2), .decimal(unscaled: -5, scale: 2)]),
            "b": Column(boolean: [true, false]),
            "s": Column(strings: ["q\"\n\\é", ""]),
            "day": Column(.date, values: [.date(days: 0), .null]),
            "at": Column(.timestamp, values: [.timestamp(microseconds: 1_500_000), .timestamp(microseconds: 0)]),
            "ntz": Column(.timestampNTZ, values: [.timestamp(microseconds: 1), .null]),
            "bin": Column(.binary, values: [.binary([104, 105]), .null]),
        ])
        let text = String(decoding: try JSONWriter.encode([batch], schema: batch.schema), as: UTF8.self)
        #expect(text == """
            {"i":1,"d":0.1,"p":1.00,"b":true,"s":"q\\"\\n\\\\é","day":"1970-01-01","at":"1970-01-01T00:00:01.500000Z","ntz":"1970-01-01T00:00:00.000001","bin":"aGk="}
            {"i":null,"d":"NaN","p":-0.05,"b":false,"s":"","day":null,"at":"1970-01-01T00:00:00Z","ntz":null,"bin":null}

            """)
    }

    @Test("Nested values: structs as objects, arrays, maps, choice branches")
    func nested() throws {
        let type = DataType.struct([Field("a", .bigint), Field("tags", .array(.string))])
        let batch = try RecordBatch([
            "n": Column(type, values: [.structure([.integer(1), .array([.string("x"), .null])]), .null]),
            "c": Column(.choice([.bigint, .string]), values: [.integer(3), .string("y")]),
            "m": Column(.map(key: .string, value: .int), values: [.map(keys: [.string("k")], values: [.integer(2)]), .map(keys: [], values: [])]),
        ])
        let text = String(decoding: try JSONWriter.encode([batch], schema: batch.schema), as: UTF8.self)
        #expect(text == "{\"n\":{\"a\":1,\"tags\":[\"x\",null]},\"c\":3,\"m\":{\"k\":2}}\n{\"n\":null,\"c\":\"y\",\"m\":{}}\n")
    }

    @Test("What the writer writes reads back unchanged with the same schema")
    func roundTrip() throws {
        let schema = try Schema(parsing: "i bigint, d double, p decimal(10,3), s string, day date, at timestamp, b boolean, arr array<int>")
        var rng = UInt64(42)
        func next() -> UInt64 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return rng >> 11
        }
        var columns: [[Value]] = Array(repeating: [], count: schema.count)
        for _ in 0..<500 {
            columns[0].append(next() % 7 == 0 ? .null : .integer(Int64(bitPattern: next() << 11)))
            columns[1].append(.double([0.1, 1e300, -2.5e-300, .infinity, 3][Int(next() % 5)]))
            columns[2].append(.decimal(unscaled: Int128(Int64(next() % 10_000_000_000)) - 5_000_000_000, scale: 3))
            columns[3].append(.string(["", "a\"b", "\u{1}\t", "日本", "\\"][Int(next() % 5)]))
            columns[4].append(.date(days: Int32(next() % 100_000) - 50_000))
            columns[5].append(.timestamp(microseconds: Int64(next() % 4_000_000_000_000_000) - 2_000_000_000_000_000))
            columns[6].append(.boolean(next() % 2 == 0))
            columns[7].append(.array([.integer(Int64(next() % 100)), .null]))
        }
        let batch = try RecordBatch(schema: schema, columns: zip(schema.fields, columns).map { try Column($0.dataType, values: $1) })
        let bytes = try JSONWriter.encode([batch], schema: schema)
        let back = try JSONReader(schema: schema).read(bytes: bytes)
        #expect(back.errors.isEmpty)
        let rows = back.batches.flatMap { b in (0..<b.rowCount).map { b.row(at: $0) } }
        #expect(rows == (0..<batch.rowCount).map { batch.row(at: $0) })
    }

    @Test("Zero rows give an empty file")
    func empty() throws {
        #expect(try JSONWriter.encode([], schema: Schema(parsing: "a int")).isEmpty)
    }
}
