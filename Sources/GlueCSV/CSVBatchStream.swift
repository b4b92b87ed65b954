import GlueColumnar
import GlueCompression
import GlueCore

/// The batches of one CSV input, pulled one at a time; each pull may parse one more block.
///
/// Error records found so far wait in ``takeErrors()``; ``summary`` holds the running totals.
/// Use one stream from one thread.
public final class CSVBatchStream {
    private let reader: CSVReader
    private let fileName: String
    private let input: DecompressingReader
    private let scanner: CSVRecordScanner
    private let block: ByteBlock
    private var eof = false
    private var done = false
    private var pendingSkips: Int
    private var atStreamStart = true
    private var streamOffset = 0
    private var lineBase = 1
    private var target: Int
    private var pending: [RecordBatch] = []
    private var pendingIndex = 0
    private var errors: [CSVErrorRecord] = []

    /// Totals so far (complete once ``next()`` has returned `nil`).
    public private(set) var summary = CSVReadSummary()

    init(reader: CSVReader, fileName: String, source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) {
        self.reader = reader
        self.fileName = fileName
        input = DecompressingReader(fileName: fileName, formatName: "CSV", requiresGzip: reader.options.compression == .gzip, source: source)
        scanner = CSVRecordScanner(options: reader.options)
        block = ByteBlock(capacity: reader.blockSize + reader.blockSize / 2)
        pendingSkips = (reader.options.withHeader ? 1 : 0) + (reader.options.skipFirst ? 1 : 0)
        target = reader.blockSize
    }

    /// The error records found since the last call.
    public func takeErrors() -> [CSVErrorRecord] {
        defer { errors = [] }
        return errors
    }

    /// The next batch in input order, or `nil` at the end of the input.
    ///
    /// - Throws: what the source throws; `InvalidDataException` for corrupt gzip;
    ///   `UnsupportedFeatureException` for bzip2.
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
            try parseNextBlock()
        }
    }

    private var name: String { fileName.isEmpty ? "The input" : fileName }

    /// Reads until the block holds `target` bytes or the input ends (gzip inflated, bzip2 refused).
    private func fill() throws(GlueError) {
        if reader.options.compression == .bzip2 {
            throw GlueError(.unsupportedFeature, "\(name) is bzip2-compressed; bzip2 is not supported (use gzip or plain CSV).")
        }
        while !eof && block.count < target {
            block.reserve(target)
            let free = UnsafeMutableRawBufferPointer(start: block.pointer + block.count, count: block.capacity - block.count)
            let count = try input.read(into: free)
            if count == 0 { eof = true } else { block.count += count }
        }
    }

    private func parseNextBlock() throws(GlueError) {
        try fill()
        if atStreamStart {
            if block.count < 3 && !eof {
                target = block.count + 3
                return
            }
            let bom = CSVReader.byteOrderMarkLength(UnsafeBufferPointer(start: block.bytes, count: block.count))
            atStreamStart = false
            block.consume(bom)
            streamOffset += bom
        }
        var position = 0
        while pendingSkips > 0 {
            let bytes = UnsafeBufferPointer(start: block.bytes, count: block.count)
            switch scanner.next(in: bytes, from: position, isFinal: eof) {
            case .record(let record):
                if reader.options.withHeader && summary.header == nil { summary.header = record.strings }
                position = record.end
                lineBase += record.lines
                pendingSkips -= 1
            case .needMoreData:
                // The first records are longer than the block: read more and try again.
                target = max(target, block.count * 2)
                return
            case .endOfInput(let lines):
                position = block.count
                lineBase += lines
                pendingSkips = 0
            }
        }
        block.consume(position)
        streamOffset += position

        let outcomes = reader.parseBlock(block, isFinal: eof, streamOffset: streamOffset, fileName: fileName)
        var consumed = 0
        for outcome in outcomes {
            for var error in outcome.errors.sorted(by: { $0.byteOffset < $1.byteOffset }) {
                error.line += lineBase
                summary.errorCount += 1
                errors.append(error)
            }
            for batch in outcome.batches where batch.rowCount > 0 {
                summary.rowCount += batch.rowCount
                pending.append(batch)
            }
            lineBase += outcome.lines
            consumed = outcome.end
        }
        if eof {
            done = true
            summary.byteCount = streamOffset + block.count
            return
        }
        // A record longer than the block: read more before parsing again.
        target = consumed == 0 ? max(target, block.count * 2) : reader.blockSize
        block.consume(consumed)
        streamOffset += consumed
    }
}
