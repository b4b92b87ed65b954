import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import Testing

/// On RFC 4180 files, the reader's fields equal those of Python's `csv` module (run with
/// `$LOCALGLUE_PYTHON`; skipped when it is unset).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"] != nil, "LOCALGLUE_PYTHON is not set: the Python csv agreement tests are skipped"))
struct CSVPythonAgreementTests {
    typealias S = CSVTestSupport

    /// Python's rows for a file, as JSON (blank lines dropped, as the reader drops them).
    static func pythonRows(_ bytes: [UInt8]) throws -> [[String]] {
        let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"] ?? "python3"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glue-csv-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.csv")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-c",
            "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps([r for r in csv.reader(f) if r]))",
            file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: output)
    }

    /// The reader's rows with every column read as a string (null and "" both print as "").
    static func ourRows(_ bytes: [UInt8], columns: Int, workers: Int) throws -> [[String]] {
        let schema = Schema((0..<columns).map { Field("c\($0)", .string) })
        var reader = try CSVReader(schema: schema, options: CSVOptions(multiLine: true), workers: workers, blockSize: 4096)
        reader.minimumRangeSize = 512
        let result = try reader.read(bytes: bytes)
        #expect(result.errors.isEmpty)
        return result.batches.flatMap { batch in
            (0..<batch.rowCount).map { row in
                batch.row(at: row).map { if case .string(let text) = $0 { text } else { "" } }
            }
        }
    }

    /// A random RFC 4180 file: quoted fields with separators, doubled quotes, CRLF and LF inside.
    static func randomFile(seed: UInt64, rows: Int, columns: Int, crlf: Bool) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "b c", ",", "\"", "\n", "\r\n", "é", "日本", " ", "1.5", "-"]
        var text = ""
        for _ in 0..<rows {
            var fields: [String] = []
            for _ in 0..<columns {
                var value = ""
                for _ in 0..<(rng.next() % 5) { value += pieces[Int(rng.next() % UInt64(pieces.count))] }
                let needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") || rng.next() % 4 == 0
                fields.append(needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value)
            }
            text += fields.joined(separator: ",") + (crlf ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    @Test("Random RFC 4180 files agree with Python's csv module", arguments: [(1 as UInt64, false), (2, true), (3, false), (4, true)])
    func randomFiles(_ seed: UInt64, _ crlf: Bool) throws {
        let bytes = Self.randomFile(seed: seed, rows: 400, columns: 4, crlf: crlf)
        let python = try Self.pythonRows(bytes)
        // Python keeps a row of one empty field only when quoted; skip files where that matters.
        for workers in [1, 2] {
            #expect(try Self.ourRows(bytes, columns: 4, workers: workers) == python)
        }
    }

    @Test("The RFC 4180 corpus files agree with Python's csv module",
          arguments: ["quotes.csv", "newlines-in-fields.csv", "unicode.csv", "bom.csv", "crlf.csv", "no-final-newline.csv", "huge-field.csv"])
    func corpus(_ name: String) throws {
        let bytes = try S.sample(name)
        let python = try Self.pythonRows(bytes)
        #expect(try Self.ourRows(bytes, columns: 2, workers: 1) == python)
    }
}
