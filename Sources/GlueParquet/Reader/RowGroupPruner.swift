import GlueColumnar
import GlueCore

/// Decides from column-chunk statistics whether a row group may hold rows matching a predicate
/// (parquet-lite §2.7): only provable non-matches are skipped.
struct RowGroupPruner {
    let columns: [ParquetColumnDescriptor]
    let columnOrders: [Int16]?
    /// Whether byte-array statistics are trustworthy (not parquet-mr before 1.8.0, PARQUET-251).
    let trustsByteArrayStatistics: Bool

    init(columns: [ParquetColumnDescriptor], metadata: FileMetaData) {
        self.columns = columns
        self.columnOrders = metadata.columnOrders
        self.trustsByteArrayStatistics = Self.trustsByteArrayStatistics(createdBy: metadata.createdBy)
    }

    /// Whether the row group may hold a matching row.
    func mayMatch(_ predicate: ParquetPredicate, in group: RowGroup) -> Bool {
        switch predicate {
        case .and(let parts): return parts.allSatisfy { mayMatch($0, in: group) }
        case .or(let parts): return parts.isEmpty || parts.contains { mayMatch($0, in: group) }
        case .isNull(let name):
            guard let (_, meta) = chunk(name, group), let nulls = meta.statistics?.nullCount else { return true }
            return nulls > 0
        case .isNotNull(let name):
            guard let (_, meta) = chunk(name, group), let nulls = meta.statistics?.nullCount else { return true }
            return nulls < meta.numValues
        case .in(let name, let literals):
            return literals.contains { mayMatch(.compare(column: name, .equal, $0), in: group) }
        case .compare(let name, let comparison, let literal):
            guard let (index, meta) = chunk(name, group), let statistics = meta.statistics else { return true }
            if let nulls = statistics.nullCount, nulls == meta.numValues, meta.numValues > 0 { return false }  // all null: no comparison holds
            let descriptor = columns[index]
            guard let bounds = self.bounds(descriptor, index, statistics), let value = StatisticValue(literal: literal, descriptor: descriptor) else {
                return true
            }
            guard let lowVsValue = bounds.min.compare(value), let highVsValue = bounds.max.compare(value) else { return true }
            switch comparison {
            case .equal: return lowVsValue <= 0 && highVsValue >= 0
            case .notEqual: return !(lowVsValue == 0 && highVsValue == 0)
            case .lessThan: return lowVsValue < 0
            case .lessThanOrEqual: return lowVsValue <= 0
            case .greaterThan: return highVsValue > 0
            case .greaterThanOrEqual: return highVsValue >= 0
            }
        }
    }

    private func chunk(_ name: String, _ group: RowGroup) -> (Int, ColumnMetaData)? {
        guard let index = columns.firstIndex(where: { $0.name == name }) ?? columns.firstIndex(where: { $0.name.lowercased() == name.lowercased() }),
            index < group.columns.count, let meta = group.columns[index].metaData
        else { return nil }
        return (index, meta)
    }

    /// The chunk's min and max in the column's order, when they can be trusted.
    private func bounds(_ descriptor: ParquetColumnDescriptor, _ index: Int, _ statistics: Statistics) -> (min: StatisticValue, max: StatisticValue)? {
        let isByteOrdered: Bool
        switch descriptor.conversion {
        case .int96, .float16, .boolean: return nil
        case .bytes, .decimalBytes: isByteOrdered = true
        default: isByteOrdered = false
        }
        if let orders = columnOrders, index < orders.count, orders[index] != 1 { return nil }
        var low = statistics.minValue
        var high = statistics.maxValue
        if isByteOrdered {
            guard trustsByteArrayStatistics else { return nil }
        } else if low == nil || high == nil {
            // Deprecated fields are signed-order, which is right for these types.
            low = statistics.min
            high = statistics.max
        }
        guard let low, let high, let min = StatisticValue(statistic: low, descriptor: descriptor),
            let max = StatisticValue(statistic: high, descriptor: descriptor)
        else { return nil }
        return (min, max)
    }

    static func trustsByteArrayStatistics(createdBy: String?) -> Bool {
        guard let createdBy, createdBy.hasPrefix("parquet-mr") else { return true }
        // "parquet-mr version 1.8.0 (build ...)": trust 1.8.0 and later only.
        let words = createdBy.split(separator: " ")
        guard words.count >= 3, words[1] == "version" else { return false }
        let parts = words[2].split(separator: ".").compactMap { Int($0.prefix { $0.isNumber }) }
        guard parts.count >= 2 else { return false }
        return parts[0] > 1 || (parts[0] == 1 && parts[1] >= 8)
    }
}

/// A statistic or literal in a column's sort order.
enum StatisticValue {
    case integer(Int128)
    case floating(Double)
    case bytes([UInt8])

    /// -1, 0 or 1 comparing `self` with `other`; `nil` when they are not comparable.
    func compare(_ other: StatisticValue) -> Int? {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.floating(let a), .floating(let b)):
            guard !a.isNaN, !b.isNaN else { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.bytes(let a), .bytes(let b)):
            for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
            return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
        default: return nil
        }
    }

    /// Decodes a PLAIN statistic of the column.
    init?(statistic bytes: [UInt8], descriptor: ParquetColumnDescriptor) {
        func int32() -> Int32? { bytes.count == 4 ? bytes.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) } : nil }
        func int64() -> Int64? { bytes.count == 8 ? bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) } : nil }
        switch descriptor.conversion {
        case .int32, .int8, .int16, .decimalInt32:
            guard let v = int32() else { return nil }
            self = .integer(Int128(v))
        case .uint8, .uint16, .uint32:
            guard let v = int32() else { return nil }
            self = .integer(Int128(UInt32(bitPattern: v)))
        case .int64, .decimalInt64, .timestamp(.micros):
            guard let v = int64() else { return nil }
            self = .integer(Int128(v))
        case .uint64:
            guard let v = int64() else { return nil }
            self = .integer(Int128(UInt64(bitPattern: v)))
        case .timestamp(.millis):
            guard let v = int64() else { return nil }
            self = .integer(Int128(v) * 1000)
        case .timestamp(.nanos):
            guard let v = int64() else { return nil }
            self = .integer(Int128(ValueConversion.floorDivide(v, 1000)))
        case .float:
            guard let v = int32() else { return nil }
            self = .floating(Double(Float(bitPattern: UInt32(bitPattern: v))))
        case .double:
            guard let v = int64() else { return nil }
            self = .floating(Double(bitPattern: UInt64(bitPattern: v)))
        case .decimalBytes:
            guard let v = try? ValueConversion.bigEndianDecimal(bytes[...], column: descriptor.name) else { return nil }
            self = .integer(v)
        case .bytes:
            self = .bytes(bytes)
        case .boolean, .int96, .float16:
            return nil
        }
        if case .floating(let v) = self, v.isNaN { return nil }
    }

    /// Converts a literal into the column's terms; `nil` when it cannot be compared exactly.
    init?(literal: Value, descriptor: ParquetColumnDescriptor) {
        let scale: Int
        if case .decimal(_, let s) = descriptor.dataType { scale = s } else { scale = 0 }
        switch (literal, descriptor.conversion) {
        case (.integer(let v), .float), (.integer(let v), .double):
            self = .floating(Double(v))
        case (.integer(let v), _) where scale == 0 && descriptor.conversion != .bytes && descriptor.conversion != .decimalBytes || descriptor.dataType == .decimal(precision: 20, scale: 0):
            self = .integer(Int128(v))
        case (.integer(let v), .decimalInt32), (.integer(let v), .decimalInt64), (.integer(let v), .decimalBytes):
            guard let scaled = Decimal128.rescale(Int128(v), from: 0, to: scale) else { return nil }
            self = .integer(scaled)
        case (.decimal(let unscaled, let s), .decimalInt32), (.decimal(let unscaled, let s), .decimalInt64),
            (.decimal(let unscaled, let s), .decimalBytes), (.decimal(let unscaled, let s), .uint64):
            guard let scaled = Decimal128.rescale(unscaled, from: s, to: scale) else { return nil }
            self = .integer(scaled)
        case (.double(let v), .float), (.double(let v), .double):
            self = .floating(v)
        case (.float(let v), .float), (.float(let v), .double):
            self = .floating(Double(v))
        case (.date(let days), .int32) where descriptor.dataType == .date:
            self = .integer(Int128(days))
        case (.timestamp(let micros), .timestamp), (.timestamp(let micros), .int64):
            self = .integer(Int128(micros))
        case (.string(let text), .bytes):
            self = .bytes(Array(text.utf8))
        case (.binary(let bytes), .bytes):
            self = .bytes(bytes)
        default:
            return nil
        }
        if case .floating(let v) = self, v.isNaN { return nil }
    }
}
