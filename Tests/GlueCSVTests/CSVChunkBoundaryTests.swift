import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import Testing

/// Chunk and block boundaries: one byte at a time, tiny blocks, many parallel ranges.
@Suite struct CSVChunkBoundaryTests {
    typealias S = CSVTestSupport

    static let corpusCases: [(String, String, CSVOptions)] = [
        ("basic.csv", "id bigint, name string, price double, active boolean, day date, at timestamp", CSVOptions(withHeader: true, multiLine: true)),
        ("quotes.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("newlines-in-fields.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("newlines-in-fields.csv", "id int, text string", CSVOptions(withHeader: true)),
        ("unicode.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("bom.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("crlf.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("cr-only.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("blank-lines.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("ragged.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("unclosed-quote.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("escaper.csv", "id int, text string", CSVOptions(escaper: UInt8(ascii: "\\"), withHeader: true)),
        ("huge-field.csv", "id int, text string", CSVOptions(withHeader: true, multiLine: true)),
        ("multi-member.csv.gz", "id int, text string", CSVOptions(withHeader: true)),
    ]

    @Test("Feeding one byte at a time, with tiny blocks, gives the same rows and errors", arguments: 0..<corpusCases.count)
    func oneByteAtATime(_ index: Int) throws {
        let (name, schema, options) = Self.corpusCases[index]
        let bytes = try S.sample(name)
        let whole = try S.read(bytes, schema, options: options)
        for (chunk, block) in [(1, 64), (1, 1), (3, 7), (4096, 128)] {
            let pieces = try S.readChunked(bytes, schema, options: options, chunk: chunk, blockSize: block)
            #expect(pieces.rows == whole.rows, "\(name) chunk \(chunk) block \(block)")
            #expect(pieces.errors == whole.errors, "\(name) chunk \(chunk) block \(block)")
        }
    }

    /// A deterministic table with quoted line breaks, doubled quotes, empty fields and bad rows.
    static func generated(rows: Int, seed: UInt64, crlf: Bool) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var text = "id,name,amount,note\n"
        let eol = crlf ? "\r\n" : "\n"
        for row in 0..<rows {
            let kind = rng.next() % 20
            switch kind {
            case 0: text += "\(row),\"multi\nline \"\"quoted\"\"\",\(row % 7).5,\"a\(eol)b\"" + eol
            case 1: text += "\(row),,,\"\"" + eol
            case 2: text += "\(row),too,few" + eol
            case 3: text += eol
            case 4: text += "\(row),\"x,y\",oops,z" + eol
            default: text += "\(row),name\(rng.next() % 1000),\(Double(rng.next() % 100_000) / 100),plain" + eol
            }
        }
        return Array(text.utf8)
    }

    @Test("Parallel parsing equals serial parsing, with quoted line breaks across range boundaries",
          arguments: [(false, 1 as UInt64), (true, 2), (false, 3)])
    func parallelEqualsSerial(_ crlf: Bool, _ seed: UInt64) throws {
        let bytes = Self.generated(rows: 20_000, seed: seed, crlf: crlf)
        let schema = "id bigint, name string, amount double, note string"
        let options = CSVOptions(withHeader: true, multiLine: true)
        let serial = try S.read(bytes, schema, options: options, workers: 1)
        #expect(serial.rows.count > 15_000)
        #expect(!serial.errors.isEmpty)
        for (workers, block, range) in [(2, 8 << 20, 4096), (4, 100_000, 1024), (3, 65_536, 2048)] {
            let parallel = try S.read(
                bytes, schema, options: options, workers: workers, blockSize: block, minimumRangeSize: range, batchRowCount: 1000)
            #expect(parallel.rows == serial.rows, "workers \(workers) block \(block)")
            #expect(parallel.errors == serial.errors, "workers \(workers) block \(block)")
        }
    }

    @Test("A stray quote in an unquoted field breaks parity but not the result")
    func strayQuote() throws {
        var text = "a,b\n"
        for row in 0..<5_000 { text += row == 100 ? "\(row),ab\"c\n" : "\(row),x\(row)\n" }
        let bytes = Array(text.utf8)
        let options = CSVOptions(withHeader: true, multiLine: true)
        let serial = try S.read(bytes, "a int, b string", options: options, workers: 1)
        let parallel = try S.read(bytes, "a int, b string", options: options, workers: 4, minimumRangeSize: 1024)
        #expect(serial.rows.count == 5_000)
        #expect(parallel.rows == serial.rows)
    }
}

/// A small deterministic generator (SplitMix64) for reproducible test data.
struct SplitMix64: RandomNumberGenerator {
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
