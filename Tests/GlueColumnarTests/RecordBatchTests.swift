import GlueColumnar
import GlueCore
import Testing

@Suite struct RecordBatchTests {
    func sample() throws -> RecordBatch {
        try RecordBatch([
            "id": Column(int64: [1, 2, nil, 4]),
            "name": Column(strings: ["Ada", nil, "Zoë", ""]),
            "score": Column(float64: [1.5, 2, nil, 1e7]),
        ])
    }

    @Test("Pretty printing shows nulls, empty strings and non-ASCII text aligned")
    func prettyPrint() throws {
        let batch = try sample()
        #expect(batch.prettyPrinted() == """
            +------+------+-------+
            | id   | name | score |
            +------+------+-------+
            | 1    | Ada  | 1.5   |
            | 2    | NULL | 2.0   |
            | NULL | Zoë  | NULL  |
            | 4    |      | 1.0E7 |
            +------+------+-------+
            """)
    }

    @Test("An empty batch prints its header")
    func emptyBatch() throws {
        let batch = RecordBatch.empty(try Schema(parsing: "a int, b string"))
        #expect(batch.rowCount == 0)
        #expect(batch.prettyPrinted() == "+---+---+\n| a | b |\n+---+---+\n+---+---+")
    }

    @Test("Filter keeps rows where the mask is true; null in the mask drops the row")
    func filter() throws {
        let batch = try sample()
        let filtered = batch.filter(Column(boolean: [true, nil, true, false]))
        #expect(filtered.rowCount == 2)
        #expect(filtered.columns[0].values == [.integer(1), .null])
        #expect(filtered.columns[1].values == [.string("Ada"), .string("Zoë")])
        #expect(batch.filter(Column(boolean: [false, false, false, false])).rowCount == 0)
        #expect(batch.filter(Column(boolean: [true, true, true, true])).rowCount == 4)
    }

    @Test("Take gathers rows in any order, with repeats")
    func take() throws {
        let taken = try sample().take([3, 0, 0, 2])
        #expect(taken.columns[0].values == [.integer(4), .integer(1), .integer(1), .null])
        #expect(taken.columns[1].values == [.string(""), .string("Ada"), .string("Ada"), .string("Zoë")])
        #expect(taken.columns[0].nullCount == 1)
    }

    @Test("Concatenation joins batches and keeps nulls in place")
    func concatenate() throws {
        let batch = try sample()
        let joined = try RecordBatch.concatenate([batch, batch.slice(0..<2), RecordBatch.empty(batch.schema)])
        #expect(joined.rowCount == 6)
        #expect(joined.columns[1].values.suffix(2) == [.string("Ada"), .null])
        #expect(throws: GlueError.self) { try RecordBatch.concatenate([]) }
        #expect(throws: GlueError.self) { try Column.concatenate([Column(int64: [1]), Column(strings: ["a"])]) }
    }

    @Test("Batches reject columns that do not fit the schema")
    func validation() throws {
        #expect(throws: GlueError.self) {
            try RecordBatch(schema: Schema([Field("a", .int)]), columns: [Column(int64: [1])])
        }
        #expect(throws: GlueError.self) {
            try RecordBatch(["a": Column(int64: [1, 2]), "b": Column(int64: [1])])
        }
        #expect(throws: GlueError.self) {
            try RecordBatch(schema: Schema([Field("a", .bigint)]), columns: [])
        }
    }

    @Test("Projection and lookup by name")
    func projection() throws {
        let batch = try sample()
        let projected = batch.project([2, 0])
        #expect(projected.schema.names == ["score", "id"])
        #expect(batch.column(named: "NAME")?.dataType == .string)
        #expect(batch.column(named: "missing") == nil)
    }
}

@Suite struct ColumnBuilderTests {
    @Test("Every type builds from values and reads back the same values", arguments: [
        ("boolean", [Value.boolean(true), .null, .boolean(false)]),
        ("tinyint", [.integer(-128), .integer(127), .null]),
        ("smallint", [.integer(-32768), .null]),
        ("int", [.integer(Int64(Int32.max)), .integer(Int64(Int32.min))]),
        ("bigint", [.integer(.max), .integer(.min), .null]),
        ("float", [.float(1.5), .float(.infinity), .null]),
        ("double", [.double(-0.0), .double(.greatestFiniteMagnitude), .null]),
        ("decimal(38,2)", [.decimal(unscaled: 99_999_999_999_999_999_999_999_999_999_999_999_99, scale: 2), .null]),
        ("string", [.string("Grüße, 世界"), .string(""), .null]),
        ("binary", [.binary([0, 255]), .binary([]), .null]),
        ("date", [.date(days: -719_162), .date(days: 0), .null]),
        ("timestamp", [.timestamp(microseconds: -1), .timestamp(microseconds: 1_700_000_000_000_000), .null]),
        ("array<int>", [.array([.integer(1), .null]), .array([]), .null]),
        ("map<string,bigint>", [.map(keys: [.string("a")], values: [.integer(1)]), .null]),
        ("struct<a:int,b:string>", [.structure([.integer(1), .string("x")]), .structure([.null, .null]), .null]),
        ("choice<int,string>", [.integer(123), .string("abc"), .null]),
    ])
    func roundTrip(typeString: String, values: [Value]) throws {
        let type = try DataType(parsing: typeString)
        let column = try Column(type, values: values)
        #expect(column.count == values.count)
        #expect(column.values == values)
        #expect(column.nullCount == values.filter(\.isNull).count)
    }

    @Test("Values that do not fit the type are rejected", arguments: [
        ("tinyint", Value.integer(128)), ("int", .string("1")), ("decimal(3,1)", .decimal(unscaled: 1000, scale: 1)),
        ("decimal(5,1)", .decimal(unscaled: 105, scale: 2)), ("boolean", .integer(1)), ("map<string,int>", .map(keys: [.null], values: [.integer(1)])),
    ])
    func mismatch(typeString: String, value: Value) throws {
        let type = try DataType(parsing: typeString)
        var builder = ColumnBuilder(type)
        #expect(throws: GlueError.self) { try builder.append(value) }
    }

    @Test("Typed builders create the bitmap only when a null arrives")
    func typedBuilders() {
        var ints = FixedWidthColumnBuilder<Int64>(.bigint)
        ints.append(1)
        ints.append(2)
        let noNulls = ints.finish()
        #expect(noNulls.validity == nil)
        ints.append(1)
        ints.appendNull()
        ints.append(3)
        let withNull = ints.finish()
        #expect(withNull.values == [.integer(1), .null, .integer(3)])
        var strings = VariableWidthColumnBuilder(.string)
        strings.appendNull()
        strings.append("x")
        #expect(strings.finish().values == [.null, .string("x")])
    }

    @Test("Validity bitmaps at every offset across word boundaries")
    func bitmapOffsets() {
        for count in [0, 1, 63, 64, 65, 127, 128, 129] {
            var bitmap = ValidityBitmap(count: 0, allValid: true)
            for index in 0..<count { bitmap.append(index % 3 != 0) }
            #expect(bitmap.count == count)
            #expect(bitmap.nullCount == (0..<count).filter { $0 % 3 == 0 }.count)
            for index in 0..<count { #expect(bitmap.isValid(at: index) == (index % 3 != 0)) }
            let full = ValidityBitmap(count: count, allValid: true)
            #expect(full.nullCount == 0)
            #expect(full.intersection(bitmap) == bitmap)
        }
    }
}

@Suite struct FormattingTests {
    @Test("Civil dates round-trip through day counts, before 1970 and in leap years")
    func civilDates() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.isValid)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
        #expect(TemporalFormat.date(daysSinceEpoch: -719_162) == "0001-01-01")
    }

    @Test("Timestamps print like Spark, with trimmed fractions and negative instants")
    func timestamps() {
        #expect(TemporalFormat.timestamp(microseconds: 0) == "1970-01-01 00:00:00")
        #expect(TemporalFormat.timestamp(microseconds: -1) == "1969-12-31 23:59:59.999999")
        #expect(TemporalFormat.timestamp(microseconds: 1_500_000) == "1970-01-01 00:00:01.5")
        #expect(TemporalFormat.timestamp(microseconds: 1_700_000_000_123_000, separator: "T") == "2023-11-14T22:13:20.123")
    }

    @Test("Floating point prints as Java's toString", arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (100.0, "100.0"), (1e7, "1.0E7"), (1.2345e-5, "1.2345E-5"), (0.001, "0.001"),
        (9999999.0, "9999999.0"), (-2.5, "-2.5"), (0.0, "0.0"), (-0.0, "-0.0"), (1e300, "1.0E300"), (123456.789, "123456.789"),
        (Double.nan, "NaN"), (-Double.infinity, "-Infinity"), (0.00099, "9.9E-4"),
    ])
    func javaDoubles(value: Double, expected: String) {
        #expect(NumberFormat.javaString(value) == expected)
    }

    @Test("Decimals print with exactly their scale")
    func decimals() {
        #expect(Decimal128.format(1234, scale: 2) == "12.34")
        #expect(Decimal128.format(-5, scale: 3) == "-0.005")
        #expect(Decimal128.format(0, scale: 2) == "0.00")
        #expect(Decimal128.format(42, scale: 0) == "42")
        #expect(Decimal128.rescale(1234, from: 2, to: 4) == 123_400)
        #expect(Decimal128.rescale(1234, from: 2, to: 1) == nil)
        #expect(Decimal128.rescaleRounding(1235, from: 2, to: 1) == 124)
        #expect(Decimal128.rescaleRounding(-1235, from: 2, to: 1) == -124)
    }
}
