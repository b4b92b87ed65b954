import GlueColumnar
import GlueCore
import GlueJSON
import Testing

@Suite struct JSONReadFilesTests {
    @Test("readFiles: several JSON Lines files decoded at once give each file's rows and errors in file order")
    func readFiles() throws {
        let texts = (0..<8).map { index in
            (0..<(index * 2_000)).map { $0 % 900 == 4 ? "{bad\n" : "{\"v\": \($0 * 10 + index)}\n" }.joined()
        }
        let inputs = texts.enumerated().map { FileInput(fileName: "f\($0.offset).jsonl", bytes: Array($0.element.utf8)) }
        let reader = try JSONReader(schema: Schema(parsing: "v bigint"), workers: 2, batchRowCount: 500)
        let files = reader.readFiles(inputs, filesInFlight: 3)
        var values: [Int64] = []
        var seen: [Int] = []
        while let (file, batch) = try files.next() {
            seen.append(file)
            if case .int64(let v) = batch.columns[0].storage { values += v }
        }
        #expect(seen == seen.sorted())
        var expected: [Int64] = []
        var expectedErrors: [JSONErrorRecord] = []
        for (index, text) in texts.enumerated() {
            let result = try reader.read(bytes: Array(text.utf8), fileName: "f\(index).jsonl")
            for batch in result.batches { if case .int64(let v) = batch.columns[0].storage { expected += v } }
            expectedErrors += result.errors
        }
        #expect(values == expected && !values.isEmpty)
        #expect(files.takeErrors() == expectedErrors && !expectedErrors.isEmpty)
    }
}
