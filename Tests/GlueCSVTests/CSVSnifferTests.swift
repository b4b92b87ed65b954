import Foundation
import GlueColumnar
import GlueCore
import GlueCSV
import Testing

@Suite struct CSVSnifferTests {
    typealias S = CSVTestSupport

    @Test("Crawler types: bigint, double, boolean, string; dates stay string; header detected")
    func types() throws {
        let result = CSVSniffer.sniff(try S.sample("types-for-sniffing.csv"), isWholeFile: true)
        #expect(result.hasHeader)
        #expect(result.qualifiesAsCSV)
        #expect(result.options.separator == UInt8(ascii: ","))
        #expect(result.schema.description == "name string, count bigint, ratio double, flag boolean, day string")
    }

    @Test("Glue tries , | tab ; and Ctrl-A", arguments: [("pipe.csv", UInt8(ascii: "|")), ("semicolon.csv", UInt8(ascii: ";")), ("ctrl-a.csv", 1), ("tab-separated.tsv", 9)])
    func separators(_ name: String, _ separator: UInt8) throws {
        let result = CSVSniffer.sniff(try S.sample(name), isWholeFile: true)
        #expect(result.options.separator == separator)
        #expect(result.schema.count == 2)
    }

    @Test("An all-string file has no header: columns are col0, col1, ...")
    func allStrings() throws {
        let result = CSVSniffer.sniff(try S.sample("all-strings.csv"), isWholeFile: true)
        #expect(!result.hasHeader)
        #expect(result.schema.names == ["col0", "col1"])
    }

    @Test("Mixed columns widen: bigint with double is double, anything with text is string")
    func widening() {
        let text = "a,b,c\n1,1,x\n2,2.5,3\n3,3,true\n"
        let result = CSVSniffer.sniff(Array(text.utf8), isWholeFile: true)
        #expect(result.hasHeader)
        #expect(result.schema.description == "a bigint, b double, c string")
    }

    @Test("Header names are lower-cased; empty and duplicate names get col<i> and suffixes")
    func names() {
        let text = "ID,Name,,name\n1,x,2,3\n2,y,3,4\n"
        let result = CSVSniffer.sniff(Array(text.utf8), isWholeFile: true)
        #expect(!result.hasHeader)  // an empty header field that is not the last disqualifies the header
        let trailing = "ID,Name,\n1,x,\n2,y,\n"
        let withTrailing = CSVSniffer.sniff(Array(trailing.utf8), isWholeFile: true)
        #expect(withTrailing.hasHeader)
        #expect(withTrailing.schema.names == ["id", "name", "col2"])
    }

    @Test("readSample inflates gzip and says whether it saw the whole file")
    func sample() throws {
        let bytes = try S.sample("basic.csv.gz")
        let sample = try CSVSniffer.readSample(source: CSVReader.source(bytes))
        #expect(sample.bytes == (try S.sample("basic.csv")))
        #expect(sample.isWholeFile)
    }
}
