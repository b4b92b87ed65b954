import GlueColumnar
import GlueCore

/// Deterministic batches covering every type the writer supports.
enum SampleBatches {
    static let schema = Schema([
        Field("id", .bigint, isNullable: false),
        Field("flag", .boolean),
        Field("tiny", .tinyint),
        Field("small", .smallint),
        Field("num", .int),
        Field("real", .float),
        Field("dbl", .double),
        Field("dec9", .decimal(precision: 9, scale: 2)),
        Field("dec18", .decimal(precision: 18, scale: 0)),
        Field("dec38", .decimal(precision: 38, scale: 10)),
        Field("text", .string),
        Field("country", .string),
        Field("blob", .binary),
        Field("day", .date),
        Field("ts", .timestamp),
        Field("ts_ntz", .timestampNTZ),
    ])

    static let words = ["", "a", "é", "日本語", "\u{1F600}", "zz", "Ω", "ÿ", "A", "ab\u{0}c", "München", "naïve"]
    static let countries = ["United States", "Germany", "France", "Japan", "Brazil", "Ísland", "Österreich", "Česko"]

    /// `count` rows starting at `start`; every nullable column has a null every 7th row (offset per column).
    static func batch(start: Int, count: Int) -> RecordBatch {
        let rows = start..<(start + count)
        func validity(_ column: Int) -> ValidityBitmap { ValidityBitmap(rows.map { ($0 + column) % 7 != 0 }) }
        var text = VariableWidthBuffer()
        var blob = VariableWidthBuffer()
        for row in rows {
            text.append(Array(words[row % words.count].utf8) + Array(String(row % 13).utf8))
            blob.append([UInt8(truncatingIfNeeded: row), 0, 0xFF, UInt8(truncatingIfNeeded: row >> 8)])
        }
        var countryValues = VariableWidthBuffer()
        for name in countries { countryValues.append(Array(name.utf8)) }
        let doubles: [Double] = rows.map { row in
            switch row % 50 {
            case 3: .nan
            case 4: -0.0
            case 5: 0.0
            case 6: .infinity
            default: Double(row) * 1.25 - 300
            }
        }
        let columns: [Column] = [
            Column(.bigint, storage: .int64(rows.map { Int64($0) })),
            Column(.boolean, storage: .boolean(rows.map { $0 % 3 == 0 }), validity: validity(1)),
            Column(.tinyint, storage: .int8(rows.map { Int8(truncatingIfNeeded: $0) }), validity: validity(2)),
            Column(.smallint, storage: .int16(rows.map { Int16(truncatingIfNeeded: $0 * 37) }), validity: validity(3)),
            Column(.int, storage: .int32(rows.map { Int32($0 * 7 - 3000) }), validity: validity(4)),
            Column(.float, storage: .float32(rows.map { $0 % 40 == 1 ? .nan : Float($0) * 0.25 }), validity: validity(5)),
            Column(.double, storage: .float64(doubles), validity: validity(6)),
            Column(.decimal(precision: 9, scale: 2), storage: .int128(rows.map { Int128($0 * 12_345 - 999_999_9) }), validity: validity(0)),
            Column(.decimal(precision: 18, scale: 0), storage: .int128(rows.map { Int128($0) * 999_999_999_999 - 5 }), validity: validity(1)),
            Column(
                .decimal(precision: 38, scale: 10),
                storage: .int128(rows.map { row in row % 11 == 0 ? -Int128.power(10, 37) + 1 : Int128(row) * 10_000_000_000_001 }), validity: validity(2)),
            Column(.string, storage: .bytes(text), validity: validity(3)),
            Column(.string, storage: .dictionary(indices: rows.map { Int32(($0 * 5) % countries.count) }, values: countryValues), validity: validity(4)),
            Column(.binary, storage: .bytes(blob), validity: validity(5)),
            Column(.date, storage: .int32(rows.map { Int32($0 * 3 - 800) }), validity: validity(6)),
            Column(.timestamp, storage: .int64(rows.map { Int64($0) * 3_600_000_123 - 86_400_000_000 }), validity: validity(0)),
            Column(.timestampNTZ, storage: .int64(rows.map { $0 % 97 == 0 ? 253_402_300_799_999_999 : Int64($0) * 1_000_001 }), validity: validity(1)),
        ]
        // The schema above and these columns are built together, so this cannot fail.
        return (try? RecordBatch(schema: schema, columns: columns)) ?? RecordBatch.empty(schema)
    }
}

extension Int128 {
    static func power(_ base: Int128, _ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= base }
        return result
    }
}
