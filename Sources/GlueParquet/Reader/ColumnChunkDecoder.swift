import GlueColumnar
import GlueCore

/// Decodes one column chunk (its dictionary page and data pages) into a ``Column``.
///
/// Every length, offset and count read from the file is checked against the bytes actually
/// present; a problem is an `InvalidDataException` describing it (the file reader adds the file,
/// row group and column).
struct ColumnChunkDecoder {
    let descriptor: ParquetColumnDescriptor
    let metadata: ColumnMetaData
    /// The number of rows of the row group (and so of values of a flat column).
    let rowCount: Int

    /// The decoded dictionary, in the column's physical type.
    private var dictionary = PhysicalValues()
    private var dictionaryCount = 0
    private var hasDictionary = false
    /// Values decoded so far (non-null ones only).
    private var values = PhysicalValues()
    /// One definition level (0 null, 1 value) per row of an OPTIONAL column.
    private var levels: [Int32] = []
    private var rowsDecoded = 0
    private var nonNullDecoded = 0

    init(descriptor: ParquetColumnDescriptor, metadata: ColumnMetaData, rowCount: Int) {
        self.descriptor = descriptor
        self.metadata = metadata
        self.rowCount = rowCount
    }

    /// Decodes the chunk held in `bytes` (exactly the chunk's on-disk pages).
    mutating func decode(_ bytes: [UInt8]) throws(GlueError) -> Column {
        guard metadata.type == descriptor.physicalType else {
            throw invalidData("the chunk's type \(metadata.type) differs from the schema's \(descriptor.physicalType)")
        }
        guard metadata.numValues >= 0, metadata.numValues == Int64(rowCount) else {
            throw invalidData("the chunk holds \(metadata.numValues) values but the row group has \(rowCount) rows")
        }
        if descriptor.isOptional { levels.reserveCapacity(rowCount) }
        var position = 0
        while rowsDecoded < rowCount {
            guard position < bytes.count else {
                throw invalidData("the chunk ends after \(rowsDecoded) of \(rowCount) values")
            }
            var reader = ThriftCompactReader(bytes: bytes, start: position)
            let header = try PageHeader(from: &reader)
            let bodyStart = reader.position
            let bodyLength = Int(header.compressedPageSize)
            guard bodyLength <= bytes.count - bodyStart else {
                throw invalidData("a page of \(bodyLength) bytes at chunk offset \(position) runs past the end of the chunk")
            }
            let bodyRange = bodyStart..<(bodyStart + bodyLength)
            switch header.type {
            case .dictionaryPage:
                try decodeDictionaryPage(header, bytes, bodyRange)
            case .dataPage:
                try decodeDataPageV1(header, bytes, bodyRange)
            case .dataPageV2:
                try decodeDataPageV2(header, bytes, bodyRange)
            default:
                break  // index pages and unknown page types carry no values
            }
            position = bodyRange.upperBound
        }
        return try makeColumn()
    }

    // MARK: Pages

    private mutating func decodeDictionaryPage(_ header: PageHeader, _ bytes: [UInt8], _ range: Range<Int>) throws(GlueError) {
        guard let page = header.dictionaryPageHeader else { throw invalidData("a dictionary page has no dictionary header") }
        guard !hasDictionary else { throw invalidData("the chunk has a second dictionary page") }
        guard page.numValues >= 0 else { throw invalidData("a dictionary page has \(page.numValues) entries") }
        guard page.encoding == .plain || page.encoding == .plainDictionary else {
            throw GlueError(.unsupportedFeature, "Dictionary page encoding \(page.encoding) is not supported")
        }
        let body = try pageBody(bytes, range, uncompressedSize: Int(header.uncompressedPageSize), compressed: true)
        let count = Int(page.numValues)
        try withBytes(body) { (raw: UnsafeRawBufferPointer) throws(GlueError) in
            _ = try decodePlain(raw, count: count, into: &dictionary)
        }
        dictionaryCount = count
        hasDictionary = true
    }

    private mutating func decodeDataPageV1(_ header: PageHeader, _ bytes: [UInt8], _ range: Range<Int>) throws(GlueError) {
        guard let page = header.dataPageHeader else { throw invalidData("a data page has no data page header") }
        let count = try checkedValueCount(page.numValues)
        let body = try pageBody(bytes, range, uncompressedSize: Int(header.uncompressedPageSize), compressed: true)
        try withBytes(body) { (raw: UnsafeRawBufferPointer) throws(GlueError) in
            var position = 0
            var nonNull = count
            if descriptor.isOptional {
                if page.definitionLevelEncoding == .bitPacked {
                    let byteCount = (count + 7) / 8
                    guard byteCount <= raw.count else { throw invalidData("BIT_PACKED definition levels run past the end of the page") }
                    for index in 0..<count { levels.append(Int32((raw[index >> 3] >> UInt8(7 - index & 7)) & 1)) }
                    position = byteCount
                } else {
                    guard raw.count >= 4 else { throw invalidData("a data page is too short for its definition levels") }
                    let length = Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                    guard length <= raw.count - 4 else { throw invalidData("definition levels of \(length) bytes run past the end of the page") }
                    try RLEBitPackedHybridDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), bitWidth: 1, count: count, into: &levels)
                    position = 4 + length
                }
                nonNull = try countNonNull(lastLevels: count)
            }
            try decodeValues(UnsafeRawBufferPointer(rebasing: raw[position...]), encoding: page.encoding, count: nonNull)
            rowsDecoded += count
        }
    }

    private mutating func decodeDataPageV2(_ header: PageHeader, _ bytes: [UInt8], _ range: Range<Int>) throws(GlueError) {
        guard let page = header.dataPageHeaderV2 else { throw invalidData("a v2 data page has no v2 header") }
        let count = try checkedValueCount(page.numValues)
        let repetitionLength = Int(page.repetitionLevelsByteLength)
        let definitionLength = Int(page.definitionLevelsByteLength)
        guard repetitionLength >= 0, definitionLength >= 0, repetitionLength + definitionLength <= range.count else {
            throw invalidData("a v2 page's levels (\(repetitionLength) + \(definitionLength) bytes) do not fit its \(range.count) bytes")
        }
        let levelsStart = range.lowerBound + repetitionLength
        var nonNull = count
        if descriptor.isOptional {
            try withBytes(bytes) { (raw: UnsafeRawBufferPointer) throws(GlueError) in
                let section = UnsafeRawBufferPointer(rebasing: raw[levelsStart..<(levelsStart + definitionLength)])
                try RLEBitPackedHybridDecoder.decode(section, bitWidth: 1, count: count, into: &levels)
            }
            nonNull = try countNonNull(lastLevels: count)
        }
        let valuesRange = (levelsStart + definitionLength)..<range.upperBound
        let uncompressedValues = Int(header.uncompressedPageSize) - repetitionLength - definitionLength
        guard uncompressedValues >= 0 else { throw invalidData("a v2 page's uncompressed size is smaller than its levels") }
        // An empty values section (all nulls) is not a valid compressed stream: skip the codec.
        let compressed = page.isCompressed && !valuesRange.isEmpty
        let body = try pageBody(bytes, valuesRange, uncompressedSize: uncompressedValues, compressed: compressed)
        try withBytes(body) { (raw: UnsafeRawBufferPointer) throws(GlueError) in
            try decodeValues(raw, encoding: page.encoding, count: nonNull)
        }
        rowsDecoded += count
    }

    /// A page's value count, checked against the rows still expected.
    private func checkedValueCount(_ numValues: Int32) throws(GlueError) -> Int {
        guard numValues >= 0, Int(numValues) <= rowCount - rowsDecoded else {
            throw invalidData("a data page holds \(numValues) values but only \(rowCount - rowsDecoded) of the chunk's \(rowCount) remain")
        }
        return Int(numValues)
    }

    /// Counts the values (level 1) among the last `count` levels, rejecting levels above 1.
    private func countNonNull(lastLevels count: Int) throws(GlueError) -> Int {
        var nonNull = 0
        for level in levels[(levels.count - count)...] {
            guard level == 0 || level == 1 else { throw invalidData("a definition level of \(level) exceeds the column's maximum of 1") }
            nonNull &+= Int(level)
        }
        return nonNull
    }

    /// The page body, decompressed when the chunk's codec says so and `compressed` is true.
    private func pageBody(_ bytes: [UInt8], _ range: Range<Int>, uncompressedSize: Int, compressed: Bool) throws(GlueError) -> ArraySlice<UInt8> {
        if !compressed || metadata.codec == .uncompressed {
            return bytes[range]
        }
        let output = try withBytes(bytes) { (raw: UnsafeRawBufferPointer) throws(GlueError) -> [UInt8] in
            try PageCompression.decompress(UnsafeRawBufferPointer(rebasing: raw[range]), codec: metadata.codec, uncompressedSize: uncompressedSize)
        }
        return output[...]
    }

    // MARK: Values

    private mutating func decodeValues(_ raw: UnsafeRawBufferPointer, encoding: ParquetEncoding, count: Int) throws(GlueError) {
        guard count > 0 else { return }
        let physical = descriptor.physicalType
        switch encoding {
        case .plain:
            try materializeIndices()
            _ = try decodePlain(raw, count: count, into: &values)
        case .plainDictionary, .rleDictionary:
            guard hasDictionary else { throw invalidData("a dictionary-encoded page has no dictionary page before it") }
            guard raw.count >= 1 else { throw invalidData("a dictionary-encoded page has no bit width") }
            let bitWidth = Int(raw[0])
            var indices: [Int32] = []
            try RLEBitPackedHybridDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[1...]), bitWidth: bitWidth, count: count, into: &indices)
            let limit = Int32(truncatingIfNeeded: dictionaryCount)
            for index in indices where index < 0 || index >= limit {
                throw invalidData("dictionary index \(index) is outside the dictionary of \(dictionaryCount) entries")
            }
            try gather(indices)
        case .rle where physical == .boolean:
            guard raw.count >= 4 else { throw invalidData("RLE booleans lack their length prefix") }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            guard length <= raw.count - 4 else { throw invalidData("RLE booleans of \(length) bytes run past the end of the page") }
            var bits: [Int32] = []
            try RLEBitPackedHybridDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), bitWidth: 1, count: count, into: &bits)
            values.booleans.reserveCapacity(values.booleans.count + count)
            for bit in bits { values.booleans.append(bit != 0) }
        case .deltaBinaryPacked where physical == .int32 || physical == .int64:
            var decoded: [Int64] = []
            try DeltaBinaryPackedDecoder.decode(raw, limit: count, into: &decoded)
            guard decoded.count == count else { throw invalidData("DELTA_BINARY_PACKED holds \(decoded.count) values; the page needs \(count)") }
            if physical == .int32 {
                values.int32s.reserveCapacity(values.int32s.count + count)
                for value in decoded { values.int32s.append(Int32(truncatingIfNeeded: value)) }
            } else {
                values.int64s.append(contentsOf: decoded)
            }
        case .deltaLengthByteArray where physical == .byteArray:
            try materializeIndices()
            try DeltaByteArrayDecoder.decodeLengths(raw, count: count, into: &values.byteArrays)
        case .deltaByteArray where physical == .byteArray || physical == .fixedLenByteArray:
            try materializeIndices()
            let first = values.byteArrays.count
            try DeltaByteArrayDecoder.decode(raw, count: count, into: &values.byteArrays)
            if physical == .fixedLenByteArray {
                for index in first..<values.byteArrays.count where values.byteArrays.range(at: index).count != descriptor.typeLength {
                    throw invalidData("a DELTA_BYTE_ARRAY value is not \(descriptor.typeLength) bytes wide")
                }
            }
        case .byteStreamSplit where physical != .boolean && physical != .byteArray && physical != .int96:
            let width = physical == .fixedLenByteArray ? descriptor.typeLength : (physical == .int32 || physical == .float ? 4 : 8)
            let plain = try ByteStreamSplitDecoder.unsplit(raw, width: width, count: count)
            try materializeIndices()
            try withBytes(plain) { (bytes: UnsafeRawBufferPointer) throws(GlueError) in
                _ = try decodePlain(bytes, count: count, into: &values)
            }
        default:
            throw GlueError(.unsupportedFeature, "Encoding \(encoding) of a \(physical) column is not supported")
        }
        nonNullDecoded += count
    }

    /// Decodes `count` PLAIN values of the column's physical type.
    private func decodePlain(_ raw: UnsafeRawBufferPointer, count: Int, into target: inout PhysicalValues) throws(GlueError) -> Int {
        switch descriptor.physicalType {
        case .boolean: return try PlainDecoder.decodeBooleans(raw, count: count, into: &target.booleans)
        case .int32: return try PlainDecoder.decodeFixed(raw, count: count, into: &target.int32s)
        case .int64: return try PlainDecoder.decodeFixed(raw, count: count, into: &target.int64s)
        case .int96: return try PlainDecoder.decodeInt96(raw, count: count, into: &target.int64s)
        case .float: return try PlainDecoder.decodeFixed(raw, count: count, into: &target.floats)
        case .double: return try PlainDecoder.decodeFixed(raw, count: count, into: &target.doubles)
        case .byteArray: return try PlainDecoder.decodeByteArrays(raw, count: count, into: &target.byteArrays)
        case .fixedLenByteArray:
            return try PlainDecoder.decodeFixedByteArrays(raw, width: descriptor.typeLength, count: count, into: &target.byteArrays)
        default: throw invalidData("unknown physical type \(descriptor.physicalType.rawValue)")
        }
    }

    /// Appends the dictionary entries at `indices` (already checked) to the values.
    private mutating func gather(_ indices: [Int32]) throws(GlueError) {
        switch descriptor.physicalType {
        case .boolean: for index in indices { values.booleans.append(dictionary.booleans[Int(index)]) }
        case .int32: gatherFixed(indices, dictionary.int32s, &values.int32s)
        case .int64, .int96: gatherFixed(indices, dictionary.int64s, &values.int64s)
        case .float: gatherFixed(indices, dictionary.floats, &values.floats)
        case .double: gatherFixed(indices, dictionary.doubles, &values.doubles)
        default:
            // Byte arrays keep indices while every page is dictionary-encoded.
            if nonNullDecoded == 0 { values.isIndexed = true }
            if values.isIndexed {
                values.indices.append(contentsOf: indices)
            } else {
                appendDictionaryBytes(indices)
            }
        }
    }

    /// Appends `source[index]` for each index (already checked to be in range).
    private func gatherFixed<T>(_ indices: [Int32], _ source: [T], _ output: inout [T]) {
        guard let first = source.first else { return }
        let base = output.count
        output.append(contentsOf: repeatElement(first, count: indices.count))
        output.withUnsafeMutableBufferPointer { out in
            source.withUnsafeBufferPointer { entries in
                indices.withUnsafeBufferPointer { positions in
                    for offset in 0..<positions.count { out[base + offset] = entries[Int(positions[offset])] }
                }
            }
        }
    }

    private mutating func appendDictionaryBytes(_ indices: [Int32]) {
        for index in indices {
            values.byteArrays.append(dictionary.byteArrays.bytes[dictionary.byteArrays.range(at: Int(index))])
        }
    }

    /// Turns indexed byte-array values into plain ones (a non-dictionary page follows: fallback).
    private mutating func materializeIndices() throws(GlueError) {
        guard values.isIndexed else { return }
        let indices = values.indices
        values.indices = []
        values.isIndexed = false
        appendDictionaryBytes(indices)
    }

    // MARK: Assembly

    private func makeColumn() throws(GlueError) -> Column {
        guard rowsDecoded == rowCount else { throw invalidData("the chunk holds \(rowsDecoded) values; the row group has \(rowCount) rows") }
        let valid: [Int32]? = descriptor.isOptional && nonNullDecoded < rowCount ? levels : nil
        if !descriptor.isOptional || valid == nil {
            guard nonNullDecoded == rowCount else { throw invalidData("a REQUIRED column holds \(nonNullDecoded) values for \(rowCount) rows") }
        }
        var validity: ValidityBitmap?
        if let valid {
            var bitmap = ValidityBitmap(count: rowCount, allValid: true)
            for (row, level) in valid.enumerated() where level == 0 { bitmap.set(false, at: row) }
            validity = bitmap
        }
        let storage = try ValueConversion.storage(
            descriptor: descriptor, values: values, dictionary: dictionary, levels: valid, rowCount: rowCount)
        return Column(descriptor.dataType, storage: storage, validity: validity)
    }
}
