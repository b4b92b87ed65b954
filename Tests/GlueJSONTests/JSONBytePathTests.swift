import GlueColumnar
import GlueCore
@testable import GlueJSON
import Testing

/// The byte-level path (``JSONLineConverter``) against the tree path (GlueCore's `JSONParser` and
/// ``JSONValueConverter``): the same rows and the same error records on tricky and random input.
@Suite struct JSONBytePathTests {
    static let schema: Schema = {
        do {
            return try Schema(parsing: """
                id bigint, i int, t tinyint, s string, d double, f float, p decimal(10,2), b boolean, dt date, \
                ts timestamp, bin binary, arr array<bigint>, st struct<a:bigint,b:string>, ch choice<bigint,string>
                """)
        } catch {
            return Schema([])
        }
    }()

    /// Reads `bytes` both ways; returns (byte path, tree path) as comparable text.
    static func bothWays(_ bytes: [UInt8], schema: Schema = schema, workers: Int = 1) throws -> (String, String, JSONReadResult) {
        var fast = try JSONReader(schema: schema, workers: workers, batchRowCount: 7)
        var tree = fast
        fast.usesBytePath = true
        tree.usesBytePath = false
        let a = try fast.read(bytes: bytes, fileName: "t.jsonl")
        let b = try tree.read(bytes: bytes, fileName: "t.jsonl")
        return (describe(a), describe(b), a)
    }

    static func describe(_ result: JSONReadResult) -> String {
        let rows = result.batches.flatMap { batch in (0..<batch.rowCount).map { "\(batch.row(at: $0))" } }
        let errors = result.errors.map { "\($0.line)|\($0.byteOffset)|\($0.path ?? "-")|\($0.reason)|\($0.recordText)" }
        return (rows + ["--"] + errors).joined(separator: "\n")
    }

    static let tricky: [String] = [
        #"{"id": 1, "s": "plain", "d": 1.5, "p": 12.345, "b": true, "dt": "2024-02-29", "ts": "2024-01-02T03:04:05.123456Z"}"#,
        #"{"s": "a\"b\\c\/d\b\f\n\r\tz"}"#,
        #"{"s": "\u00e9\u20AC\ud83d\ude00 and \u0000"}"#,
        #"{"s": "lone \ud83d"}"#,
        #"{"s": "lone \ude00"}"#,
        #"{"s": "pair? \ud83d\u0041"}"#,
        #"{"s": "bad hex \u12G4"}"#,
        #"{"s": "bad escape \x"}"#,
        #"{"id": 1, "id": 2}"#,
        #"{"ID": 1, "id": 2}"#,
        #"{"id": 1, "ID": 2}"#,
        #"{"Id": 1, "ID": 2}"#,
        #"{"n\u0061me": 1, "\u0069d": 3}"#,
        #"{"id": 1e3}"#, #"{"id": 1.0}"#, #"{"id": -0}"#, #"{"id": 9223372036854775807}"#,
        #"{"id": 9223372036854775808}"#, #"{"id": -9223372036854775808}"#, #"{"id": -9223372036854775809}"#,
        #"{"i": 2147483647}"#, #"{"i": 2147483648}"#, #"{"t": 127}"#, #"{"t": -129}"#,
        #"{"id": 01}"#, #"{"id": -}"#, #"{"id": 1.}"#, #"{"id": .5}"#, #"{"id": +1}"#, #"{"id": 1e}"#,
        #"{"d": 1e400, "f": 1e40}"#, #"{"d": 1e-400}"#, #"{"d": 0.1, "f": 0.1}"#, #"{"d": 123456789012345678901234567890}"#,
        #"{"d": 1.7976931348623157e308}"#, #"{"d": -0.0}"#, #"{"d": 5e-324}"#, #"{"d": 0.30000000000000004}"#,
        #"{"d": 9007199254740993}"#, #"{"d": 1.00000000000000000000001}"#,
        #"{"d": "NaN", "f": "Infinity"}"#, #"{"d": "-Infinity"}"#, #"{"d": "nan"}"#, #"{"d": "\u004EaN"}"#, #"{"d": true}"#,
        #"{"p": 1e2}"#, #"{"p": 1.005}"#, #"{"p": -1.005}"#, #"{"p": 1e-3}"#, #"{"p": 12345678901.5}"#, #"{"p": 99999999.994}"#,
        #"{"p": 99999999.995}"#, #"{"p": 1e99999999999999999999}"#, #"{"p": "1.5"}"#,
        #"{"id": null, "i": null, "s": null, "d": null, "p": null, "b": null, "dt": null, "ts": null, "arr": null, "st": null, "ch": null}"#,
        #"{}"#, #"{"other": 1}"#,
        #"{"s": {"a": 1, "b": [true, null]}}"#, #"{"s": [1, "x"]}"#, #"{"s": true}"#, #"{"s": false}"#, #"{"s": 1.50}"#, #"{"s": -0e5}"#,
        #"{"arr": [1, 2, 3]}"#, #"{"arr": [1, "x"]}"#, #"{"arr": []}"#, #"{"arr": {}}"#,
        #"{"st": {"a": 1, "b": "x"}}"#, #"{"st": {"A": 1, "a": 2, "B": "y"}}"#, #"{"st": {"a": "no"}}"#,
        #"{"ch": 5}"#, #"{"ch": "five"}"#, #"{"ch": 5.5}"#, #"{"ch": true}"#,
        #"{"b": "true"}"#, #"{"b": 1}"#,
        #"{"dt": "2023-02-29"}"#, #"{"dt": "2024-1-5"}"#, #"{"dt": "2024\u002d01-01"}"#, #"{"dt": 20240101}"#,
        #"{"ts": "2024-01-02 03:04"}"#, #"{"ts": "2024-01-02T03:04:05+01:00"}"#, #"{"ts": "2024-01-02T03:04:05-0130"}"#, #"{"ts": "2024-01-02T25:00"}"#,
        #"{"bin": "aGk="}"#, #"{"bin": "a"}"#, #"{"bin": ""}"#,
        "\t{ \"id\" :\t7 ,\r\"s\":\"x\" }  ", "{\"id\": 8}\r",
        #"[1, 2]"#, #""str""#, #"5"#, #"null"#, #"{"id": 1} x"#, #"{"id": 1"#, #"{"id" 1}"#, #"{id: 1}"#, #"{"id": 1,}"#,
        "\u{FEFF}{\"id\": 9}",
        #"{"deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "id": 10}"#,
        #"{"ignored": {"x": [1, {"y": "z\n"}], "w": tru}, "id": 11}"#,
        #"{"Ölpreis": 1, "s": "ö"}"#,
        #"{"K": 1}"#,
    ]

    @Test("Tricky lines: the byte path and the tree path read the same rows and error records")
    func tricky() throws {
        var text = Self.tricky.joined(separator: "\n")
        text += "\n"
        let (fast, tree, result) = try Self.bothWays(Array(text.utf8))
        #expect(fast == tree)
        // The inputs cover both outcomes.
        #expect(result.rowCount > 40)
        #expect(result.errors.count > 30)
    }

    @Test("Invalid UTF-8 (in values, ignored members, keys, nested strings) and raw control bytes agree")
    func invalidBytes() throws {
        let prefix = Array(#"{"id": 1, "s": "a"#.utf8)
        let suffix = Array(#"b"}"#.utf8)
        var input: [UInt8] = []
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x01], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80]] {
            input += prefix + bad + suffix + [10]
            input += Array(#"{"id": 2, "other": "x"#.utf8) + bad + Array(#"y"}"#.utf8) + [10]
            input += Array(#"{"i"#.utf8) + bad + Array(#"d": 3}"#.utf8) + [10]
            input += Array(#"{"id": 4, "arr": [1], "n": {"k": ""#.utf8) + bad + Array(#""}}"#.utf8) + [10]
            input += Array(#"{"id": 5, "s": "long ascii run before the bad byte 0123456789"#.utf8) + bad + Array(#""}"#.utf8) + [10]
        }
        let (fast, tree, result) = try Self.bothWays(input)
        #expect(fast == tree)
        #expect(!result.errors.isEmpty && result.rowCount > 0)
    }

    @Test("Duplicate keys: the last member wins (as Spark's JSON reader); an exact name beats a case-insensitive one")
    func duplicates() throws {
        let text = #"{"id": 1, "id": 2}"# + "\n" + #"{"id": 1, "ID": 2}"# + "\n" + #"{"Id": 1, "ID": 2}"# + "\n" + #"{"s": "a", "s": null}"#
        for bytePath in [true, false] {
            var reader = try JSONReader(schema: Schema(parsing: "id bigint, s string"))
            reader.usesBytePath = bytePath
            let result = try reader.read(bytes: Array(text.utf8))
            #expect(result.errors.isEmpty)
            let rows = result.batches.flatMap { batch in (0..<batch.rowCount).map { batch.row(at: $0) } }
            #expect(rows == [[.integer(2), .null], [.integer(1), .null], [.integer(2), .null], [.null, .null]])
        }
    }

    @Test("Ordinary lines take the byte path; nested and odd ones fall back to the tree path")
    func bytePathIsUsed() throws {
        let converter = JSONLineConverter(schema: Self.schema)
        var sinks = Self.schema.fields.map { JSONColumnSink($0.dataType) }
        func accepts(_ line: String) -> Bool {
            var bytes = Array(line.utf8)
            let rows = sinks[0].count
            return bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                return converter.convert(base, buffer.count, into: &sinks, rows: rows)
            }
        }
        #expect(accepts(Self.tricky[0]))
        #expect(accepts(#"{"s": "a\"b\\c\/d\b\f\n\r\tz", "id": -5, "d": 1e-7, "p": -1.005, "other": [1, {"x": null}]}"#))
        #expect(accepts(#"{"arr": [1, 2], "st": {"a": 1}, "ch": "x"}"#))
        #expect(!accepts(#"{"id": 1e3}"#))
        #expect(!accepts(#"{"s": {"a": 1}}"#))
        #expect(!accepts("\u{FEFF}{}"))
        // Nothing of a refused line stays behind.
        #expect(sinks.allSatisfy { $0.count == 3 })
    }

    @Test("Random mutations of valid lines: both paths agree, in parallel ranges too")
    func randomMutations() throws {
        var generator = SplitMix(seed: 0x5EED)
        let pieces: [[UInt8]] = [
            Array("\"".utf8), Array("\\".utf8), Array("\\u".utf8), Array("\\ud800".utf8), Array("\\udc00".utf8), Array("e5".utf8),
            Array("-".utf8), Array(".".utf8), Array("0".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8),
            Array(",".utf8), Array(":".utf8), Array("null".utf8), [0xFF], [0xC3], [0xA9], [0x09], [0x01], Array(" ".utf8),
            Array("ID".utf8), Array("\"id\":".utf8), Array("\"s\":".utf8),
        ]
        var input: [UInt8] = []
        let bases = Self.tricky.prefix(20) + [#"{"id": 12, "s": "hello world", "d": 2.5, "p": 3.14, "arr": [1, 2], "st": {"a": 1, "b": "q"}, "ch": 3}"#]
        for _ in 0..<3_000 {
            var line = Array(bases[Int(generator.next() % UInt64(bases.count))].utf8)
            for _ in 0..<Int(generator.next() % 3) {
                let position = Int(generator.next() % UInt64(line.count + 1))
                switch generator.next() % 3 {
                case 0: line.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))], at: position)
                case 1: if position < line.count { line.remove(at: position) }
                default: if position < line.count { line[position] = pieces[Int(generator.next() % UInt64(pieces.count))].first ?? 0x20 }
                }
            }
            input += line.filter { $0 != 10 } + [10]
        }
        let (fast, tree, result) = try Self.bothWays(input)
        #expect(fast == tree)
        #expect(result.rowCount > 500 && result.errors.count > 500)
        let (parallelFast, _, _) = try Self.bothWays(input, workers: 3)
        #expect(parallelFast == tree)
    }
}

/// A tiny deterministic generator for the mutation test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
