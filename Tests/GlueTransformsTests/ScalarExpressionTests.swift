import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

/// Spark behaviours of the expression engine that a DuckDB comparison cannot check.
@Suite struct ScalarExpressionTests {
    let batch: RecordBatch

    init() throws {
        var amounts = ColumnBuilder(.decimal(precision: 10, scale: 2))
        for value: Value in [.decimal(unscaled: 1234, scale: 2), .decimal(unscaled: -5, scale: 2), .null] { try amounts.append(value) }
        batch = try RecordBatch([
            "n": Column(int32: [2_147_483_647, -7, nil]),
            "x": Column(float64: [2.675, -2.5, nil]),
            "m": amounts.finish(),
            "s": Column(strings: ["abc", " 12 ", nil]),
        ])
    }

    func values(_ expression: ScalarExpression) throws -> [String] {
        let column = try expression.evaluate(batch)
        return column.values.map { $0.displayText(as: column.dataType) }
    }

    let n = ScalarExpression.column(0, .int)
    let x = ScalarExpression.column(1, .double)
    let m = ScalarExpression.column(2, .decimal(precision: 10, scale: 2))
    let s = ScalarExpression.column(3, .string)

    @Test func integerArithmeticWrapsAndDividesAsDouble() throws {
        #expect(try values(.arithmetic(.add, n, .literal(.integer(1), .int))) == ["-2147483648", "-6", "NULL"])
        let quotient = try ScalarExpression.arithmetic(.divide, n, .literal(.integer(2), .int))
        #expect(quotient.dataType == .double)
        #expect(try values(.arithmetic(.remainder, n, .literal(.integer(0), .int))) == ["NULL", "NULL", "NULL"])
        #expect(try values(.arithmetic(.remainder, .literal(.integer(-7), .int), .literal(.integer(3), .int))) == ["-1", "-1", "-1"])
    }

    @Test func decimalTypesFollowSpark() throws {
        let two = ScalarExpression.literal(.decimal(unscaled: 300, scale: 2), .decimal(precision: 3, scale: 2))
        #expect(try ScalarExpression.arithmetic(.add, m, two).dataType == .decimal(precision: 11, scale: 2))
        #expect(try ScalarExpression.arithmetic(.multiply, m, two).dataType == .decimal(precision: 14, scale: 4))
        #expect(try ScalarExpression.arithmetic(.divide, m, two).dataType == .decimal(precision: 16, scale: 6))
        #expect(try ScalarExpression.arithmetic(.multiply, m, n).dataType == .decimal(precision: 21, scale: 2))
        #expect(try values(.arithmetic(.divide, m, .literal(.integer(3), .int))) == ["4.1133333333333", "-0.0166666666667", "NULL"])
        let wide = ScalarExpression.literal(.decimal(unscaled: 1, scale: 20), .decimal(precision: 38, scale: 20))
        #expect(try ScalarExpression.arithmetic(.multiply, wide, wide).dataType == .decimal(precision: 38, scale: 6))
    }

    @Test func roundIsHalfUpOnTheDecimalText() throws {
        #expect(try values(.function(.round, [x, .literal(.integer(2), .int)])) == ["2.68", "-2.5", "NULL"])
        #expect(try values(.function(.round, [x])) == ["3.0", "-3.0", "NULL"])
        #expect(try values(.function(.bround, [x])) == ["3.0", "-2.0", "NULL"])
        #expect(try values(.function(.floor, [x])) == ["2", "-3", "NULL"])
    }

    @Test func invalidCastsAreNullAndTextIsTrimmed() throws {
        #expect(try values(.casting(s, to: .int)) == ["NULL", "12", "NULL"])
        #expect(try values(.casting(.literal(.string("2024-02-30"), .string), to: .date)) == ["NULL", "NULL", "NULL"])
    }

    @Test func threeValuedLogicAndIn() throws {
        let isSeven = try ScalarExpression.compare(.equal, n, .literal(.integer(-7), .int))
        #expect(try values(.disjunction(isSeven, .literal(.null, .boolean))) == ["NULL", "true", "NULL"])
        #expect(try values(.conjunction(isSeven, .literal(.null, .boolean))) == ["false", "NULL", "NULL"])
        #expect(try values(.isIn(n, [.literal(.integer(-7), .int), .literal(.null, .int)])) == ["NULL", "true", "NULL"])
    }

    @Test func textFunctions() throws {
        #expect(try values(.function(.substring, [s, .literal(.integer(-2), .int)])) == ["bc", "2 ", "NULL"])
        #expect(try values(.function(.trim, [s])) == ["abc", "12", "NULL"])
        #expect(try values(.function(.md5, [.literal(.string("abc"), .string)])).first == "900150983cd24fb0d6963f7d28e17f72")
        #expect(try values(.function(.sha2, [.literal(.string("abc"), .string), .literal(.integer(512), .int)])).first
            == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(try values(.function(.sha2, [.literal(.string("abc"), .string), .literal(.integer(224), .int)])).first
            == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
        #expect(try values(.like(s, pattern: .literal(.string("_b%"), .string))) == ["true", "false", "NULL"])
    }

    @Test func dateTimeFunctions() throws {
        let when = ScalarExpression.literal(.timestamp(microseconds: 1_709_210_096_789_000), .timestamp)  // 2024-02-29 12:34:56.789
        #expect(try values(.function(.date_format, [when, .literal(.string("EEE, d MMM yyyy hh:mm a 'Q'Q SSS"), .string)])).first == "Thu, 29 Feb 2024 12:34 PM Q1 789")
        #expect(try values(.function(.to_timestamp, [.literal(.string("29/02/2024 23:05"), .string), .literal(.string("dd/MM/yyyy HH:mm"), .string)])).first == "2024-02-29 23:05:00")
        #expect(try values(.function(.add_months, [.literal(.date(days: 19_753), .date), .literal(.integer(1), .int)])).first == "2024-02-29")
        #expect(try values(.function(.date_trunc, [.literal(.string("week"), .string), when])).first == "2024-02-26 00:00:00")
    }
}
