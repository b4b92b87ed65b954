import Foundation
import GlueColumnar
import GlueCore
import GlueJSON
import Testing

@Suite struct JSONReaderTests {
    static func rows(_ result: JSONReadResult) -> [[Value]] {
        result.batches.flatMap { batch in (0..<batch.rowCount).map { batch.row(at: $0) } }
    }

    @Test("JSON Lines: one object per line, members by name, missing members null, blank lines skipped")
    func jsonLines() throws {
        let text = "{\"id\": 1, \"name\": \"Ada\"}\n\n{\"name\": \"Grace\", \"id\": 2, \"extra\": true}\r\n{\"id\": 3}"
        let reader = try JSONReader(schema: Schema(parsing: "id bigint, name string"))
        let result = try reader.read(bytes: Array(text.utf8))
        #expect(result.errors.isEmpty)
        #expect(Self.rows(result) == [[.integer(1), .string("Ada")], [.integer(2), .string("Grace")], [.integer(3), .null]])
    }

    @Test("Bad lines are error records with line and offset; the following lines are unaffected")
    func errorRecords() throws {
        let text = "{\"id\": 1}\n{\"id\": \n[1,2]\n{\"id\": \"x\"}\n{\"id\": 99999999999999999999}\n{\"id\": 5}\n"
        let result = try JSONReader(schema: Schema(parsing: "id bigint")).read(bytes: Array(text.utf8), fileName: "f.jsonl")
        #expect(Self.rows(result) == [[.integer(1)], [.integer(5)]])
        #expect(result.errors.map(\.line) == [2, 3, 4, 5])
        #expect(result.errors.map(\.byteOffset) == [10, 18, 24, 36])
        #expect(result.errors.allSatisfy { $0.file == "f.jsonl" })
    }

    @Test("Typed values: decimals exact, dates, timestamps with Z and offsets, NaN strings, base64")
    func typedValues() throws {
        let text = #"{"p": 12.345, "d": "2024-02-29", "t": "2024-01-02T03:04:05.5Z", "x": "NaN", "b": "aGk="}"# + "\n"
            + #"{"p": -1e-2, "d": null, "t": "2024-01-02T03:04:05+01:00", "x": 1.5, "b": ""}"#
        let schema = try Schema(parsing: "p decimal(6,2), d date, t timestamp, x double, b binary")
        let result = try JSONReader(schema: schema).read(bytes: Array(text.utf8))
        #expect(result.errors.isEmpty)
        let rows = Self.rows(result)
        #expect(rows[0][0] == .decimal(unscaled: 1235, scale: 2))
        #expect(rows[0][1] == .date(days: Int32(CivilDate(year: 2024, month: 2, day: 29).daysSinceEpoch)))
        let day = Int64(CivilDate(year: 2024, month: 1, day: 2).daysSinceEpoch) * 86_400_000_000
        #expect(rows[0][2] == .timestamp(microseconds: day + (3 * 3600 + 4 * 60 + 5) * 1_000_000 + 500_000))
        if case .double(let x) = rows[0][3] { #expect(x.isNaN) } else { Issue.record("not a double") }
        #expect(rows[0][4] == .binary(Array("hi".utf8)))
        #expect(rows[1][0] == .decimal(unscaled: -1, scale: 2))
        #expect(rows[1][2] == .timestamp(microseconds: day + (2 * 3600 + 4 * 60 + 5) * 1_000_000))
    }

    @Test("Schema inference: choice types for mixed fields, nested structs and arrays")
    func inference() throws {
        let text = """
            {"id": 1, "v": 1, "tags": ["a"], "addr": {"city": "Oslo"}}
            {"id": 2, "v": "x", "tags": [], "addr": {"zip": 123}}
            {"id": 3, "v": 2.5, "tags": null, "addr": null, "late": true}
            """
        let schema = try JSONReader.inferSchema(source: JSONReader.source(Array(text.utf8)))
        #expect(schema.description == "id bigint, v choice<bigint,string,double>, tags array<string>, addr struct<city:string,zip:bigint>, late boolean")
        let result = try JSONReader(schema: schema).read(bytes: Array(text.utf8))
        #expect(result.errors.isEmpty)
        let rows = Self.rows(result)
        #expect(rows.map { $0[1] } == [.integer(1), .string("x"), .double(2.5)])
        #expect(rows[0][3] == .structure([.string("Oslo"), .null]))
        #expect(rows[1][2] == .array([]))
    }

    @Test("multiLine: one document holding an array, or one object; jsonPath selects records")
    func multiLine() throws {
        let array = "[\n {\"id\": 1},\n {\"id\": 2}\n]"
        let reader = try JSONReader(schema: Schema(parsing: "id int"), options: JSONOptions(multiLine: true))
        #expect(Self.rows(try reader.read(bytes: Array(array.utf8))) == [[.integer(1)], [.integer(2)]])
        let nested = "{\"data\": {\"items\": [{\"id\": 7}, {\"id\": 8}]}}"
        let pathReader = try JSONReader(schema: Schema(parsing: "id int"), options: JSONOptions(multiLine: true, jsonPath: "$.data.items[*]"))
        #expect(Self.rows(try pathReader.read(bytes: Array(nested.utf8))) == [[.integer(7)], [.integer(8)]])
        #expect(throws: GlueError.self) { try JSONOptions(formatOptions: ["jsonPath": "items"]) }
    }

    @Test("Parallel conversion of many lines keeps order and line numbers")
    func parallel() throws {
        var text = ""
        for index in 0..<30_000 { text += index % 1000 == 999 ? "{bad}\n" : "{\"id\": \(index), \"s\": \"row \(index)\"}\n" }
        let schema = try Schema(parsing: "id bigint, s string")
        let serial = try JSONReader(schema: schema, workers: 1, blockSize: 1 << 20).read(bytes: Array(text.utf8))
        let parallel = try JSONReader(schema: schema, workers: 3, blockSize: 300_000).read(bytes: Array(text.utf8))
        #expect(Self.rows(parallel) == Self.rows(serial))
        #expect(parallel.errors == serial.errors)
        #expect(serial.errors.count == 30)
        #expect(serial.errors.first?.line == 1000)
    }

    @Test("Gzip JSON Lines input is inflated")
    func gzip() throws {
        let schema = try Schema(parsing: "id bigint")
        let batch = try RecordBatch(["id": Column(int64: [1, nil, 3])])
        let compressed = try JSONWriter.encode([batch], schema: schema, gzip: true)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        let back = try JSONReader(schema: schema).read(bytes: compressed)
        #expect(Self.rows(back) == [[.integer(1)], [.null], [.integer(3)]])
    }
}
