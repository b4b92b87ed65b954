import GlueCore

/// The header before every page of a column chunk (`PageHeader`).
public struct PageHeader: Hashable, Sendable {
    /// The page kind.
    public var type: PageType
    /// The page body's size after decompression (v2: levels plus decompressed values).
    public var uncompressedPageSize: Int32
    /// The page body's size on disk.
    public var compressedPageSize: Int32
    /// CRC-32 of the on-disk body, when written.
    public var crc: Int32?
    /// The header of a v1 data page.
    public var dataPageHeader: DataPage?
    /// The header of a dictionary page.
    public var dictionaryPageHeader: DictionaryPage?
    /// The header of a v2 data page.
    public var dataPageHeaderV2: DataPageV2?

    /// Creates a page header.
    public init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
    }

    /// A v1 data page header (`DataPageHeader`).
    public struct DataPage: Hashable, Sendable {
        /// The number of values, nulls included.
        public var numValues: Int32
        /// The values' encoding.
        public var encoding: ParquetEncoding
        /// The declared definition-level encoding.
        public var definitionLevelEncoding: ParquetEncoding
        /// The declared repetition-level encoding.
        public var repetitionLevelEncoding: ParquetEncoding
        /// Legacy page statistics.
        public var statistics: Statistics?
    }

    /// A dictionary page header (`DictionaryPageHeader`).
    public struct DictionaryPage: Hashable, Sendable {
        /// The number of dictionary entries.
        public var numValues: Int32
        /// PLAIN or PLAIN_DICTIONARY (both mean PLAIN entries).
        public var encoding: ParquetEncoding
        /// Whether the entries are sorted.
        public var isSorted: Bool?
    }

    /// A v2 data page header (`DataPageHeaderV2`).
    public struct DataPageV2: Hashable, Sendable {
        /// The number of values, nulls included.
        public var numValues: Int32
        /// The number of nulls.
        public var numNulls: Int32
        /// The number of rows.
        public var numRows: Int32
        /// The values' encoding.
        public var encoding: ParquetEncoding
        /// The byte length of the (never compressed) definition levels.
        public var definitionLevelsByteLength: Int32
        /// The byte length of the (never compressed) repetition levels.
        public var repetitionLevelsByteLength: Int32
        /// Whether the values section is compressed (true when absent).
        public var isCompressed: Bool
    }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var type: PageType?
        var uncompressed: Int32?
        var compressed: Int32?
        var crc: Int32?
        var dataPage: DataPage?
        var dictionaryPage: DictionaryPage?
        var dataPageV2: DataPageV2?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, _): type = PageType(rawValue: try reader.readI32(field.type))
            case (2, _): uncompressed = try reader.readI32(field.type)
            case (3, _): compressed = try reader.readI32(field.type)
            case (4, _): crc = try reader.readI32(field.type)
            case (5, .struct):
                var inner: Int16 = 0
                var numValues: Int32?
                var encoding: ParquetEncoding?
                var definition = ParquetEncoding.rle
                var repetition = ParquetEncoding.rle
                var statistics: Statistics?
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1: numValues = try reader.readI32(f.type)
                    case 2: encoding = ParquetEncoding(rawValue: try reader.readI32(f.type))
                    case 3: definition = ParquetEncoding(rawValue: try reader.readI32(f.type))
                    case 4: repetition = ParquetEncoding(rawValue: try reader.readI32(f.type))
                    case 5 where f.type == .struct: statistics = try Statistics(from: &reader)
                    default: try reader.skip(f.type)
                    }
                }
                guard let numValues, let encoding else { throw reader.corrupt("a data page header lacks num_values or encoding") }
                dataPage = DataPage(
                    numValues: numValues, encoding: encoding, definitionLevelEncoding: definition,
                    repetitionLevelEncoding: repetition, statistics: statistics)
            case (7, .struct):
                var inner: Int16 = 0
                var numValues: Int32?
                var encoding = ParquetEncoding.plain
                var sorted: Bool?
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1: numValues = try reader.readI32(f.type)
                    case 2: encoding = ParquetEncoding(rawValue: try reader.readI32(f.type))
                    case 3: sorted = try reader.readBool(f.type)
                    default: try reader.skip(f.type)
                    }
                }
                guard let numValues else { throw reader.corrupt("a dictionary page header lacks num_values") }
                dictionaryPage = DictionaryPage(numValues: numValues, encoding: encoding, isSorted: sorted)
            case (8, .struct):
                var inner: Int16 = 0
                var values: [Int16: Int32] = [:]
                var isCompressed = true
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1...6: values[f.id] = try reader.readI32(f.type)
                    case 7: isCompressed = try reader.readBool(f.type)
                    default: try reader.skip(f.type)
                    }
                }
                guard let numValues = values[1], let numNulls = values[2], let numRows = values[3], let encoding = values[4],
                    let definitionLength = values[5], let repetitionLength = values[6]
                else { throw reader.corrupt("a v2 data page header lacks a required field") }
                dataPageV2 = DataPageV2(
                    numValues: numValues, numNulls: numNulls, numRows: numRows, encoding: ParquetEncoding(rawValue: encoding),
                    definitionLevelsByteLength: definitionLength, repetitionLevelsByteLength: repetitionLength,
                    isCompressed: isCompressed)
            default: try reader.skip(field.type)
            }
        }
        guard let type, let uncompressed, let compressed else { throw reader.corrupt("a page header lacks its type or sizes") }
        guard uncompressed >= 0, compressed >= 0 else { throw reader.corrupt("a page header has a negative size") }
        self.init(type: type, uncompressedPageSize: uncompressed, compressedPageSize: compressed)
        self.crc = crc
        self.dataPageHeader = dataPage
        self.dictionaryPageHeader = dictionaryPage
        self.dataPageHeaderV2 = dataPageV2
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.writeI32(1, type.rawValue)
        writer.writeI32(2, uncompressedPageSize)
        writer.writeI32(3, compressedPageSize)
        if let crc { writer.writeI32(4, crc) }
        if let page = dataPageHeader {
            writer.beginStruct(5)
            writer.writeI32(1, page.numValues)
            writer.writeI32(2, page.encoding.rawValue)
            writer.writeI32(3, page.definitionLevelEncoding.rawValue)
            writer.writeI32(4, page.repetitionLevelEncoding.rawValue)
            page.statistics?.write(5, to: &writer)
            writer.endStruct()
        }
        if let page = dictionaryPageHeader {
            writer.beginStruct(7)
            writer.writeI32(1, page.numValues)
            writer.writeI32(2, page.encoding.rawValue)
            if let sorted = page.isSorted { writer.writeBool(3, sorted) }
            writer.endStruct()
        }
        writer.endStruct()
    }
}
