#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import GlueColumnar
import GlueCore
import Synchronization

/// Reads CSV bytes into typed ``RecordBatch``es of a given schema, streaming and in parallel.
///
/// The reader pulls bytes from a source closure (it never knows where they come from), in blocks
/// of ``blockSize`` bytes. Each block is cut into byte ranges that workers tokenize and decode at
/// the same time; where a range starts is predicted from quote parity and then checked against
/// where the previous range really ended, so quoted line breaks never split a record and the
/// result is exactly that of a serial read. Batches come out in input order; rejected records
/// go to the error output with their line, byte offset, column and reason.
///
/// Memory stays near two blocks plus their batches, whatever the input size.
public struct CSVReader: Sendable {
    /// The columns to produce, by position.
    public let schema: Schema
    /// The dialect and switches.
    public let options: CSVOptions
    /// How many threads parse one block (1 = serial).
    public var workers: Int
    /// Rows per batch.
    public var batchRowCount: Int
    /// Bytes per block (a record longer than this grows the block).
    public var blockSize: Int
    /// The smallest byte range worth handing to its own worker.
    public var minimumRangeSize = 256 << 10
    let decoder: CSVBatchDecoder

    /// The number of active processors.
    public static var defaultWorkers: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Creates a reader.
    ///
    /// - Throws: `UnsupportedFeatureException` when the schema has nested columns;
    ///   `InvalidInputException` for clashing options.
    public init(
        schema: Schema, options: CSVOptions = CSVOptions(), workers: Int = CSVReader.defaultWorkers,
        batchRowCount: Int = RecordBatch.defaultRowCount, blockSize: Int = 8 << 20
    ) throws(GlueError) {
        try options.validate()
        guard schema.count > 0 else { throw GlueError(.invalidInput, "A CSV schema needs at least one column.") }
        self.schema = schema
        self.options = options
        self.workers = max(1, workers)
        self.batchRowCount = max(1, batchRowCount)
        self.blockSize = max(64, blockSize)
        self.decoder = try CSVBatchDecoder(schema: schema, options: options)
    }

    /// The length of a UTF-8 byte order mark at the start of `bytes` (0 or 3).
    public static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads a whole input pulled from `source`, handing batches and error records over in order.
    ///
    /// `source` fills the buffer it is given and returns the byte count, 0 at the end. gzip input
    /// is recognised by its magic bytes and inflated; bzip2 is refused.
    ///
    /// - Throws: what `source` or `onBatch` throws; `InvalidDataException` for corrupt gzip;
    ///   `UnsupportedFeatureException` for bzip2.
    @discardableResult
    public func read(
        fileName: String = "",
        source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int,
        onBatch: (RecordBatch) throws(GlueError) -> Void,
        onError: (CSVErrorRecord) -> Void = { _ in }
    ) throws(GlueError) -> CSVReadSummary {
        let stream = CSVBatchStream(reader: self, fileName: fileName, source: source)
        while let batch = try stream.next() {
            for error in stream.takeErrors() { onError(error) }
            try onBatch(batch)
        }
        for error in stream.takeErrors() { onError(error) }
        return stream.summary
    }

    /// A pull-based stream of the batches of one input.
    public func stream(fileName: String = "", source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) -> CSVBatchStream {
        CSVBatchStream(reader: self, fileName: fileName, source: source)
    }

    /// Reads complete in-memory bytes, collecting batches and error records.
    ///
    /// - Throws: `InvalidDataException` for corrupt gzip; `UnsupportedFeatureException` for bzip2.
    public func read(bytes: [UInt8], fileName: String = "") throws(GlueError) -> CSVReadResult {
        var result = CSVReadResult()
        result.summary = try read(
            fileName: fileName,
            source: CSVReader.source(bytes),
            onBatch: { (batch: RecordBatch) throws(GlueError) in result.batches.append(batch) },
            onError: { result.errors.append($0) })
        return result
    }

    /// A source that hands out `bytes` (for in-memory inputs).
    public static func source(_ bytes: [UInt8]) -> (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        let cursor = ByteArrayCursor(bytes)
        return { (buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in cursor.read(into: buffer) }
    }

    // MARK: - One block

    func parseBlock(_ block: ByteBlock, isFinal: Bool, streamOffset: Int, fileName: String) -> [CSVRangeOutcome] {
        let base = UnsafePointer(block.pointer.assumingMemoryBound(to: UInt8.self))
        let count = block.count
        let dialect = CSVDialect(options)
        let decoder = self.decoder
        let batchRowCount = self.batchRowCount
        func serial(from start: Int, limit: Int) -> CSVRangeOutcome {
            var parser = CSVChunkParser(
                base: base, bufferEnd: count, isFinal: isFinal, streamOffset: streamOffset, dialect: dialect, decoder: decoder,
                fileName: fileName, batchRowCount: batchRowCount)
            return parser.parse(from: start, limit: limit)
        }
        let parityMatters = dialect.multiLine && dialect.hasQuote
        guard workers > 1, count >= 2 * minimumRangeSize, !parityMatters || dialect.quoteParityWorks else {
            return [serial(from: 0, limit: count)]
        }
        let rangeCount = min(workers * 4, count / minimumRangeSize)
        let bounds = (0...rangeCount).map { count / rangeCount * $0 + ($0 == rangeCount ? count % rangeCount : 0) }
        // Pass 1: quote parity of each range, so each worker knows whether it starts inside quotes.
        var rangeParities = [Bool](repeating: false, count: rangeCount)
        if parityMatters {
            let counts = Mutex([Int](repeating: 0, count: rangeCount))
            nonisolated(unsafe) let shared = base  // read-only for the duration of the call
            let quote = UInt8(dialect.quote)
            DispatchQueue.concurrentPerform(iterations: rangeCount) { index in
                let n = CSVReader.countByte(quote, shared + bounds[index], bounds[index + 1] - bounds[index])
                counts.withLock { $0[index] = n }
            }
            let perRange = counts.withLock { $0 }
            var inQuotes = false
            for index in 0..<rangeCount {
                rangeParities[index] = inQuotes
                if perRange[index] & 1 == 1 { inQuotes.toggle() }
            }
        }
        // Pass 2: every range parses the records that start in it.
        let parities = rangeParities
        let results = Mutex([CSVRangeOutcome?](repeating: nil, count: rangeCount))
        let next = Atomic<Int>(0)
        nonisolated(unsafe) let shared = base  // read-only for the duration of the call
        let quote = dialect.quote
        DispatchQueue.concurrentPerform(iterations: min(workers, rangeCount)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if index >= rangeCount { return }
                let start =
                    index == 0
                    ? 0
                    : CSVReader.predictRecordStart(shared, count, from: bounds[index], inQuotes: parities[index], quote: quote)
                var outcome: CSVRangeOutcome
                if start >= bounds[index + 1] {
                    outcome = CSVRangeOutcome(start: start, end: start)
                } else {
                    var parser = CSVChunkParser(
                        base: shared, bufferEnd: count, isFinal: isFinal, streamOffset: streamOffset, dialect: dialect,
                        decoder: decoder, fileName: fileName, batchRowCount: batchRowCount)
                    outcome = parser.parse(from: start, limit: bounds[index + 1])
                }
                results.withLock { $0[index] = outcome }
            }
        }
        // Check every range against where the previous one really ended; re-parse on a mismatch.
        let outcomes = results.withLock { $0 }
        var accepted: [CSVRangeOutcome] = []
        var position = 0
        for index in 0..<rangeCount {
            let limit = bounds[index + 1]
            if position >= limit && index + 1 < rangeCount { continue }
            var outcome: CSVRangeOutcome
            if let candidate = outcomes[index], candidate.start == position {
                outcome = candidate
            } else {
                outcome = serial(from: position, limit: max(limit, position))
            }
            accepted.append(outcome)
            position = outcome.end
            if outcome.incomplete { break }
        }
        return accepted
    }

    /// Counts occurrences of `byte` in `count` bytes (eight at a time).
    static func countByte(_ byte: UInt8, _ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pattern = UInt64(byte) &* ones
        let raw = UnsafeRawPointer(start)
        var total = 0
        var p = 0
        while p + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self) ^ pattern
            // Exact per-byte zero test: high bit set where the byte of x is zero.
            let t = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
            total += t.nonzeroBitCount
            p += 8
        }
        while p < count {
            if start[p] == byte { total += 1 }
            p += 1
        }
        return total
    }

    /// The first position at or after `from` just past a line break outside quotes, or `count`.
    static func predictRecordStart(_ base: UnsafePointer<UInt8>, _ count: Int, from: Int, inQuotes: Bool, quote: Int) -> Int {
        var inside = inQuotes
        if from > 0 && !inside {
            let previous = base[from - 1]
            if previous == 10 || (previous == 13 && (from >= count || base[from] != 10)) { return from }
        }
        var p = from
        while p < count {
            let byte = base[p]
            if Int(byte) == quote {
                inside.toggle()
            } else if !inside && (byte == 10 || byte == 13) {
                if byte == 13 && p + 1 < count && base[p + 1] == 10 { return p + 2 }
                return p + 1
            }
            p += 1
        }
        return count
    }
}

/// Totals of one read.
public struct CSVReadSummary: Sendable, Hashable {
    /// Rows delivered in batches.
    public var rowCount = 0
    /// Records sent to the error output.
    public var errorCount = 0
    /// Decompressed bytes read (BOM included).
    public var byteCount = 0
    /// The header's fields when `withHeader` is set and the input has a first record.
    public var header: [String]? = nil
}

/// The batches, error records and totals of an in-memory read.
public struct CSVReadResult: Sendable {
    /// The batches, in input order.
    public var batches: [RecordBatch] = []
    /// The rejected records, in input order.
    public var errors: [CSVErrorRecord] = []
    /// Totals.
    public var summary = CSVReadSummary()
}

/// A growable byte buffer whose unconsumed tail moves to the front (the carry-over between blocks).
final class ByteBlock {
    private(set) var pointer: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        pointer = .allocate(byteCount: self.capacity, alignment: 64)
    }

    deinit { pointer.deallocate() }

    /// The bytes, typed.
    var bytes: UnsafeMutablePointer<UInt8> { pointer.assumingMemoryBound(to: UInt8.self) }

    /// Makes room for at least `bytes` bytes in all.
    func reserve(_ bytes: Int) {
        guard bytes > capacity else { return }
        let grown = max(bytes, capacity * 2)
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 64)
        fresh.copyMemory(from: pointer, byteCount: count)
        pointer.deallocate()
        pointer = fresh
        capacity = grown
    }

    /// Drops the first `bytes` bytes, moving the rest to the front.
    func consume(_ bytes: Int) {
        guard bytes > 0 else { return }
        let rest = count - bytes
        if rest > 0 { memmove(pointer, pointer + bytes, rest) }
        count = max(rest, 0)
    }
}
