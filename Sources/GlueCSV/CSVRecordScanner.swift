/// A simple record-at-a-time CSV scanner for headers, sniffing and tests: the same dialect rules
/// as the fast tokenizer, returning each field's unescaped bytes.
public struct CSVRecordScanner: Sendable {
    /// One record's fields.
    public struct Record: Sendable, Hashable {
        /// Each field's bytes, quotes and escapes removed.
        public var fields: [[UInt8]]
        /// Whether each field was quoted.
        public var quoted: [Bool]
        /// Where the record's first byte is.
        public var start: Int
        /// One past the record's last byte (its line break included).
        public var end: Int
        /// The line breaks consumed, blank lines before the record included.
        public var lines: Int
        /// Set when the record could not be closed (an unclosed quote, a byte after a closing quote).
        public var problem: String?

        /// The fields decoded as UTF-8 (invalid bytes replaced).
        public var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// What ``next(in:from:isFinal:)`` found.
    public enum Outcome: Sendable, Hashable {
        /// A record.
        case record(Record)
        /// The bytes end inside a record and more may follow.
        case needMoreData
        /// No record is left (only blank lines, or nothing).
        case endOfInput(lines: Int)
    }

    let dialect: CSVDialect

    /// Creates a scanner for a dialect.
    public init(options: CSVOptions) { dialect = CSVDialect(options) }

    /// Scans the record starting at `from` (skipping blank lines first).
    public func next(in bytes: UnsafeBufferPointer<UInt8>, from: Int, isFinal: Bool) -> Outcome {
        let n = bytes.count
        var p = from
        var lines = 0
        // Blank lines.
        while p < n && (bytes[p] == 10 || bytes[p] == 13) {
            if bytes[p] == 13 {
                if p + 1 < n {
                    if bytes[p + 1] == 10 { p += 1 }
                } else if !isFinal {
                    return .needMoreData
                }
            }
            p += 1
            lines += 1
        }
        if p >= n { return isFinal ? .endOfInput(lines: lines) : .needMoreData }
        let start = p
        var record = Record(fields: [], quoted: [], start: start, end: start, lines: 0)
        var field: [UInt8] = []
        var quoted = false
        while true {
            field.removeAll(keepingCapacity: true)
            quoted = false
            if p < n && Int(bytes[p]) == dialect.quote {
                quoted = true
                p += 1
                var closed = false
                while p < n {
                    let byte = bytes[p]
                    if Int(byte) == dialect.escaper {
                        guard p + 1 < n else { break }
                        field.append(bytes[p + 1])
                        p += 2
                        continue
                    }
                    if Int(byte) == dialect.quote {
                        if p + 1 < n && Int(bytes[p + 1]) == dialect.quote {
                            field.append(byte)
                            p += 2
                            continue
                        }
                        if p + 1 == n && !isFinal { return .needMoreData }
                        p += 1
                        closed = true
                        break
                    }
                    if (byte == 10 || byte == 13) && !dialect.multiLine {
                        record.problem = "quoted field not closed at end of line (multiLine is false)"
                        break
                    }
                    if byte == 10 { lines += 1 }
                    field.append(byte)
                    p += 1
                }
                if !closed && record.problem == nil {
                    if !isFinal { return .needMoreData }
                    record.problem = "unclosed quote at end of file"
                }
                if closed && p < n && bytes[p] != dialect.separator && bytes[p] != 10 && bytes[p] != 13 {
                    record.problem = "unexpected character after a closing quote"
                }
            } else {
                while p < n {
                    let byte = bytes[p]
                    if byte == dialect.separator || byte == 10 || byte == 13 { break }
                    if Int(byte) == dialect.escaper && p + 1 < n {
                        field.append(bytes[p + 1])
                        p += 2
                        continue
                    }
                    field.append(byte)
                    p += 1
                }
            }
            record.fields.append(field)
            record.quoted.append(quoted)
            if record.problem != nil {
                while p < n && bytes[p] != 10 && bytes[p] != 13 { p += 1 }
            }
            if p >= n {
                if !isFinal { return .needMoreData }
                break
            }
            let byte = bytes[p]
            if byte == dialect.separator && record.problem == nil {
                p += 1
                continue
            }
            if byte == 13 {
                if p + 1 < n {
                    if bytes[p + 1] == 10 { p += 1 }
                } else if !isFinal {
                    return .needMoreData
                }
            }
            p += 1
            lines += 1
            break
        }
        record.end = p
        record.lines = lines
        return .record(record)
    }

    /// All records of a complete input (BOM skipped), for tests and small files.
    public func records(_ bytes: [UInt8]) -> [Record] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [Record] = []
            var p = CSVReader.byteOrderMarkLength(buffer)
            while case .record(let record) = next(in: buffer, from: p, isFinal: true) {
                result.append(record)
                p = record.end
            }
            return result
        }
    }
}
