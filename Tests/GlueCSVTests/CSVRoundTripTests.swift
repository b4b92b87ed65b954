import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import Testing

/// Property tests: random tables written with the writer read back unchanged, for every option
/// combination (deterministic seeds).
@Suite struct CSVRoundTripTests {
    static let schema = Schema([
        Field("id", .bigint), Field("small", .int), Field("ratio", .double), Field("price", .decimal(precision: 12, scale: 3)),
        Field("flag", .boolean), Field("day", .date), Field("at", .timestamp), Field("text", .string),
    ])

    struct Combination: CustomStringConvertible, Sendable {
        var separator: UInt8
        var quote: UInt8?
        var escaper: UInt8?
        var header: Bool
        var gzip: Bool
        var nullToken: Bool

        var options: CSVOptions {
            CSVOptions(
                separator: separator, quoteChar: quote, escaper: escaper, withHeader: header, writeHeader: header, multiLine: true,
                nullValue: nullToken ? Array("NULL".utf8) : nil, compression: gzip ? .gzip : .none)
        }

        var description: String {
            "sep \(separator) quote \(quote.map(String.init) ?? "none") esc \(escaper.map(String.init) ?? "none") header \(header) gzip \(gzip) null \(nullToken)"
        }
    }

    static let combinations: [Combination] = {
        var all: [Combination] = []
        for separator in [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: "|"), UInt8(ascii: ";"), 1] {
            for quote in [UInt8(ascii: "\""), UInt8(ascii: "'"), nil] as [UInt8?] {
                for escaper in [nil, UInt8(ascii: "\\")] as [UInt8?] {
                    for header in [true, false] {
                        for gzip in [false, true] {
                            for nullToken in [false, true] {
                                all.append(Combination(separator: separator, quote: quote, escaper: escaper, header: header, gzip: gzip, nullToken: nullToken))
                            }
                        }
                    }
                }
            }
        }
        return all
    }()

    static let pieces = ["a", "b", " ", ",", "\t", "|", ";", "\u{1}", "\"", "'", "\\", "\n", "\r\n", "é", "日", "🎉", "NULL", "x y"]

    /// A random table; strings avoid what the combination cannot represent.
    static func table(rows: Int, seed: UInt64, combination: Combination) throws -> RecordBatch {
        var rng = SplitMix64(seed: seed)
        func maybeNull(_ value: Value) -> Value { rng.next() % 10 == 0 ? .null : value }
        let unquotable = combination.quote == nil
        var values: [[Value]] = Array(repeating: [], count: schema.count)
        for _ in 0..<rows {
            values[0].append(maybeNull(.integer(Int64(bitPattern: rng.next()))))
            values[1].append(maybeNull(.integer(Int64(Int32(truncatingIfNeeded: rng.next())))))
            let doubles: [Double] = [Double(bitPattern: rng.next() >> 2), .nan, .infinity, -.infinity, 0.1, -0.0, 1e7, 1.5e-5]
            values[2].append(maybeNull(.double(doubles[Int(rng.next() % UInt64(doubles.count))])))
            values[3].append(maybeNull(.decimal(unscaled: Int128(Int64(rng.next() % 999_999_999_999)) - 499_999_999_999, scale: 3)))
            values[4].append(maybeNull(.boolean(rng.next() % 2 == 0)))
            values[5].append(maybeNull(.date(days: Int32(Int64(rng.next() % 200_000) - 100_000))))
            values[6].append(maybeNull(.timestamp(microseconds: (Int64(rng.next() % 8_000_000_000_000) - 4_000_000_000_000) * 1_000)))
            var text = ""
            for _ in 0..<(rng.next() % 6) {
                var piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                if unquotable && combination.escaper == nil && ["\n", "\r\n", "\t", ",", "|", ";", "\u{1}"].contains(piece) { piece = "z" }
                text += piece
            }
            if unquotable && (text.isEmpty || (combination.nullToken && text == "NULL")) { text = "t" }
            values[7].append(maybeNull(.string(text)))
        }
        return try RecordBatch(schema: schema, columns: zip(schema.fields, values).map { try Column($0.dataType, values: $1) })
    }

    static func rows(_ batches: [RecordBatch]) -> [[Value]] {
        batches.flatMap { batch in (0..<batch.rowCount).map { row in batch.row(at: row).map(normalize) } }
    }

    /// NaN never equals itself; compare it as a marker.
    static func normalize(_ value: Value) -> Value {
        if case .double(let x) = value, x.isNaN { return .string("NaN") }
        return value
    }

    @Test("Every option combination writes and reads back the same table", arguments: 0..<combinations.count)
    func roundTrip(_ index: Int) throws {
        let combination = Self.combinations[index]
        let table = try Self.table(rows: 60, seed: UInt64(index) &* 7919 &+ 1, combination: combination)
        let bytes = try CSVWriter.encode([table], schema: Self.schema, options: combination.options)
        if combination.gzip { #expect(bytes.starts(with: [0x1F, 0x8B])) }
        for workers in [1, 3] {
            var reader = try CSVReader(schema: Self.schema, options: combination.options, workers: workers, blockSize: 512)
            reader.minimumRangeSize = 64
            let result = try reader.read(bytes: bytes)
            #expect(result.errors.isEmpty, "\(combination): \(result.errors.first?.description ?? "")")
            #expect(Self.rows(result.batches) == Self.rows([table]), "\(combination) workers \(workers)")
        }
    }

    @Test("Quoting only where needed; Spark's value forms")
    func valueForms() throws {
        let batch = try RecordBatch([
            "s": Column(strings: ["plain", "a,b", "say \"hi\"", "", nil, "two\nlines"]),
            "d": Column(float64: [1e7, 0.001, 1.5, nil, .nan, -.infinity]),
        ])
        let text = String(decoding: try CSVWriter.encode([batch], schema: batch.schema), as: UTF8.self)
        #expect(text == "s,d\nplain,1.0E7\n\"a,b\",0.001\n\"say \"\"hi\"\"\",1.5\n\"\",\n,NaN\n\"two\nlines\",-Infinity\n")
        let temporal = try RecordBatch([
            "day": Column(.date, values: [.date(days: 0)]),
            "at": Column(.timestamp, values: [.timestamp(microseconds: 1_500_123)]),
            "ntz": Column(.timestampNTZ, values: [.timestamp(microseconds: 86_400_000_000)]),
            "price": Column(.decimal(precision: 5, scale: 2), values: [.decimal(unscaled: -5, scale: 2)]),
        ])
        let line = String(decoding: try CSVWriter.encode([temporal], schema: temporal.schema, options: CSVOptions(writeHeader: false)), as: UTF8.self)
        #expect(line == "1970-01-01,1970-01-01T00:00:01.500Z,1970-01-02T00:00:00.000,-0.05\n")
    }

    @Test("A 0-row table gives a header-only CSV, or nothing without a header")
    func emptyTable() throws {
        let schema = Schema([Field("a", .int), Field("b c", .string)])
        #expect(String(decoding: try CSVWriter.encode([], schema: schema), as: UTF8.self) == "a,b c\n")
        #expect(try CSVWriter.encode([], schema: schema, options: CSVOptions(writeHeader: false)).isEmpty)
        let gzip = try CSVWriter.encode([], schema: schema, options: CSVOptions(compression: .gzip))
        let back = try CSVReader(schema: schema, options: CSVOptions(withHeader: true)).read(bytes: gzip)
        #expect(back.summary.header == ["a", "b c"])
        #expect(back.summary.rowCount == 0)
    }

    @Test("Values that cannot be written without quoting are refused clearly")
    func unrepresentable() throws {
        let batch = try RecordBatch(["s": Column(strings: ["a,b"])])
        #expect(throws: GlueError.self) { try CSVWriter.encode([batch], schema: batch.schema, options: CSVOptions(quoteChar: nil)) }
        #expect(throws: GlueError.self) { try CSVWriter(schema: Schema([Field("b", .binary)])) }
    }
}
