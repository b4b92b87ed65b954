import GlueColumnar
import GlueCore

/// The batches of one JSON input, pulled one at a time; each pull may convert one more block.
///
/// Error records found so far wait in ``takeErrors()``. Use one stream from one thread.
public final class JSONBatchStream {
    private let reader: JSONReader
    private let input: JSONInput
    private var pending: [RecordBatch] = []
    private var pendingIndex = 0
    private var errors: [JSONErrorRecord] = []
    private var done = false

    init(reader: JSONReader, fileName: String, source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) {
        self.reader = reader
        input = JSONInput(fileName: fileName, source: source)
    }

    /// The error records found since the last call.
    public func takeErrors() -> [JSONErrorRecord] {
        defer { errors = [] }
        return errors
    }

    /// The next batch in input order, or `nil` at the end.
    ///
    /// - Throws: what the source throws; `InvalidDataException` for corrupt gzip or, with
    ///   `multiLine`, a document that is not valid JSON.
    public func next() throws(GlueError) -> RecordBatch? {
        while true {
            if pendingIndex < pending.count {
                let batch = pending[pendingIndex]
                pendingIndex += 1
                return batch
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if done { return nil }
            if reader.options.multiLine {
                try convertDocument()
            } else {
                try convertNextBlock()
            }
        }
    }

    private func convertDocument() throws(GlueError) {
        done = true
        let bytes = try input.readAll()
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { return }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, options: JSONReader.parserOptions).value
        } catch {
            throw error.adding(context: "while reading \(input.fileName.isEmpty ? "the input" : input.fileName)")
        }
        var converter = JSONReader.Converter(reader: reader, fileName: input.fileName)
        for record in JSONReader.records(in: document, path: reader.path, multiLine: true) {
            converter.add(record, line: 1, byteOffset: 0, text: record.serialized())
        }
        converter.flush()
        pending = converter.batches
        errors += converter.errors
    }

    private func convertNextBlock() throws(GlueError) {
        try input.fill(to: reader.blockSize)
        let complete = input.eof ? input.buffer.count : (input.buffer.lastIndex(of: 10).map { $0 + 1 } ?? 0)
        if complete == 0 {
            if input.eof {
                done = true
            } else {
                // One line longer than the block: read more.
                try input.fill(to: input.buffer.count * 2)
            }
            return
        }
        let outcomes = input.buffer.withUnsafeBufferPointer { buffer -> [JSONRangeOutcome] in
            guard let base = buffer.baseAddress else { return [] }
            return reader.convertBlock(base, count: complete, lineBase: input.lineBase, streamOffset: input.streamOffset, fileName: input.fileName)
        }
        for outcome in outcomes {
            pending += outcome.batches
            errors += outcome.errors
            input.lineBase += outcome.lines
        }
        input.buffer.removeFirst(complete)
        input.streamOffset += complete
        if input.eof && input.buffer.isEmpty { done = true }
    }
}
