import GlueColumnar
import GlueCore
import Testing

/// Casts boxed values and returns boxed results, for compact expectations.
func cast(_ type: DataType, _ values: [Value], to target: DataType) throws -> [Value] {
    try Column(type, values: values).cast(to: target).values
}

func strings(_ texts: [String?]) -> [Value] { texts.map { $0.map(Value.string) ?? .null } }

@Suite struct CastMatrixTests {
    static let primitives: [DataType] = [
        .boolean, .tinyint, .smallint, .int, .bigint, .float, .double, .decimal(precision: 10, scale: 2),
        .decimal(precision: 38, scale: 18), .string, .char(5), .varchar(10), .binary, .date, .timestamp, .timestampNTZ,
    ]

    /// A few values of each type, with a null and the type's extremes.
    static func sample(_ type: DataType) throws -> Column {
        let values: [Value]
        switch type {
        case .boolean: values = [.boolean(true), .null, .boolean(false)]
        case .tinyint: values = [.integer(-128), .null, .integer(127), .integer(0)]
        case .smallint: values = [.integer(-32_768), .null, .integer(32_767)]
        case .int: values = [.integer(Int64(Int32.min)), .null, .integer(Int64(Int32.max)), .integer(7)]
        case .bigint: values = [.integer(.min), .null, .integer(.max), .integer(-1)]
        case .float: values = [.float(.nan), .null, .float(-.infinity), .float(1.5), .float(-0.0)]
        case .double: values = [.double(.nan), .null, .double(.infinity), .double(-2.5e300), .double(1e-9)]
        case .decimal(_, let scale): values = [.decimal(unscaled: -99_999_999, scale: scale), .null, .decimal(unscaled: 12_345, scale: scale)]
        case .string, .char, .varchar: values = strings(["12", nil, "abc", " 2024-02-29 10:00:00 ", "true", ""])
        case .binary: values = [.binary([0, 255]), .null, .binary([])]
        case .date: values = [.date(days: -719_162), .null, .date(days: 19_782)]
        case .timestamp, .timestampNTZ: values = [.timestamp(microseconds: -62_135_596_800_000_000), .null, .timestamp(microseconds: 1_709_211_909_123_456)]
        default: values = []
        }
        return try Column(type, values: values)
    }

    @Test("Every allowed pair of primitive types casts without trapping and keeps nulls null", arguments: primitives)
    func everyPair(source: DataType) throws {
        let column = try Self.sample(source)
        for target in Self.primitives {
            if Cast.canCast(from: source, to: target) {
                let result = try column.cast(to: target)
                #expect(result.dataType == target)
                #expect(result.count == column.count)
                #expect(result.isNull(at: 1), "\(source) -> \(target) must keep the null")
                // An empty column casts to an empty column.
                let empty = try column.slice(0..<0).cast(to: target)
                #expect(empty.count == 0)
            } else {
                #expect(throws: GlueError.self) { try column.cast(to: target) }
            }
        }
    }

    @Test("Spark's table of allowed casts")
    func allowedPairs() {
        #expect(Cast.canCast(from: .binary, to: .string))
        #expect(!Cast.canCast(from: .binary, to: .int))
        #expect(Cast.canCast(from: .int, to: .binary))
        #expect(!Cast.canCast(from: .double, to: .binary))
        #expect(Cast.canCast(from: .date, to: .boolean))
        #expect(!Cast.canCast(from: .boolean, to: .date))
        #expect(!Cast.canCast(from: .int, to: .date))
        #expect(Cast.canCast(from: .int, to: .timestamp))
        #expect(!Cast.canCast(from: .int, to: .timestampNTZ))
        #expect(!Cast.canCast(from: .timestampNTZ, to: .bigint))
        #expect(Cast.canCast(from: .array(.int), to: .array(.string)))
        #expect(!Cast.canCast(from: .array(.binary), to: .array(.int)))
        #expect(Cast.canCast(from: .struct([Field("a", .int)]), to: .string))
    }
}

@Suite struct CastNumericTests {
    @Test("Integer narrowing wraps, as Java's primitive conversions do")
    func narrowingWraps() throws {
        #expect(try cast(.int, [.integer(300), .integer(-129), .integer(65_537)], to: .tinyint) == [.integer(44), .integer(127), .integer(1)])
        #expect(try cast(.bigint, [.integer(4_294_967_297)], to: .int) == [.integer(1)])
        #expect(try cast(.bigint, [.integer(40_000)], to: .smallint) == [.integer(-25_536)])
        #expect(try cast(.tinyint, [.integer(-5)], to: .bigint) == [.integer(-5)])
    }

    @Test("Floating point to integers truncates, saturates, and NaN is 0")
    func fractionalToIntegral() throws {
        #expect(try cast(.double, [.double(1.9), .double(-1.9), .double(1e20), .double(-1e20), .double(.nan)], to: .bigint)
            == [.integer(1), .integer(-1), .integer(.max), .integer(.min), .integer(0)])
        #expect(try cast(.double, [.double(3e9), .double(.infinity)], to: .int) == [.integer(Int64(Int32.max)), .integer(Int64(Int32.max))])
        // tinyint goes through int: 300.7 -> 300 -> 44.
        #expect(try cast(.double, [.double(300.7), .double(1e10)], to: .tinyint) == [.integer(44), .integer(-1)])
        #expect(try cast(.float, [.float(2.5)], to: .smallint) == [.integer(2)])
    }

    @Test("Decimals to integers truncate toward zero and wrap")
    func decimalToIntegral() throws {
        let type = DataType.decimal(precision: 20, scale: 2)
        #expect(try cast(type, [.decimal(unscaled: 199, scale: 2), .decimal(unscaled: -199, scale: 2)], to: .int) == [.integer(1), .integer(-1)])
        #expect(try cast(type, [.decimal(unscaled: 30_000, scale: 2)], to: .tinyint) == [.integer(44)])
        #expect(try cast(.decimal(precision: 38, scale: 0), [.decimal(unscaled: Int128(Int64.max) + 1, scale: 0)], to: .bigint) == [.integer(.min)])
    }

    @Test("Decimal rounding is HALF_UP; precision overflow is null")
    func decimalRounding() throws {
        let source = DataType.decimal(precision: 10, scale: 3)
        #expect(try cast(source, [.decimal(unscaled: 2_345, scale: 3), .decimal(unscaled: -2_345, scale: 3), .decimal(unscaled: 2_344, scale: 3)],
            to: .decimal(precision: 5, scale: 2))
            == [.decimal(unscaled: 235, scale: 2), .decimal(unscaled: -235, scale: 2), .decimal(unscaled: 234, scale: 2)])
        #expect(try cast(source, [.decimal(unscaled: 999_999, scale: 3)], to: .decimal(precision: 4, scale: 2)) == [.null])
        #expect(try cast(.bigint, [.integer(12_345), .integer(123_456)], to: .decimal(precision: 7, scale: 2))
            == [.decimal(unscaled: 1_234_500, scale: 2), .null])
        #expect(try cast(.bigint, [.integer(.max)], to: .decimal(precision: 38, scale: 20)) == [.null])
        #expect(try cast(.boolean, [.boolean(true)], to: .decimal(precision: 1, scale: 1)) == [.null])
        #expect(try cast(.boolean, [.boolean(true)], to: .decimal(precision: 3, scale: 2)) == [.decimal(unscaled: 100, scale: 2)])
    }

    @Test("Doubles become decimals through their shortest text; NaN and infinity are null")
    func doubleToDecimal() throws {
        #expect(try cast(.double, [.double(0.1), .double(2.675), .double(-2.675), .double(.nan), .double(.infinity), .double(1e-20)],
            to: .decimal(precision: 5, scale: 2))
            == [.decimal(unscaled: 10, scale: 2), .decimal(unscaled: 268, scale: 2), .decimal(unscaled: -268, scale: 2), .null, .null,
                .decimal(unscaled: 0, scale: 2)])
        #expect(try cast(.float, [.float(0.1)], to: .decimal(precision: 20, scale: 18)) == [.decimal(unscaled: 100_000_001_490_116_120, scale: 18)])
        #expect(try cast(.double, [.double(1e10)], to: .decimal(precision: 5, scale: 2)) == [.null])
    }

    @Test("Decimals to floating point round to nearest")
    func decimalToFractional() throws {
        #expect(try cast(.decimal(precision: 10, scale: 2), [.decimal(unscaled: 1_234, scale: 2)], to: .double) == [.double(12.34)])
        #expect(try cast(.decimal(precision: 38, scale: 10), [.decimal(unscaled: Int128(10).power(30) + 1, scale: 10)], to: .double) == [.double(1e20)])
        #expect(try cast(.decimal(precision: 38, scale: 30), [.decimal(unscaled: 1, scale: 30)], to: .double) == [.double(1e-30)])
        #expect(try cast(.decimal(precision: 10, scale: 2), [.decimal(unscaled: 1_234, scale: 2)], to: .float) == [.float(12.34)])
    }

    @Test("Numbers to booleans: non-zero is true, NaN too")
    func toBoolean() throws {
        #expect(try cast(.int, [.integer(0), .integer(-3)], to: .boolean) == [.boolean(false), .boolean(true)])
        #expect(try cast(.double, [.double(0), .double(-0.0), .double(.nan)], to: .boolean) == [.boolean(false), .boolean(false), .boolean(true)])
        #expect(try cast(.decimal(precision: 5, scale: 2), [.decimal(unscaled: 0, scale: 2), .decimal(unscaled: 1, scale: 2)], to: .boolean)
            == [.boolean(false), .boolean(true)])
        #expect(try cast(.boolean, [.boolean(true), .boolean(false)], to: .tinyint) == [.integer(1), .integer(0)])
        #expect(try cast(.boolean, [.boolean(true)], to: .double) == [.double(1)])
    }

    @Test("Integers to binary are big-endian of the source width")
    func toBinary() throws {
        #expect(try cast(.int, [.integer(1), .integer(-2)], to: .binary) == [.binary([0, 0, 0, 1]), .binary([255, 255, 255, 254])])
        #expect(try cast(.tinyint, [.integer(-1)], to: .binary) == [.binary([255])])
        #expect(try cast(.bigint, [.integer(258)], to: .binary) == [.binary([0, 0, 0, 0, 0, 0, 1, 2])])
    }
}

@Suite struct CastFromStringTests {
    @Test("Strings to integers: trimmed, fraction dropped, overflow and junk null")
    func integers() throws {
        let texts = strings(["  42 ", "1.9", "-7.5", "128", "x", "", nil, "1e2", "9223372036854775808"])
        #expect(try cast(.string, texts, to: .tinyint) == [.integer(42), .integer(1), .integer(-7), .null, .null, .null, .null, .null, .null])
        #expect(try cast(.string, texts, to: .bigint) == [.integer(42), .integer(1), .integer(-7), .integer(128), .null, .null, .null, .null, .null])
    }

    @Test("Strings to floating point and decimals")
    func fractional() throws {
        #expect(try cast(.string, strings(["1.5", " -2e3 ", "inf", "junk", "1.5f"]), to: .double)
            == [.double(1.5), .double(-2000), .double(.infinity), .null, .double(1.5)])
        #expect(try cast(.string, strings(["0.1"]), to: .float) == [.float(0.1)])
        #expect(try cast(.string, strings(["1.005", "-1.005", "123456", "abc", " 7 "]), to: .decimal(precision: 5, scale: 2))
            == [.decimal(unscaled: 101, scale: 2), .decimal(unscaled: -101, scale: 2), .null, .null, .decimal(unscaled: 700, scale: 2)])
    }

    @Test("Strings to booleans")
    func booleans() throws {
        #expect(try cast(.string, strings(["YES", "n", "1", "0", "maybe", nil]), to: .boolean)
            == [.boolean(true), .boolean(false), .boolean(true), .boolean(false), .null, .null])
    }

    @Test("Strings to dates, before 1970 too, with a time part ignored")
    func dates() throws {
        #expect(try cast(.string, strings(["1969-07-20", "1969-07-20 20:17:40", "1600-02-29", "1700-02-29", "2024-1", "x"]), to: .date)
            == [.date(days: -165), .date(days: -165), .date(days: -135_081), .null, .date(days: 19_723), .null])
    }

    @Test("Strings to timestamps: no zone is UTC, zones are applied; timestamp_ntz keeps the wall clock")
    func timestamps() throws {
        let texts = strings(["2024-02-29 13:05:09", "2024-02-29T14:05:09+01:00", "1969-12-31 23:59:59.999999", "bad"])
        #expect(try cast(.string, texts, to: .timestamp)
            == [.timestamp(microseconds: 1_709_211_909_000_000), .timestamp(microseconds: 1_709_211_909_000_000), .timestamp(microseconds: -1), .null])
        #expect(try cast(.string, texts, to: .timestampNTZ)
            == [.timestamp(microseconds: 1_709_211_909_000_000), .timestamp(microseconds: 1_709_215_509_000_000), .timestamp(microseconds: -1), .null])
    }

    @Test("Dictionary-encoded text casts each distinct value once and keeps the row order")
    func dictionary() throws {
        let dictionary = VariableWidthBuffer(offsets: [0, 2, 5, 6], bytes: Array("12abc7".utf8))
        let column = Column(.string, storage: .dictionary(indices: [2, 0, 1, 0, 2, 9], values: dictionary),
            validity: ValidityBitmap([true, true, true, false, true, true]))
        #expect(try column.cast(to: .int).values == [.integer(7), .integer(12), .null, .null, .integer(7), .null])
        #expect(try column.cast(to: .varchar(3)).dataType == .varchar(3))
    }

    @Test("Text and binary keep their bytes")
    func bytes() throws {
        #expect(try cast(.string, strings(["hé"]), to: .binary) == [.binary([0x68, 0xC3, 0xA9])])
        #expect(try cast(.binary, [.binary([0x68, 0x69])], to: .string) == [.string("hi")])
    }
}

@Suite struct CastToStringTests {
    @Test("Numbers print as Spark prints them")
    func numbers() throws {
        #expect(try cast(.bigint, [.integer(0), .integer(-42), .integer(.min), .integer(.max)], to: .string)
            == strings(["0", "-42", "-9223372036854775808", "9223372036854775807"]))
        #expect(try cast(.double, [.double(1), .double(1e7), .double(0.001), .double(1.0e-4), .double(.nan), .double(-.infinity), .double(-0.0)], to: .string)
            == strings(["1.0", "1.0E7", "0.001", "1.0E-4", "NaN", "-Infinity", "-0.0"]))
        #expect(try cast(.float, [.float(0.1), .float(1.5e10)], to: .string) == strings(["0.1", "1.5E10"]))
        #expect(try cast(.boolean, [.boolean(true), .boolean(false), .null], to: .string) == strings(["true", "false", nil]))
    }

    @Test("Decimals print as Java's BigDecimal.toString")
    func decimals() throws {
        #expect(try cast(.decimal(precision: 10, scale: 2), [.decimal(unscaled: 1_234, scale: 2), .decimal(unscaled: -5, scale: 2), .decimal(unscaled: 0, scale: 2)], to: .string)
            == strings(["12.34", "-0.05", "0.00"]))
        #expect(try cast(.decimal(precision: 38, scale: 18), [.decimal(unscaled: 0, scale: 18), .decimal(unscaled: 1, scale: 18)], to: .string)
            == strings(["0E-18", "1E-18"]))
        #expect(try cast(.decimal(precision: 10, scale: 8), [.decimal(unscaled: 1, scale: 8), .decimal(unscaled: 123, scale: 8)], to: .string)
            == strings(["1E-8", "0.00000123"]))
        #expect(try cast(.decimal(precision: 5, scale: 0), [.decimal(unscaled: 12_345, scale: 0)], to: .string) == strings(["12345"]))
    }

    @Test("Dates and timestamps print in UTC, before 1970 and past 9999 too")
    func temporal() throws {
        #expect(try cast(.date, [.date(days: 0), .date(days: -1), .date(days: -719_162), .date(days: 2_932_897)], to: .string)
            == strings(["1970-01-01", "1969-12-31", "0001-01-01", "+10000-01-01"]))
        #expect(try cast(.timestamp, [.timestamp(microseconds: 1_709_211_909_123_400), .timestamp(microseconds: -1), .timestamp(microseconds: 0)], to: .string)
            == strings(["2024-02-29 13:05:09.1234", "1969-12-31 23:59:59.999999", "1970-01-01 00:00:00"]))
        #expect(try cast(.timestampNTZ, [.timestamp(microseconds: 500_000)], to: .string) == strings(["1970-01-01 00:00:00.5"]))
    }

    @Test("Nested values print as Spark's text")
    func nested() throws {
        #expect(try cast(.array(.int), [.array([.integer(1), .null, .integer(3)]), .array([]), .null], to: .string) == strings(["[1, null, 3]", "[]", nil]))
        #expect(try cast(.map(key: .string, value: .double), [.map(keys: [.string("a"), .string("b")], values: [.double(1), .null])], to: .string)
            == strings(["{a -> 1.0, b -> null}"]))
        #expect(try cast(.struct([Field("x", .int), Field("y", .string)]), [.structure([.integer(1), .null])], to: .string) == strings(["{1, null}"]))
        #expect(try cast(.array(.string), [.array([.string("1"), .string("x")])], to: .array(.int)) == [.array([.integer(1), .null])])
    }
}

@Suite struct CastTemporalTests {
    @Test("Timestamps to numbers are whole seconds rounded down; dates to numbers are null")
    func toNumbers() throws {
        #expect(try cast(.timestamp, [.timestamp(microseconds: 1_500_000), .timestamp(microseconds: -1_500_000)], to: .bigint)
            == [.integer(1), .integer(-2)])
        #expect(try cast(.timestamp, [.timestamp(microseconds: -1_500_000)], to: .double) == [.double(-1.5)])
        #expect(try cast(.date, [.date(days: 3)], to: .int) == [.null])
        #expect(try cast(.date, [.date(days: 3)], to: .boolean) == [.null])
    }

    @Test("Numbers to timestamps are seconds; NaN and infinity are null; overflow saturates")
    func fromNumbers() throws {
        #expect(try cast(.int, [.integer(-86_400)], to: .timestamp) == [.timestamp(microseconds: -86_400_000_000)])
        #expect(try cast(.bigint, [.integer(.max)], to: .timestamp) == [.timestamp(microseconds: .max)])
        #expect(try cast(.double, [.double(1.5), .double(.nan), .double(-.infinity)], to: .timestamp)
            == [.timestamp(microseconds: 1_500_000), .null, .null])
        #expect(try cast(.decimal(precision: 10, scale: 7), [.decimal(unscaled: -15_000_001, scale: 7)], to: .timestamp) == [.timestamp(microseconds: -1_500_000)])
    }

    @Test("Dates and timestamps convert through UTC, before 1970 too")
    func between() throws {
        #expect(try cast(.timestamp, [.timestamp(microseconds: -1), .timestamp(microseconds: 86_399_999_999)], to: .date) == [.date(days: -1), .date(days: 0)])
        #expect(try cast(.date, [.date(days: -25_508)], to: .timestamp) == [.timestamp(microseconds: -25_508 * 86_400_000_000)])
        #expect(try cast(.date, [.date(days: 1)], to: .timestampNTZ) == [.timestamp(microseconds: 86_400_000_000)])
        #expect(try cast(.timestamp, [.timestamp(microseconds: 42)], to: .timestampNTZ) == [.timestamp(microseconds: 42)])
        #expect(try cast(.timestampNTZ, [.timestamp(microseconds: -42)], to: .timestamp) == [.timestamp(microseconds: -42)])
    }
}

extension Int128 {
    func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { value, _ in value * self } }
}
