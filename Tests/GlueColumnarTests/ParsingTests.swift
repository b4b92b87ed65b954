import GlueColumnar
import Testing

/// Runs a parser on a string's UTF-8 bytes.
func parsing<Result>(_ text: String, _ parser: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var copy = text
    return copy.withUTF8 { parser($0) }
}

@Suite struct IntegerParserTests {
    @Test("Spark's integer text: sign, trimming, a dropped fraction", arguments: [
        ("0", 0), ("42", 42), ("-42", -42), ("+7", 7), ("  12 \t", 12), ("\n-3\r", -3), ("1.9", 1), ("-1.9", -1),
        ("1.", 1), (".", 0), ("007", 7), ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
    func accepts(text: String, expected: Int64) {
        #expect(parsing(text) { IntegerParser.parseInt64($0) } == expected)
    }

    @Test("Junk, signs alone, exponents and overflow are nil", arguments: [
        "", "   ", "-", "+", "1e3", "0x10", "1,000", "12a", "1.2.3", "1.x", "--1", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999", "١٢",
    ])
    func rejects(text: String) {
        #expect(parsing(text) { IntegerParser.parseInt64($0) } == nil)
    }

    @Test("Narrow types are nil outside their range instead of wrapping")
    func narrowing() {
        #expect(parsing("127") { IntegerParser.parse($0, as: Int8.self) } == 127)
        #expect(parsing("128") { IntegerParser.parse($0, as: Int8.self) } == nil)
        #expect(parsing("-128") { IntegerParser.parse($0, as: Int8.self) } == -128)
        #expect(parsing("32768") { IntegerParser.parse($0, as: Int16.self) } == nil)
        #expect(parsing("2147483647") { IntegerParser.parse($0, as: Int32.self) } == Int32.max)
        #expect(parsing("2147483648") { IntegerParser.parse($0, as: Int32.self) } == nil)
    }

    @Test("Strict mode refuses fractions and padding")
    func strict() {
        #expect(parsing("1.5") { IntegerParser.parseInt64($0, trimming: false, allowingFraction: false) } == nil)
        #expect(parsing(" 1") { IntegerParser.parseInt64($0, trimming: false, allowingFraction: false) } == nil)
        #expect(parsing("15") { IntegerParser.parseInt64($0, trimming: false, allowingFraction: false) } == 15)
    }
}

@Suite struct FloatingPointParserTests {
    @Test("Java's double syntax and Spark's literals", arguments: [
        ("1", 1.0), ("-2.5", -2.5), (" 3.25 ", 3.25), ("1e3", 1000), ("1E-3", 0.001), (".5", 0.5), ("5.", 5),
        ("2.5d", 2.5), ("2.5F", 2.5), ("+0.1", 0.1), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("4.9e-324", Double.leastNonzeroMagnitude), ("1e400", .infinity), ("-1e400", -.infinity), ("1e-400", 0),
        ("Infinity", .infinity), ("-Infinity", -.infinity), ("inf", .infinity), ("-INF", -.infinity),
        ("+infinity", .infinity), ("0.1", 0.1), ("3.141592653589793", 3.141592653589793),
        ("9007199254740993", 9007199254740992), ("1.7976931348623157e308", 1.7976931348623157e308),
    ] as [(String, Double)])
    func accepts(text: String, expected: Double) {
        #expect(parsing(text) { FloatingPointParser.parseDouble($0) } == expected)
    }

    @Test("NaN in Java's and Spark's spellings")
    func notANumber() {
        for text in ["NaN", "nan", "NAN", " NaN ", "-NaN"] {
            #expect(parsing(text) { FloatingPointParser.parseDouble($0) }?.isNaN == true, "\(text)")
        }
    }

    @Test("Junk is nil", arguments: ["", " ", ".", "e5", "1e", "1e+", "1.2.3", "abc", "1,5", "0x1p3", "--1", "1 2", "infinit", "-nan", "1dd"])
    func rejects(text: String) {
        #expect(parsing(text) { FloatingPointParser.parseDouble($0) } == nil)
    }

    @Test("Floats round straight from the decimal text")
    func floats() {
        #expect(parsing("0.1") { FloatingPointParser.parseFloat($0) } == Float(0.1))
        #expect(parsing("16777217") { FloatingPointParser.parseFloat($0) } == 16_777_216)
        #expect(parsing("3.4028235e38") { FloatingPointParser.parseFloat($0) } == Float.greatestFiniteMagnitude)
        #expect(parsing("1e39") { FloatingPointParser.parseFloat($0) } == .infinity)
        #expect(parsing("x") { FloatingPointParser.parseFloat($0) } == nil)
    }
}

@Suite struct DecimalParserTests {
    @Test("Rounding is HALF_UP, away from zero", arguments: [
        ("2.345", 235), ("-2.345", -235), ("2.344", 234), ("2.3449", 234), ("0.005", 1), ("-0.005", -1),
        ("0.004", 0), ("12", 1200), ("1.5e1", 1500), ("150E-2", 150), (" 7.1 ", 710), ("+.5", 50), ("99.994", 9999),
        ("0.0000000000000000000000000000000000000000001", 0),
    ] as [(String, Int128)])
    func rounding(text: String, expected: Int128) {
        #expect(parsing(text) { DecimalParser.parse($0, precision: 4, scale: 2) } == expected)
    }

    @Test("Precision overflow and junk are nil", arguments: ["100", "99.995", "-100.00", "1e2", "", "abc", "1.2.3", "1e", "NaN", "Infinity", "1.5d"])
    func rejects(text: String) {
        #expect(parsing(text) { DecimalParser.parse($0, precision: 4, scale: 2) } == nil)
    }

    @Test("Thirty-eight digits fit; the thirty-ninth does not")
    func wide() {
        let digits = String(repeating: "9", count: 38)
        #expect(parsing(digits) { DecimalParser.parse($0, precision: 38, scale: 0) } == Decimal128.powersOfTen[38] - 1)
        #expect(parsing(digits + "9") { DecimalParser.parse($0, precision: 38, scale: 0) } == nil)
        #expect(parsing("0." + digits) { DecimalParser.parse($0, precision: 38, scale: 38) } == Decimal128.powersOfTen[38] - 1)
        #expect(parsing("12345678901234567890.123456789012345678") { DecimalParser.parse($0, precision: 38, scale: 18) }
            == 12_345_678_901_234_567_890_123_456_789_012_345_678)
    }
}

@Suite struct BooleanParserTests {
    @Test("Spark's true and false words, any case, trimmed")
    func words() {
        for text in ["t", "true", "TRUE", "y", "yes", "Yes", "1", " true "] {
            #expect(parsing(text) { BooleanParser.parse($0) } == true, "\(text)")
        }
        for text in ["f", "false", "False", "n", "no", "NO", "0", "\tfalse\n"] {
            #expect(parsing(text) { BooleanParser.parse($0) } == false, "\(text)")
        }
        for text in ["", "2", "truee", "yess", "on", "off", "tr ue", "-1"] {
            #expect(parsing(text) { BooleanParser.parse($0) } == nil, "\(text)")
        }
    }
}

@Suite struct DateParserTests {
    func days(_ text: String) -> Int32? { parsing(text) { DateParser.parseDays($0) } }

    @Test("Spark's date forms, including dates before 1970")
    func forms() {
        #expect(days("1970-01-01") == 0)
        #expect(days("1969-12-31") == -1)
        #expect(days("1900-03-01") == -25_508)
        #expect(days("0001-01-01") == -719_162)
        #expect(days("2024") == days("2024-01-01"))
        #expect(days("2024-2") == days("2024-02-01"))
        #expect(days("2024-2-9") == days("2024-02-09"))
        #expect(days("2024-02-29") == 19_782)
        #expect(days(" 2024-02-29 ") == 19_782)
        #expect(days("2024-02-29 13:45:00") == 19_782)
        #expect(days("2024-02-29T99:99") == 19_782)
        #expect(days("2024-02-29 anything") == 19_782)
        #expect(days("-0044-03-15") == CivilDate(year: -44, month: 3, day: 15).daysSinceEpoch.int32)
        #expect(days("+10000-01-01") == CivilDate(year: 10_000, month: 1, day: 1).daysSinceEpoch.int32)
    }

    @Test("Impossible dates and junk are nil", arguments: [
        "", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-00", "24-01-01", "2024/01/01",
        "2024-01-01x", "2024-001-01", "2024-1-123", "2024 01", "2024-01T12", "12345678-01-01", "abc", "2024-",
    ])
    func rejects(text: String) {
        #expect(days(text) == nil)
    }
}

@Suite struct TimestampParserTests {
    func micros(_ text: String) -> Int64? { parsing(text) { TimestampParser.parseMicroseconds($0) } }
    func ntz(_ text: String) -> Int64? { parsing(text) { TimestampParser.parseMicrosecondsWithoutTimeZone($0) } }

    @Test("Text without a zone is UTC; separators, fractions and offsets")
    func forms() {
        #expect(micros("1970-01-01 00:00:00") == 0)
        #expect(micros("1970-01-01T00:00:01") == 1_000_000)
        #expect(micros("2024-02-29 13:05:09.123456") == 1_709_211_909_123_456)
        #expect(micros("2024-02-29T13:05:09.123") == 1_709_211_909_123_000)
        #expect(micros("2024-02-29T13:05:09.1234567") == 1_709_211_909_123_456)
        #expect(micros("2024-02-29 13:05") == 1_709_211_900_000_000)
        #expect(micros("2024-02-29") == 1_709_164_800_000_000)
        #expect(micros("2024-02") == micros("2024-02-01 00:00:00"))
        #expect(micros("2024-02-29T13:05:09Z") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29T14:05:09+01:00") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29T14:05:09.5+0100") == 1_709_211_909_500_000)
        #expect(micros("2024-02-29T08:05:09-05:00") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29 13:05:09 UTC") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29 15:05:09 GMT+2") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29 08:05:09 EST") == 1_709_211_909_000_000)
        #expect(micros("2024-02-29 14:05:09+1:00") == 1_709_211_909_000_000)
    }

    @Test("Before 1970 the count is negative and the fraction still adds forward")
    func beforeEpoch() {
        #expect(micros("1969-12-31 23:59:59") == -1_000_000)
        #expect(micros("1969-12-31 23:59:59.5") == -500_000)
        #expect(micros("1900-01-01 00:00:00") == -2_208_988_800_000_000)
        #expect(micros("0001-01-01 00:00:00") == -62_135_596_800_000_000)
    }

    @Test("timestamp_ntz ignores a valid zone and keeps the wall clock")
    func withoutZone() {
        #expect(ntz("2024-02-29T14:05:09+01:00") == ntz("2024-02-29 14:05:09"))
        #expect(ntz("2024-02-29 14:05:09") == 1_709_215_509_000_000)
        #expect(ntz("2024-02-29 14:05:09 Mars/Olympus") == nil)
    }

    @Test("Bad text, bad fields, unknown zones and time-only text are nil", arguments: [
        "", "2024-02-30 00:00:00", "2024-02-29 24:00:00", "2024-02-29 12:60:00", "2024-02-29 12:00:60", "2024-02-29T",
        "2024-02-29 12:00:00 Europe/Paris", "2024-02-29 12:00:00+19:00", "2024-02-29 12:00:00 +01:00:0", "12:00:00", "T12:00",
        "2024-02-29 12:00Z", "2024-02-29 12::00", "2024/02/29", "abc", "1234567-01-01", "2024-02-29 12:00:00.123.4",
    ])
    func rejects(text: String) {
        #expect(micros(text) == nil)
    }

    @Test("The fixed-layout fast path agrees with the general parser")
    func fastPathAgrees() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let micros = Int64(bitPattern: generator.next() % 400_000_000_000_000_000) - 200_000_000_000_000_000
            let text = TemporalFormat.timestamp(microseconds: micros, separator: generator.next() % 2 == 0 ? "T" : " ")
            let general = parsing(text) { TimestampParser.parseParts($0)?.localMicroseconds }
            let fast = parsing(text) { TimestampParser.parseMicroseconds($0) }
            #expect(fast == general, "\(text)")
            #expect(fast == micros, "\(text)")
        }
        #expect(micros("2024-02-29T13:05:09.") == 1_709_211_909_000_000)
        #expect(micros("2023-02-29T13:05:09") == nil)
        #expect(micros("2024-02-29T13:05:09.12a") == nil)
        #expect(parsing("1969-12-31 23:59:59.9999999") { TimestampParser.parseMicrosecondsWithoutTimeZone($0) } == -1)
    }

    @Test("Offsets as Java's ZoneId reads them")
    func offsets() {
        func offset(_ text: String) -> Int? { parsing(text) { ZoneOffsetParser.parseOffsetSeconds($0) } }
        #expect(offset("Z") == 0)
        #expect(offset("UTC") == 0)
        #expect(offset("+05:30") == 19_800)
        #expect(offset("-0530") == -19_800)
        #expect(offset("+5") == 18_000)
        #expect(offset("+05:30:15") == 19_815)
        #expect(offset("UTC-03") == -10_800)
        #expect(offset("UT+1") == 3_600)
        #expect(offset("+18:00") == 64_800)
        #expect(offset("+18:01") == nil)
        #expect(offset("z") == nil)
        #expect(offset("PST") == nil)
        #expect(offset("+123") == nil)
    }
}

extension Int {
    var int32: Int32? { Int32(exactly: self) }
}
