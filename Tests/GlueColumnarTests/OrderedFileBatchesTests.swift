import GlueColumnar
import GlueCore
import Testing

@Suite struct OrderedFileBatchesTests {
    @Test("Batches come out in file order whatever order the decoders finish in; error records too")
    func order() throws {
        let files = OrderedFileBatches<String>(count: 7, filesInFlight: 3, batchesPerFile: 2) { index, emit throws(GlueError) in
            // Later files are quick, earlier ones slow: they finish out of order.
            for value in 0..<((7 - index) * 30) {
                let batch = try RecordBatch(["v": Column(int64: [Int64(index * 1_000 + value)])])
                guard emit(batch, value % 50 == 0 ? ["\(index)/\(value)"] : []) else { return }
            }
            _ = emit(nil, ["\(index)/end"])
        }
        var values: [Int64] = []
        var tags: [Int] = []
        while let (file, batch) = try files.next() {
            tags.append(file)
            if case .int64(let v) = batch.columns[0].storage { values += v }
        }
        var expected: [Int64] = []
        for index in 0..<7 { expected += (0..<((7 - index) * 30)).map { Int64(index * 1_000 + $0) } }
        #expect(values == expected)
        #expect(tags == tags.sorted())
        let errors = files.takeErrors()
        var expectedErrors: [String] = []
        for index in 0..<7 {
            for value in 0..<((7 - index) * 30) where value % 50 == 0 { expectedErrors.append("\(index)/\(value)") }
            expectedErrors.append("\(index)/end")
        }
        #expect(errors == expectedErrors)
    }

    @Test("A failing file stops the read after the batches of the files before it")
    func failure() throws {
        let failing = OrderedFileBatches<Int>(count: 5, filesInFlight: 3) { index, emit throws(GlueError) in
            if index == 2 { throw GlueError(.invalidData, "file 2 is broken") }
            for value in 0..<20 {
                let batch = try RecordBatch(["v": Column(int64: [Int64(index * 100 + value)])])
                guard emit(batch, [index]) else { return }
            }
        }
        var delivered: [Int] = []
        #expect(throws: GlueError.self) {
            while let (file, _) = try failing.next() { delivered.append(file) }
        }
        #expect(delivered == Array(repeating: 0, count: 20) + Array(repeating: 1, count: 20))
        #expect(try failing.next() == nil)
    }

    @Test("Cancelling releases decoders waiting on a full lane; no files gives nothing")
    func cancel() throws {
        let files = OrderedFileBatches<Int>(count: 4, filesInFlight: 4, batchesPerFile: 1) { index, emit throws(GlueError) in
            for value in 0..<1_000 {
                guard emit(try RecordBatch(["v": Column(int64: [Int64(value)])]), []) else { return }
            }
        }
        #expect(try files.next()?.file == 0)
        files.cancel()
        #expect(try files.next() == nil)
        #expect(try OrderedFileBatches<Int>(count: 0) { _, _ throws(GlueError) in }.next() == nil)
    }
}
