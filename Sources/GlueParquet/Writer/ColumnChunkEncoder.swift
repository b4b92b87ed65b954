import GlueColumnar
import GlueCore

/// One encoded column chunk: its pages and its metadata, with offsets relative to the chunk's
/// first byte (the writer adds the chunk's file offset).
struct EncodedChunk {
    var bytes: [UInt8]
    var metadata: ColumnMetaData
}

/// Encodes one column chunk: an optional dictionary page (PLAIN entries) followed by v1 data pages
/// (RLE definition levels, then RLE_DICTIONARY indices or PLAIN values), each compressed on its
/// own, and the chunk's statistics.
struct ColumnChunkEncoder {
    let layout: ParquetLayout
    let options: ParquetWriterOptions
    let values: ChunkValues

    private var isOptional: Bool { layout.element.repetitionType == .optional }

    /// A page's rows and the positions of its non-null values.
    struct PageSpan {
        var rows: Range<Int>
        var values: Range<Int>
    }

    func encode() throws(GlueError) -> EncodedChunk {
        let spans = pageSpans()
        var dictionaryPage: [UInt8] = []
        var dataPages: [UInt8] = []
        var uncompressedTotal = 0
        var usedDictionary = false
        var encodings: [ParquetEncoding] = [.plain, .rle]

        // Dictionary-encode the leading pages while the dictionary pays off and stays small.
        var dictionaryPages = 0
        var indices: [[UInt32]] = []
        var dictionaryBytes: [UInt8] = []
        var dictionaryCount = 0
        if options.isDictionaryEnabled, layout.physicalType != .boolean, values.valueCount > 0 {
            (dictionaryPages, indices, dictionaryBytes, dictionaryCount) = buildDictionary(spans)
        }
        if dictionaryPages > 0 {
            usedDictionary = true
            encodings.append(.rleDictionary)
            var header = PageHeader(type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0)
            header.dictionaryPageHeader = .init(numValues: Int32(dictionaryCount), encoding: .plain, isSorted: false)
            uncompressedTotal += try appendPage(header: header, body: dictionaryBytes, to: &dictionaryPage)
        }
        for (pageIndex, span) in spans.enumerated() {
            var body: [UInt8] = []
            if isOptional { appendLevels(span.rows, to: &body) }
            let encoding: ParquetEncoding
            if pageIndex < dictionaryPages {
                encoding = .rleDictionary
                let pageIndices = indices[pageIndex]
                let bitWidth = BitReading.bitWidth(forMaximum: UInt64(pageIndices.max() ?? 0))
                body.append(UInt8(bitWidth))
                body.append(contentsOf: RLEBitPackedHybridEncoder.encode(pageIndices, bitWidth: bitWidth))
            } else {
                encoding = .plain
                appendPlain(span.values, to: &body)
            }
            var header = PageHeader(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
            header.dataPageHeader = .init(
                numValues: Int32(span.rows.count), encoding: encoding, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle,
                statistics: nil)
            uncompressedTotal += try appendPage(header: header, body: body, to: &dataPages)
        }
        let chunkBytes = dictionaryPage + dataPages
        let metadata = ColumnMetaData(
            type: layout.physicalType, encodings: encodings, pathInSchema: [layout.element.name], codec: options.compression,
            numValues: Int64(values.rowCount), totalUncompressedSize: Int64(uncompressedTotal),
            totalCompressedSize: Int64(chunkBytes.count), dataPageOffset: Int64(dictionaryPage.count),
            dictionaryPageOffset: usedDictionary ? 0 : nil, statistics: statistics())
        return EncodedChunk(bytes: chunkBytes, metadata: metadata)
    }

    /// Compresses `body`, writes the header and body, and returns the uncompressed size (header
    /// included, as ColumnMetaData counts it).
    private func appendPage(header: PageHeader, body: [UInt8], to output: inout [UInt8]) throws(GlueError) -> Int {
        let compressed = try PageCompression.compress(body, codec: options.compression, level: options.compressionLevel)
        guard body.count <= Int(Int32.max), compressed.count <= Int(Int32.max) else {
            throw GlueError(.invalidInput, "A Parquet page of \(body.count) bytes is too large; use smaller pages")
        }
        var header = header
        header.uncompressedPageSize = Int32(body.count)
        header.compressedPageSize = Int32(compressed.count)
        var writer = ThriftCompactWriter()
        header.write(to: &writer)
        output.append(contentsOf: writer.bytes)
        output.append(contentsOf: compressed)
        return writer.bytes.count + body.count
    }

    /// Splits the rows into pages of at most `dataPageRowCount` rows and about `dataPageSize` bytes.
    private func pageSpans() -> [PageSpan] {
        var spans: [PageSpan] = []
        var row = 0
        var value = 0
        let fixedWidth: Int
        switch layout.kind {
        case .boolean: fixedWidth = 1
        case .int32, .float: fixedWidth = 4
        case .int64, .double: fixedWidth = 8
        case .decimalFixed(let width): fixedWidth = width
        case .byteArray: fixedWidth = 0
        }
        let limitRows = max(1, options.dataPageRowCount)
        repeat {
            let startRow = row
            let startValue = value
            var bytes = 0
            while row < values.rowCount, row - startRow < limitRows, bytes < options.dataPageSize {
                if !isOptional || values.levels[row] != 0 {
                    bytes += fixedWidth > 0 ? fixedWidth : 4 + values.byteArrays.range(at: value).count
                    value += 1
                }
                row += 1
            }
            spans.append(PageSpan(rows: startRow..<row, values: startValue..<value))
        } while row < values.rowCount
        return spans
    }

    private func appendLevels(_ rows: Range<Int>, to body: inout [UInt8]) {
        let encoded = RLEBitPackedHybridEncoder.encode(values.levels[rows].lazy.map { UInt32($0) }, bitWidth: 1)
        var length = UInt32(encoded.count).littleEndian
        withUnsafeBytes(of: &length) { body.append(contentsOf: $0) }
        body.append(contentsOf: encoded)
    }

    private func appendPlain(_ range: Range<Int>, to body: inout [UInt8]) {
        switch layout.kind {
        case .boolean:
            var byte: UInt8 = 0
            for (offset, value) in values.booleans[range].enumerated() {
                if value { byte |= 1 << UInt8(offset & 7) }
                if offset & 7 == 7 {
                    body.append(byte)
                    byte = 0
                }
            }
            if range.count & 7 != 0 { body.append(byte) }
        case .int32: values.int32s[range].withUnsafeBytes { body.append(contentsOf: $0) }
        case .int64: values.int64s[range].withUnsafeBytes { body.append(contentsOf: $0) }
        case .float: values.floats[range].withUnsafeBytes { body.append(contentsOf: $0) }
        case .double: values.doubles[range].withUnsafeBytes { body.append(contentsOf: $0) }
        case .byteArray:
            let all = values.byteArrays
            body.reserveCapacity(body.count + all.offsets[range.upperBound] - all.offsets[range.lowerBound] + 4 * range.count)
            for index in range {
                let valueRange = all.range(at: index)
                var length = UInt32(valueRange.count).littleEndian
                withUnsafeBytes(of: &length) { body.append(contentsOf: $0) }
                body.append(contentsOf: all.bytes[valueRange])
            }
        case .decimalFixed:
            let all = values.byteArrays
            body.append(contentsOf: all.bytes[all.offsets[range.lowerBound]..<all.offsets[range.upperBound]])
        }
    }

    // MARK: Dictionary

    /// Builds the dictionary page by page: gives up entirely when the first page shows it does
    /// not shrink the data, and falls back to PLAIN for the remaining pages once it exceeds the
    /// size limit. Returns how many leading pages use it, their indices, the PLAIN entries and
    /// the entry count.
    private func buildDictionary(_ spans: [PageSpan]) -> (Int, [[UInt32]], [UInt8], Int) {
        switch layout.kind {
        case .int32: return buildFixed(spans, values.int32s, key: { $0 })
        case .int64: return buildFixed(spans, values.int64s, key: { $0 })
        case .float: return buildFixed(spans, values.floats, key: { $0.bitPattern })
        case .double: return buildFixed(spans, values.doubles, key: { $0.bitPattern })
        case .byteArray, .decimalFixed: return buildBytes(spans)
        case .boolean: return (0, [], [], 0)
        }
    }

    private func buildFixed<T, Key: Hashable & BitwiseCopyable>(_ spans: [PageSpan], _ source: [T], key: (T) -> Key) -> (Int, [[UInt32]], [UInt8], Int) {
        var dictionary = ValueDictionary<Key>()
        var pages: [[UInt32]] = []
        for (pageIndex, span) in spans.enumerated() {
            let before = dictionary.count
            var indices: [UInt32] = []
            indices.reserveCapacity(span.values.count)
            for index in span.values { indices.append(UInt32(dictionary.index(of: key(source[index])))) }
            let plainSize = span.values.count * MemoryLayout<Key>.stride
            if !keepDictionary(pageIndex: pageIndex, entries: dictionary.count, entryBytes: dictionary.plainByteCount, pageValues: span.values.count, plainSize: plainSize) {
                dictionary.truncate(to: before)
                break
            }
            pages.append(indices)
        }
        return (pages.count, pages, dictionary.plainBytes, dictionary.count)
    }

    private func buildBytes(_ spans: [PageSpan]) -> (Int, [[UInt32]], [UInt8], Int) {
        var dictionary = ByteArrayDictionary()
        var pages: [[UInt32]] = []
        let all = values.byteArrays
        let isFixed: Bool
        if case .decimalFixed = layout.kind { isFixed = true } else { isFixed = false }
        all.bytes.withUnsafeBytes { bytes in
            for (pageIndex, span) in spans.enumerated() {
                let before = dictionary.count
                var indices: [UInt32] = []
                indices.reserveCapacity(span.values.count)
                for index in span.values {
                    indices.append(UInt32(dictionary.index(of: UnsafeRawBufferPointer(rebasing: bytes[all.range(at: index)]))))
                }
                let plainSize = all.offsets[span.values.upperBound] - all.offsets[span.values.lowerBound] + (isFixed ? 0 : 4 * span.values.count)
                let entryBytes = isFixed ? dictionary.entries.bytes.count : dictionary.plainByteCount
                if !keepDictionary(pageIndex: pageIndex, entries: dictionary.count, entryBytes: entryBytes, pageValues: span.values.count, plainSize: plainSize) {
                    dictionary.truncate(to: before)
                    break
                }
                pages.append(indices)
            }
        }
        var plain: [UInt8] = []
        let entries = dictionary.entries
        if isFixed {
            plain = entries.bytes
        } else {
            plain.reserveCapacity(entries.bytes.count + 4 * entries.count)
            for index in 0..<entries.count {
                let range = entries.range(at: index)
                var length = UInt32(range.count).littleEndian
                withUnsafeBytes(of: &length) { plain.append(contentsOf: $0) }
                plain.append(contentsOf: entries.bytes[range])
            }
        }
        return (pages.count, pages, plain, entries.count)
    }

    /// Whether the dictionary may include this page.
    private func keepDictionary(pageIndex: Int, entries: Int, entryBytes: Int, pageValues: Int, plainSize: Int) -> Bool {
        if entryBytes > options.dictionaryPageSizeLimit { return false }
        if pageIndex == 0 {
            // Keep it only when dictionary plus indices are smaller than PLAIN (Spark's rule).
            let bitWidth = BitReading.bitWidth(forMaximum: UInt64(max(entries - 1, 0)))
            return entryBytes + (pageValues * bitWidth + 7) / 8 < plainSize
        }
        return true
    }

    // MARK: Statistics

    /// null_count always; min_value/max_value in the column's sort order when there are
    /// non-NaN values (floats: NaN excluded, a zero minimum written as -0.0 and a zero maximum as
    /// +0.0; byte arrays: unsigned byte order, omitted when a bound is longer than 4 KiB).
    private func statistics() -> Statistics {
        var statistics = Statistics()
        statistics.nullCount = Int64(values.nullCount)
        guard values.valueCount > 0 else { return statistics }
        func bytes<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        switch layout.kind {
        case .boolean:
            statistics.minValue = [values.booleans.contains(false) ? 0 : 1]
            statistics.maxValue = [values.booleans.contains(true) ? 1 : 0]
        case .int32:
            if let low = values.int32s.min(), let high = values.int32s.max() {
                statistics.minValue = bytes(low.littleEndian)
                statistics.maxValue = bytes(high.littleEndian)
            }
        case .int64:
            if let low = values.int64s.min(), let high = values.int64s.max() {
                statistics.minValue = bytes(low.littleEndian)
                statistics.maxValue = bytes(high.littleEndian)
            }
        case .float:
            let numbers = values.floats.filter { !$0.isNaN }
            if var low = numbers.min(), var high = numbers.max() {
                if low == 0 { low = -0.0 }
                if high == 0 { high = 0.0 }
                statistics.minValue = bytes(low.bitPattern.littleEndian)
                statistics.maxValue = bytes(high.bitPattern.littleEndian)
            }
        case .double:
            let numbers = values.doubles.filter { !$0.isNaN }
            if var low = numbers.min(), var high = numbers.max() {
                if low == 0 { low = -0.0 }
                if high == 0 { high = 0.0 }
                statistics.minValue = bytes(low.bitPattern.littleEndian)
                statistics.maxValue = bytes(high.bitPattern.littleEndian)
            }
        case .byteArray, .decimalFixed:
            let isSigned: Bool
            if case .decimalFixed = layout.kind { isSigned = true } else { isSigned = false }
            let all = values.byteArrays
            var low = all.range(at: 0)
            var high = low
            all.bytes.withUnsafeBytes { raw in
                for index in 1..<all.count {
                    let range = all.range(at: index)
                    if Self.compare(raw, range, low, signed: isSigned) < 0 { low = range }
                    if Self.compare(raw, range, high, signed: isSigned) > 0 { high = range }
                }
            }
            if low.count <= 4096, high.count <= 4096 {
                statistics.minValue = Array(all.bytes[low])
                statistics.maxValue = Array(all.bytes[high])
            }
        }
        return statistics
    }

    /// Unsigned byte-wise comparison (signed on the first byte for two's-complement decimals).
    private static func compare(_ raw: UnsafeRawBufferPointer, _ a: Range<Int>, _ b: Range<Int>, signed: Bool) -> Int {
        let common = min(a.count, b.count)
        for offset in 0..<common {
            var x = raw[a.lowerBound + offset]
            var y = raw[b.lowerBound + offset]
            if signed, offset == 0 {
                x ^= 0x80
                y ^= 0x80
            }
            if x != y { return x < y ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
