#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import GlueColumnar
import GlueCore
import Synchronization

/// Reads JSON Lines (one object per line), or with `multiLine` one document per file, into
/// ``RecordBatch``es of a schema.
///
/// JSON Lines stream in blocks; a block's complete lines are split into ranges at line breaks
/// (a JSON string cannot hold a raw line break, so every line break ends a record) and converted
/// by several workers at once; batches come out in input order. Records that are not objects,
/// not valid JSON, or hold a value that does not fit its column become error records.
public struct JSONReader: Sendable {
    /// The columns to produce (object members are matched by name).
    public let schema: Schema
    /// `multiLine` and `jsonPath`.
    public let options: JSONOptions
    /// How many threads convert one block.
    public var workers: Int
    /// Rows per batch.
    public var batchRowCount: Int
    /// Bytes per block.
    public var blockSize: Int
    let path: JSONRecordPath?
    /// Whether JSON Lines go through the byte-level path (scalars straight from the bytes into
    /// typed columns) instead of parsing each line into a `JSONValue` tree first. Both read the
    /// same values and error records; `false` exists for tests and benchmarks that compare them.
    public var usesBytePath = true

    /// The number of active processors.
    public static var defaultWorkers: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Creates a reader.
    ///
    /// - Throws: `InvalidInputException` for a malformed `jsonPath`.
    public init(
        schema: Schema, options: JSONOptions = JSONOptions(), workers: Int = JSONReader.defaultWorkers,
        batchRowCount: Int = RecordBatch.defaultRowCount, blockSize: Int = 4 << 20
    ) throws(GlueError) {
        self.schema = schema
        self.options = options
        self.workers = max(1, workers)
        self.batchRowCount = max(1, batchRowCount)
        self.blockSize = max(64, blockSize)
        path = try options.jsonPath.map { text throws(GlueError) in try JSONRecordPath(text) }
    }

    /// A pull-based stream of the batches of one input.
    public func stream(fileName: String = "", source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) -> JSONBatchStream {
        JSONBatchStream(reader: self, fileName: fileName, source: source)
    }

    /// Reads complete in-memory bytes.
    ///
    /// - Throws: `InvalidDataException` for corrupt gzip, or a `multiLine` document that is not JSON.
    public func read(bytes: [UInt8], fileName: String = "") throws(GlueError) -> JSONReadResult {
        let stream = self.stream(fileName: fileName, source: JSONReader.source(bytes))
        var result = JSONReadResult()
        while let batch = try stream.next() { result.batches.append(batch) }
        result.errors = stream.takeErrors()
        result.rowCount = result.batches.reduce(0) { $0 + $1.rowCount }
        return result
    }

    /// A source that hands out `bytes`.
    public static func source(_ bytes: [UInt8]) -> (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        let cursor = ByteArrayCursor(bytes)
        return { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in cursor.read(into: buffer) }
    }

    /// Infers the schema of a whole input (every record; see ``JSONSchemaInference``).
    ///
    /// - Throws: as reading does; unparseable lines are skipped here (reading reports them).
    public static func inferSchema(
        fileName: String = "", options: JSONOptions = JSONOptions(), source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int
    ) throws(GlueError) -> Schema {
        let input = JSONInput(fileName: fileName, source: source)
        var inference = JSONSchemaInference()
        let path = try options.jsonPath.map { text throws(GlueError) in try JSONRecordPath(text) }
        if options.multiLine {
            let document = try JSONParser.parse(try input.readAll(), options: JSONReader.parserOptions).value
            for record in JSONReader.records(in: document, path: path, multiLine: true) { inference.add(record) }
            return inference.schema
        }
        try input.forEachLine { line, _, _ in
            guard let document = try? JSONParser.parse(Array(line), options: JSONReader.parserOptions).value else { return }
            for record in JSONReader.records(in: document, path: path, multiLine: false) { inference.add(record) }
        }
        return inference.schema
    }

    /// The records of one document: the `jsonPath` selection, or (multiLine) the elements of a
    /// top-level array, or the document itself.
    static func records(in document: JSONValue, path: JSONRecordPath?, multiLine: Bool) -> [JSONValue] {
        if let path { return path.select(document) }
        if multiLine, case .array(let elements) = document { return elements }
        return [document]
    }

    // MARK: - Conversion

    /// How the reader parses documents: duplicate keys are allowed and the last one wins, as in
    /// Spark's JSON reader.
    static let parserOptions = JSONParser.Options(allowsDuplicateKeys: true)

    /// The member a field reads: the last one named exactly like it, else the last one named like
    /// it ignoring case.
    static func member(_ name: String, in members: [JSONMember]) -> JSONMember? {
        if let exact = members.last(where: { $0.key == name }) { return exact }
        let lowered = name.lowercased()
        return members.last { $0.key.lowercased() == lowered }
    }

    /// Converts records into batches and error records.
    struct Converter {
        let reader: JSONReader
        let fileName: String
        var sinks: [JSONColumnSink]
        var rows = 0
        var batches: [RecordBatch] = []
        var errors: [JSONErrorRecord] = []
        /// The byte-level path, when it applies (JSON Lines without `jsonPath`).
        var lineConverter: JSONLineConverter?

        init(reader: JSONReader, fileName: String, bytePath: Bool = false) {
            self.reader = reader
            self.fileName = fileName
            sinks = reader.schema.fields.map { JSONColumnSink($0.dataType) }
            lineConverter = bytePath && reader.usesBytePath && reader.path == nil ? JSONLineConverter(schema: reader.schema) : nil
        }

        /// Converts one JSON Lines line (not blank), through the byte-level path when it can.
        mutating func addLine(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, byteOffset: Int) {
            if lineConverter != nil, let base = bytes.baseAddress,
                lineConverter?.convert(base, bytes.count, into: &sinks, rows: rows) == true
            {
                rows += 1
                if rows == reader.batchRowCount { flush() }
                return
            }
            do {
                let document = try JSONParser.parse(Array(bytes), options: JSONReader.parserOptions).value
                for record in JSONReader.records(in: document, path: reader.path, multiLine: false) {
                    add(record, line: line, byteOffset: byteOffset, text: Converter.text(bytes))
                }
            } catch {
                let reason = (error.cause as? JSONSyntaxError).map { "\($0.reason) at column \($0.position.column)" } ?? error.message
                errors.append(
                    JSONErrorRecord(file: fileName, line: line, byteOffset: byteOffset, path: nil, reason: "invalid JSON: \(reason)", recordText: Converter.text(bytes)))
            }
        }

        /// Converts one parsed record (the tree path).
        mutating func add(_ record: JSONValue, line: Int, byteOffset: Int, text: @autoclosure () -> String) {
            guard case .object(let members) = record else {
                errors.append(JSONErrorRecord(file: fileName, line: line, byteOffset: byteOffset, path: "$", reason: "the record is a JSON \(record.typeName), not an object", recordText: text()))
                return
            }
            var values: [Value] = []
            values.reserveCapacity(sinks.count)
            for field in reader.schema.fields {
                let member = JSONReader.member(field.name, in: members)
                do {
                    values.append(try JSONValueConverter.convert(member?.value ?? .null, to: field.dataType, path: "$.\(field.name)"))
                } catch {
                    errors.append(JSONErrorRecord(file: fileName, line: line, byteOffset: byteOffset, path: error.path, reason: error.reason, recordText: text()))
                    return
                }
            }
            for index in sinks.indices { sinks[index].append(values[index]) }
            rows += 1
            if rows == reader.batchRowCount { flush() }
        }

        mutating func flush() {
            guard rows > 0 else { return }
            let columns = sinks.indices.map { sinks[$0].finish() }
            if let batch = try? RecordBatch(schema: reader.schema, columns: columns) { batches.append(batch) }
            rows = 0
        }

        static func text(_ line: UnsafeBufferPointer<UInt8>) -> String {
            String(decoding: line.prefix(1_024), as: UTF8.self)
        }
    }

    /// Converts the complete lines in `[start, end)` of a block; `lineBase` is the 1-based line of
    /// `start`.
    func convertLines(_ base: UnsafePointer<UInt8>, start: Int, end: Int, lineBase: Int, streamOffset: Int, fileName: String) -> JSONRangeOutcome {
        var converter = Converter(reader: self, fileName: fileName, bytePath: true)
        var p = start
        var line = lineBase
        while p < end {
            var q = p
            if let hit = memchr(base + p, 10, end - p) { q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) } else { q = end }
            var lineEnd = q
            if lineEnd > p && base[lineEnd - 1] == 13 { lineEnd -= 1 }
            let bytes = UnsafeBufferPointer(start: base + p, count: lineEnd - p)
            if bytes.contains(where: { $0 != 32 && $0 != 9 }) {
                converter.addLine(bytes, line: line, byteOffset: streamOffset + p)
            }
            p = q + 1
            line += 1
        }
        converter.flush()
        return JSONRangeOutcome(batches: converter.batches, errors: converter.errors, lines: line - lineBase)
    }

    /// Converts a block's complete lines, in parallel ranges cut at line breaks.
    func convertBlock(_ base: UnsafePointer<UInt8>, count: Int, lineBase: Int, streamOffset: Int, fileName: String) -> [JSONRangeOutcome] {
        guard workers > 1, count >= 1 << 17 else {
            return [convertLines(base, start: 0, end: count, lineBase: lineBase, streamOffset: streamOffset, fileName: fileName)]
        }
        let rangeCount = workers * 4
        var bounds = [0]
        for index in 1..<rangeCount {
            var p = max(count / rangeCount * index, bounds[bounds.count - 1])
            if let hit = memchr(base + p, 10, count - p) { p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1 } else { p = count }
            bounds.append(p)
        }
        bounds.append(count)
        let ranges = bounds
        let results = Mutex([JSONRangeOutcome?](repeating: nil, count: rangeCount))
        let next = Atomic<Int>(0)
        nonisolated(unsafe) let shared = base  // read-only for the duration of the call
        let reader = self
        DispatchQueue.concurrentPerform(iterations: min(workers, rangeCount)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if index >= rangeCount { return }
                // Line numbers are fixed up afterwards; each range counts from 0.
                let outcome = reader.convertLines(shared, start: ranges[index], end: ranges[index + 1], lineBase: 0, streamOffset: streamOffset, fileName: fileName)
                results.withLock { $0[index] = outcome }
            }
        }
        var outcomes = results.withLock { $0 }.compactMap { $0 }
        var line = lineBase
        for index in outcomes.indices {
            for errorIndex in outcomes[index].errors.indices { outcomes[index].errors[errorIndex].line += line }
            line += outcomes[index].lines
        }
        return outcomes
    }
}

/// The result of converting one range of lines.
struct JSONRangeOutcome: Sendable {
    var batches: [RecordBatch]
    var errors: [JSONErrorRecord]
    var lines: Int
}

/// The batches and error records of an in-memory read.
public struct JSONReadResult: Sendable {
    /// The batches, in input order.
    public var batches: [RecordBatch] = []
    /// The rejected records, in input order.
    public var errors: [JSONErrorRecord] = []
    /// Rows delivered.
    public var rowCount = 0
}
