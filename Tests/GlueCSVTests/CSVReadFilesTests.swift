import GlueColumnar
import GlueCore
import GlueCSV
import Testing

@Suite struct CSVReadFilesTests {
    @Test("readFiles: several files decoded at once give each file's rows and errors in file order")
    func readFiles() throws {
        let texts = (0..<9).map { index in (0..<(index * 1_500)).map { $0 % 700 == 3 ? "x\n" : "\($0 * 10 + index)\n" }.joined() }
        let inputs = texts.enumerated().map { FileInput(fileName: "f\($0.offset).csv", bytes: Array($0.element.utf8)) }
        let reader = try CSVReader(schema: Schema(parsing: "v bigint"), workers: 1, batchRowCount: 100)
        let files = reader.readFiles(inputs, filesInFlight: 4)
        var seen: [Int] = []
        var values: [Int64] = []
        while let (file, batch) = try files.next() {
            seen.append(file)
            if case .int64(let v) = batch.columns[0].storage { values += v }
        }
        #expect(seen == seen.sorted() && Set(seen) == Set(1..<9))
        var expected: [Int64] = []
        var expectedErrors: [CSVErrorRecord] = []
        for (index, text) in texts.enumerated() {
            let result = try reader.read(bytes: Array(text.utf8), fileName: "f\(index).csv")
            for batch in result.batches { if case .int64(let v) = batch.columns[0].storage { expected += v } }
            expectedErrors += result.errors
        }
        #expect(values == expected)
        #expect(files.takeErrors() == expectedErrors)
        #expect(!expectedErrors.isEmpty)
    }
}
