import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import Testing

@Suite struct CSVReaderTests {
    typealias S = CSVTestSupport

    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int32 { Int32(CivilDate(year: y, month: m, day: d).daysSinceEpoch) }
    static func micros(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ f: Int64 = 0) -> Int64 {
        Int64(days(y, m, d)) * 86_400_000_000 + Int64(h * 3600 + mi * 60 + s) * 1_000_000 + f
    }

    @Test("Every scalar type is converted in the same pass; empty fields are null")
    func basicTypes() throws {
        let (rows, errors) = try S.read(
            S.sample("basic.csv"), "id bigint, name string, price decimal(10,2), active boolean, day date, at timestamp")
        #expect(errors.isEmpty)
        #expect(rows.count == 3)
        #expect(rows[0] == [.integer(1), .string("Ada"), .decimal(unscaled: 1250, scale: 2), .boolean(true),
                            .date(days: Self.days(2024, 2, 29)), .timestamp(microseconds: Self.micros(2024, 2, 29, 13, 45, 0))])
        #expect(rows[1] == [.integer(2), .string("Grace"), .decimal(unscaled: -50, scale: 2), .boolean(false),
                            .date(days: Self.days(1999, 12, 31)), .timestamp(microseconds: Self.micros(1999, 12, 31, 23, 59, 59, 123_456))])
        #expect(rows[2] == [.integer(3), .null, .null, .null, .null, .null])
    }

    @Test("Doubles: exponents, NaN, Infinity and long mantissas round like strtod")
    func doubles() throws {
        let text = "x\n1e3\n-2.5E-3\nNaN\nInfinity\n-Inf\n0.1\n123456789012345678901234\n.5\n5.\n"
        let (rows, errors) = try S.read(Array(text.utf8), "x double")
        #expect(errors.isEmpty)
        let values = rows.map { row -> Double in if case .double(let v) = row[0] { v } else { -1 } }
        #expect(values[0] == 1000)
        #expect(values[1] == -0.0025)
        #expect(values[2].isNaN)
        #expect(values[3] == .infinity)
        #expect(values[4] == -.infinity)
        #expect(values[5] == 0.1)
        #expect(values[6] == 123456789012345678901234.0)
        #expect(values[7] == 0.5)
        #expect(values[8] == 5)
    }

    @Test("Decimals are exact and round half up; too many digits is an error record")
    func decimals() throws {
        let text = "x\n0.125\n-0.125\n99999999.99\n100000000.00\n1.5e2\nabc\n"
        let (rows, errors) = try S.read(Array(text.utf8), "x decimal(10,2)")
        #expect(rows.map { $0[0] } == [
            .decimal(unscaled: 13, scale: 2), .decimal(unscaled: -13, scale: 2), .decimal(unscaled: 9_999_999_999, scale: 2),
            .decimal(unscaled: 15000, scale: 2),
        ])
        #expect(errors.map(\.line) == [5, 7])
        #expect(errors.allSatisfy { $0.column == 0 })
    }

    @Test("Quoted empty is the empty string, unquoted empty is null; doubled quotes unescape")
    func quotes() throws {
        let (rows, errors) = try S.read(S.sample("quotes.csv"), "id int, text string")
        #expect(errors.isEmpty)
        #expect(rows.map { $0[1] } == [
            .string("He said \"hi\""), .string("a,b"), .string(""), .null, .string("\""), .string("plain \"inner\" quotes"),
        ])
    }

    @Test("Quoted line breaks stay in the field with multiLine; line numbers count them")
    func newlinesInFields() throws {
        let (rows, errors) = try S.read(S.sample("newlines-in-fields.csv"), "id int, text string")
        #expect(errors.isEmpty)
        #expect(rows.map { $0[1] } == [
            .string("line one\nline two"), .string("crlf\r\ninside"), .string("ends with newline\n"), .string("after"),
        ])
        // Without multiLine every line break ends a record: the quoted ones become error records.
        let (plain, plainErrors) = try S.read(S.sample("newlines-in-fields.csv"), "id int, text string", options: CSVOptions(withHeader: true))
        #expect(plain.map { $0[0] } == [.integer(4)])
        #expect(!plainErrors.isEmpty)
        #expect(plainErrors.first?.line == 2)
    }

    @Test("UTF-8 text is kept as is; invalid UTF-8 is an error record")
    func unicode() throws {
        let (rows, _) = try S.read(S.sample("unicode.csv"), "id int, text string")
        #expect(rows.map { $0[1] } == [.string("Zoë"), .string("日本語"), .string("emoji 🎉, with comma"), .string("Ελληνικά")])
        let (good, errors) = try S.read(S.sample("invalid-utf8.csv"), "id int, text string")
        #expect(good.map { $0[0] } == [.integer(1), .integer(3)])
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.column == 1)
        #expect(errors.first?.byteOffset == 13)
    }

    @Test("BOM, CRLF, CR-only, a last line without newline and blank lines all read the same rows")
    func lineEnds() throws {
        let expected: [[Value]] = [[.integer(1), .string("a")], [.integer(2), .string("b")]]
        for name in ["crlf.csv", "cr-only.csv", "blank-lines.csv", "pipe.csv", "semicolon.csv", "ctrl-a.csv"] {
            var options = CSVOptions(withHeader: true, multiLine: true)
            if name == "pipe.csv" { options.separator = UInt8(ascii: "|") }
            if name == "semicolon.csv" { options.separator = UInt8(ascii: ";") }
            if name == "ctrl-a.csv" { options.separator = 1 }
            let (rows, errors) = try S.read(S.sample(name), "id int, text string", options: options)
            #expect(rows == expected, "\(name)")
            #expect(errors.isEmpty, "\(name)")
        }
        let (bom, _) = try S.read(S.sample("bom.csv"), "id int, text string")
        #expect(bom == [[.integer(1), .string("bom first")], [.integer(2), .string("second")]])
        let (last, _) = try S.read(S.sample("no-final-newline.csv"), "id int, text string")
        #expect(last == [[.integer(1), .string("a")], [.integer(2), .string("last")]])
    }

    @Test("Wrong field counts become error records with line and offset; later rows are not shifted")
    func raggedRows() throws {
        let (rows, errors) = try S.read(S.sample("ragged.csv"), "id int, text string")
        #expect(rows == [[.integer(1), .string("a")], [.integer(4), .string("d")]])
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.map(\.byteOffset) == [12, 14])
        #expect(errors.first?.reason == "expected 2 fields but found 1")
        #expect(errors.last?.recordText == "3,c,extra")
        #expect(errors.first?.file == "test.csv")
    }

    @Test("An unclosed quote is an error record at end of file (multiLine) or end of line")
    func unclosedQuote() throws {
        let (rows, errors) = try S.read(S.sample("unclosed-quote.csv"), "id int, text string")
        #expect(rows == [[.integer(1), .string("a")]])
        #expect(errors.count == 1)
        #expect(errors.first?.reason == "unclosed quote at end of file")
        #expect(errors.first?.line == 3)
        let (lineRows, lineErrors) = try S.read(S.sample("unclosed-quote.csv"), "id int, text string", options: CSVOptions(withHeader: true))
        #expect(lineRows == [[.integer(1), .string("a")], [.integer(3), .string("c")]])
        #expect(lineErrors.map(\.line) == [3])
    }

    @Test("Integer overflow is an error record, never a wrap")
    func overflow() throws {
        let (rows, errors) = try S.read(S.sample("overflow.csv"), "id bigint, text string")
        #expect(rows.map { $0[0] } == [.integer(.max), .integer(.min)])
        #expect(errors.count == 1)
        #expect(errors.first?.reason.contains("out of range") == true)
        let (small, smallErrors) = try S.read(Array("x\n127\n128\n-128\n".utf8), "x tinyint")
        #expect(small.map { $0[0] } == [.integer(127), .integer(-128)])
        #expect(smallErrors.map(\.line) == [3])
    }

    @Test("Empty input and header-only input give no rows and no errors")
    func emptyInputs() throws {
        for name in ["empty.csv", "header-only.csv"] {
            let (rows, errors) = try S.read(S.sample(name), "id int, text string")
            #expect(rows.isEmpty && errors.isEmpty, "\(name)")
        }
    }

    @Test("withHeader reports the header; skipFirst skips one more record")
    func headerAndSkip() throws {
        let reader = try CSVReader(schema: Schema(parsing: "id int, text string"), options: CSVOptions(withHeader: true))
        let result = try reader.read(bytes: S.sample("crlf.csv"))
        #expect(result.summary.header == ["id", "text"])
        let (rows, _) = try S.read(S.sample("crlf.csv"), "id int, text string", options: CSVOptions(withHeader: true, skipFirst: true))
        #expect(rows == [[.integer(2), .string("b")]])
        let (noHeader, errors) = try S.read(S.sample("crlf.csv"), "id string, text string", options: CSVOptions())
        #expect(noHeader.count == 3)
        #expect(errors.isEmpty)
    }

    @Test("Tab separator, disabled quoting and a backslash escaper")
    func dialects() throws {
        let tab = CSVOptions(separator: UInt8(ascii: "\t"), withHeader: true)
        let (rows, _) = try S.read(S.sample("tab-separated.tsv"), "id int, text string", options: tab)
        #expect(rows.map { $0[1] } == [.string("a,b"), .string("q\tq")])
        let noQuote = CSVOptions(quoteChar: nil, withHeader: true)
        let (raw, _) = try S.read(S.sample("quotes.csv"), "id int, text string", options: noQuote)
        #expect(raw.first?[1] == .string("\"He said \"\"hi\"\"\""))
        let escaped = CSVOptions(escaper: UInt8(ascii: "\\"), withHeader: true)
        let (esc, escErrors) = try S.read(S.sample("escaper.csv"), "id int, text string", options: escaped)
        #expect(escErrors.isEmpty)
        #expect(esc.map { $0[1] } == [.string("a,b"), .string("say \"hi\"")])
    }

    @Test("gzip input, multi-member gzip, and a clear error for bzip2")
    func compression() throws {
        let (plain, _) = try S.read(S.sample("basic.csv"), "id bigint, name string, price double, active boolean, day date, at timestamp")
        let (gz, _) = try S.read(S.sample("basic.csv.gz"), "id bigint, name string, price double, active boolean, day date, at timestamp")
        #expect(gz == plain)
        let (multi, errors) = try S.read(S.sample("multi-member.csv.gz"), "id int, text string")
        #expect(multi == [[.integer(1), .string("a")], [.integer(2), .string("b")], [.integer(3), .string("c")]])
        #expect(errors.isEmpty)
        #expect(throws: GlueError.self) { try S.read(S.sample("fake.csv.bz2"), "id int, text string") }
        do {
            _ = try S.read(S.sample("fake.csv.bz2"), "id int, text string")
        } catch let error as GlueError {
            #expect(error.code == .unsupportedFeature)
            #expect(error.message.contains("bzip2"))
        }
    }

    @Test("Timestamps: T or space, fractions, Z and offsets; dates with a time part")
    func timestamps() throws {
        let text = "t\n2024-01-02T03:04:05\n2024-01-02 03:04:05.5\n2024-01-02T03:04:05+02:00\n2024-01-02T03:04:05.123456789-0130\n2024-01-02\n2024-13-01\n"
        let (rows, errors) = try S.read(Array(text.utf8), "t timestamp")
        #expect(rows.map { $0[0] } == [
            .timestamp(microseconds: Self.micros(2024, 1, 2, 3, 4, 5)),
            .timestamp(microseconds: Self.micros(2024, 1, 2, 3, 4, 5, 500_000)),
            .timestamp(microseconds: Self.micros(2024, 1, 2, 1, 4, 5)),
            .timestamp(microseconds: Self.micros(2024, 1, 2, 4, 34, 5, 123_456)),
            .timestamp(microseconds: Self.micros(2024, 1, 2, 0, 0, 0)),
        ])
        #expect(errors.map(\.line) == [7])
    }

    @Test("A null token reads as null in every column")
    func nullToken() throws {
        var options = CSVOptions(withHeader: true)
        options.nullValue = Array("NULL".utf8)
        let (rows, errors) = try S.read(Array("a,b\nNULL,NULL\n1,x\n".utf8), "a int, b string", options: options)
        #expect(errors.isEmpty)
        #expect(rows == [[.null, .null], [.integer(1), .string("x")]])
    }

    @Test("A field larger than the block grows the block")
    func hugeField() throws {
        let (rows, errors) = try S.read(S.sample("huge-field.csv"), "id int, text string", blockSize: 1024)
        #expect(errors.isEmpty)
        #expect(rows.count == 2)
        if case .string(let text) = rows.first?[1] { #expect(text.utf8.count == 20_000 + 1 + 1_000) }
        #expect(rows.last == [.integer(2), .string("small")])
    }
}
