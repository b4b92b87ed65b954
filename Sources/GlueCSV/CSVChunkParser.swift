#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlueColumnar
import GlueCore

/// The bytes that steer tokenizing, widened so that "none" (256) never equals a byte.
struct CSVDialect: Sendable {
    let separator: UInt8
    let quote: Int
    let escaper: Int
    let multiLine: Bool

    init(_ options: CSVOptions) {
        separator = options.separator
        quote = options.quoteChar.map(Int.init) ?? 256
        // An escaper equal to the quote is RFC 4180's doubling, which is always on.
        if let escaper = options.escaper, Int(escaper) != quote { self.escaper = Int(escaper) } else { escaper = 256 }
        multiLine = options.multiLine
    }

    var hasQuote: Bool { quote < 256 }
    var hasEscaper: Bool { escaper < 256 }
    /// Whether quote parity predicts record starts (the parallel splitter's assumption).
    var quoteParityWorks: Bool { !hasEscaper }
}

/// The result of tokenizing and decoding one byte range of a block.
struct CSVRangeOutcome: Sendable {
    var batches: [RecordBatch] = []
    /// Error records with `line` relative to the range's first line (0-based) and absolute offsets.
    var errors: [CSVErrorRecord] = []
    /// The first byte parsed.
    var start: Int
    /// One past the last byte of the last complete record consumed.
    var end: Int
    /// Line breaks consumed between `start` and `end`.
    var lines = 0
    /// Whether parsing stopped at a record that runs past the end of the buffer (more bytes needed).
    var incomplete = false
    /// Rows delivered in `batches`.
    var rowCount = 0
}

/// Tokenizes records of one byte range into a ``CSVFieldTable`` and decodes full tables into
/// batches. One parser per worker; the block's bytes are shared read-only.
struct CSVChunkParser {
    let base: UnsafePointer<UInt8>
    /// One past the last byte of the buffer.
    let bufferEnd: Int
    /// Whether the buffer ends at the end of the input.
    let isFinal: Bool
    /// The stream offset of `base[0]`, for error records.
    let streamOffset: Int
    let dialect: CSVDialect
    let decoder: CSVBatchDecoder
    let fileName: String
    let table: CSVFieldTable

    init(
        base: UnsafePointer<UInt8>, bufferEnd: Int, isFinal: Bool, streamOffset: Int, dialect: CSVDialect,
        decoder: CSVBatchDecoder, fileName: String, batchRowCount: Int
    ) {
        self.base = base
        self.bufferEnd = bufferEnd
        self.isFinal = isFinal
        self.streamOffset = streamOffset
        self.dialect = dialect
        self.decoder = decoder
        self.fileName = fileName
        self.table = CSVFieldTable(columnCount: decoder.schema.count, capacity: batchRowCount)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A mask with the high bit set in (at least) the lowest byte of `word` equal to the byte of
    /// `pattern`; exact for the lowest such byte, which is all the scanners use.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    /// The position of the first separator, line break or escaper at or after `from`, or
    /// `bufferEnd`.
    @inline(__always)
    private func scanUnquoted(_ from: Int) -> Int {
        var p = from
        let sepMask = UInt64(dialect.separator) &* CSVChunkParser.ones
        let lfMask = UInt64(10) &* CSVChunkParser.ones
        let crMask = UInt64(13) &* CSVChunkParser.ones
        let raw = UnsafeRawPointer(base)
        if dialect.hasEscaper {
            let escMask = UInt64(dialect.escaper) &* CSVChunkParser.ones
            while p + 8 <= bufferEnd {
                let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                let hit =
                    CSVChunkParser.matches(word, sepMask) | CSVChunkParser.matches(word, lfMask)
                    | CSVChunkParser.matches(word, crMask) | CSVChunkParser.matches(word, escMask)
                if hit != 0 { return p + hit.trailingZeroBitCount >> 3 }
                p += 8
            }
        } else {
            while p + 8 <= bufferEnd {
                let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                let hit =
                    CSVChunkParser.matches(word, sepMask) | CSVChunkParser.matches(word, lfMask)
                    | CSVChunkParser.matches(word, crMask)
                if hit != 0 { return p + hit.trailingZeroBitCount >> 3 }
                p += 8
            }
        }
        let separator = dialect.separator
        let escaper = dialect.escaper
        while p < bufferEnd {
            let byte = base[p]
            if byte == separator || byte == 10 || byte == 13 || Int(byte) == escaper { return p }
            p += 1
        }
        return p
    }

    /// Counts `\n` bytes in `[from, to)`.
    @inline(__always)
    private func countLineFeeds(_ from: Int, _ to: Int) -> Int {
        var count = 0
        var p = from
        while p < to {
            guard let hit = memchr(base + p, 10, to - p) else { break }
            count += 1
            p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    enum Failure {
        case unclosedQuoteAtEnd
        case unclosedQuoteAtLineEnd
        case byteAfterClosingQuote
    }

    /// Tokenizes records that start in `[start, limit)` (they may run on to `bufferEnd`).
    mutating func parse(from start: Int, limit: Int) -> CSVRangeOutcome {
        var outcome = CSVRangeOutcome(start: start, end: start)
        let columnCount = table.columnCount
        let separator = dialect.separator
        let quote = dialect.quote
        let escaper = dialect.escaper
        let hasEscaper = dialect.hasEscaper
        let multiLine = dialect.multiLine
        let starts = table.starts
        let ends = table.ends
        let flags = table.flags
        var p = start
        var line = 0
        rows: while p < limit {
            let rowStart = p
            let first = base[p]
            // Blank lines are skipped (Spark's default), but counted.
            if first == 10 {
                p += 1
                line += 1
                outcome.end = p
                outcome.lines = line
                continue
            }
            if first == 13 {
                if p + 1 < bufferEnd {
                    p += base[p + 1] == 10 ? 2 : 1
                } else if isFinal {
                    p += 1
                } else {
                    outcome.incomplete = true
                    break rows
                }
                line += 1
                outcome.end = p
                outcome.lines = line
                continue
            }
            let rowLine = line
            var column = 0
            var slot = table.rowCount &* columnCount
            var failure: Failure? = nil
            fields: while true {
                var fieldStart = p
                var fieldEnd: Int
                var flag: UInt8 = 0
                if p < bufferEnd && Int(base[p]) == quote {
                    flag = CSVFieldTable.quoted
                    p += 1
                    fieldStart = p
                    var q = p
                    quoted: while true {
                        if multiLine && !hasEscaper {
                            guard let hit = memchr(base + q, Int32(quote), bufferEnd - q) else {
                                q = bufferEnd
                                break quoted
                            }
                            q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        } else {
                            while q < bufferEnd {
                                let byte = Int(base[q])
                                if byte == quote || byte == escaper || (!multiLine && (byte == 10 || byte == 13)) { break }
                                q += 1
                            }
                            if q == bufferEnd { break quoted }
                            let byte = Int(base[q])
                            if byte == escaper {
                                flag |= CSVFieldTable.needsUnescape
                                q += 2
                                if q > bufferEnd { q = bufferEnd }
                                continue quoted
                            }
                            if byte != quote {
                                // A line break inside quotes while multiLine is off ends the record.
                                failure = .unclosedQuoteAtLineEnd
                                break quoted
                            }
                        }
                        // base[q] is a quote: doubled, or the closing one.
                        if q + 1 < bufferEnd && Int(base[q + 1]) == quote {
                            flag |= CSVFieldTable.needsUnescape
                            q += 2
                            continue quoted
                        }
                        if q + 1 == bufferEnd && !isFinal {
                            // Cannot tell a closing quote from the first of a doubled pair yet.
                            q = bufferEnd
                        }
                        break quoted
                    }
                    if failure == .unclosedQuoteAtLineEnd {
                        fieldEnd = q
                        p = q
                    } else if q >= bufferEnd {
                        if !isFinal {
                            outcome.incomplete = true
                            break rows
                        }
                        failure = .unclosedQuoteAtEnd
                        line += countLineFeeds(fieldStart, bufferEnd)
                        p = bufferEnd
                        fieldEnd = bufferEnd
                    } else {
                        fieldEnd = q
                        p = q + 1
                        if multiLine { line += countLineFeeds(fieldStart, fieldEnd) }
                        if p < bufferEnd {
                            let next = base[p]
                            if next != separator && next != 10 && next != 13 {
                                failure = .byteAfterClosingQuote
                            }
                        }
                    }
                } else {
                    var q = scanUnquoted(p)
                    while q < bufferEnd && Int(base[q]) == escaper {
                        flag |= CSVFieldTable.needsUnescape
                        q = q + 2 > bufferEnd ? bufferEnd : scanUnquoted(q + 2)
                    }
                    fieldEnd = q
                    p = q
                }
                if failure != nil {
                    // Skip to the end of the line and reject the record.
                    while p < bufferEnd && base[p] != 10 && base[p] != 13 { p += 1 }
                    if p == bufferEnd && !isFinal {
                        outcome.incomplete = true
                        break rows
                    }
                    if p < bufferEnd {
                        if base[p] == 13 && p + 1 < bufferEnd && base[p + 1] == 10 { p += 2 } else if base[p] == 13 && p + 1 == bufferEnd && !isFinal {
                            outcome.incomplete = true
                            break rows
                        } else { p += 1 }
                        line += 1
                    }
                    break fields
                }
                if column < columnCount {
                    starts[slot] = fieldStart
                    ends[slot] = fieldEnd
                    flags[slot] = flag
                    slot += 1
                }
                column += 1
                if p == bufferEnd {
                    if !isFinal {
                        outcome.incomplete = true
                        break rows
                    }
                    break fields
                }
                let byte = base[p]
                if byte == separator {
                    p += 1
                    continue fields
                }
                if byte == 10 {
                    p += 1
                } else {
                    if p + 1 < bufferEnd {
                        p += base[p + 1] == 10 ? 2 : 1
                    } else if isFinal {
                        p += 1
                    } else {
                        outcome.incomplete = true
                        break rows
                    }
                }
                line += 1
                break fields
            }
            if failure == nil && column == columnCount {
                let row = table.rowCount
                table.rowLines[row] = rowLine
                table.rowStarts[row] = rowStart
                table.rowEnds[row] = p
                table.rowCount = row + 1
                if table.rowCount == table.capacity { flush(into: &outcome) }
            } else {
                let reason: String
                switch failure {
                case .unclosedQuoteAtEnd: reason = "unclosed quote at end of file"
                case .unclosedQuoteAtLineEnd: reason = "quoted field not closed at end of line (multiLine is false)"
                case .byteAfterClosingQuote: reason = "unexpected character after a closing quote"
                case nil: reason = "expected \(columnCount) fields but found \(column)"
                }
                outcome.errors.append(errorRecord(rowStart: rowStart, rowEnd: p, relativeLine: rowLine, column: nil, reason: reason))
            }
            outcome.end = p
            outcome.lines = line
        }
        flush(into: &outcome)
        return outcome
    }

    /// Decodes the rows tokenized so far into a batch and empties the table.
    mutating func flush(into outcome: inout CSVRangeOutcome) {
        guard table.rowCount > 0 else { return }
        let batch = decoder.decode(table, base: base, fileName: fileName, streamOffset: streamOffset, errors: &outcome.errors)
        outcome.rowCount += batch.rowCount
        outcome.batches.append(batch)
        table.rowCount = 0
    }

    func errorRecord(rowStart: Int, rowEnd: Int, relativeLine: Int, column: Int?, reason: String) -> CSVErrorRecord {
        CSVBatchDecoder.errorRecord(
            base: base, rowStart: rowStart, rowEnd: rowEnd, relativeLine: relativeLine, column: column, reason: reason,
            fileName: fileName, streamOffset: streamOffset)
    }
}
