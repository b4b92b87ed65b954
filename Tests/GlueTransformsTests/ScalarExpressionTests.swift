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

/// The engine's nodes for Python semantics (Glue Studio's generated lambdas) and struct fields.
@Suite struct PythonSemanticsExpressionTests {
    /// Every pair of (true, false, null) on the left and right.
    let batch: RecordBatch
    let left = ScalarExpression.column(0, .boolean)
    let right = ScalarExpression.column(1, .boolean)

    init() throws {
        let l: [Bool?] = [true, true, true, false, false, false, nil, nil, nil]
        let r: [Bool?] = [true, false, nil, true, false, nil, true, false, nil]
        batch = try RecordBatch(["l": Column(boolean: l), "r": Column(boolean: r)])
    }

    func text(_ expression: ScalarExpression) throws -> [String] {
        try expression.evaluate(batch).values.map { $0 == .boolean(true) ? "T" : $0 == .boolean(false) ? "F" : "N" }
    }

    @Test("Python's and/or: a null left side stays null; the right side counts only where the left does not decide")
    func shortCircuit() throws {
        #expect(try text(.pythonAnd(left, right)) == ["T", "F", "N", "F", "F", "F", "N", "N", "N"])
        #expect(try text(.pythonOr(left, right)) == ["T", "T", "T", "T", "F", "N", "N", "N", "N"])
        // SQL's three-valued logic differs exactly where a null left side meets a deciding right side.
        #expect(try text(.and(left, right)) == ["T", "F", "N", "F", "F", "F", "N", "F", "N"])
        #expect(try text(.or(left, right)) == ["T", "T", "T", "T", "F", "N", "T", "N", "N"])
        #expect(throws: GlueError.self) { try ScalarExpression.pythonAnd(.column(0, .date), right) }
    }

    @Test("regexMatch anchors at the start (re.match), rlike matches anywhere; dictionary text and nulls")
    func regexMatch() throws {
        let words = try RecordBatch(["w": Column(strings: ["apple", "pineapple", nil, "Apple"])])
        let column = ScalarExpression.column(0, .string)
        let anchored = try ScalarExpression.regexMatch(column, pattern: "app")
        #expect(try anchored.evaluate(words).values == [.boolean(true), .boolean(false), .null, .boolean(false)])
        let anywhere = try ScalarExpression.function(.rlike, [column, .literal(.string("app"), .string)])
        #expect(try anywhere.evaluate(words).values == [.boolean(true), .boolean(true), .null, .boolean(false)])
        let constant = try ScalarExpression.regexMatch(.literal(.string("pineapple"), .string), pattern: "p(i|a)n")
        #expect(try constant.evaluate(words).values == Array(repeating: .boolean(true), count: 4))
        #expect(throws: GlueError.self) { try ScalarExpression.regexMatch(column, pattern: "[") }
        // The numbers are read as text, as rlike reads them.
        let numbers = try RecordBatch(["n": Column(int32: [123, 23])])
        #expect(try ScalarExpression.regexMatch(.column(0, .int), pattern: "12").evaluate(numbers).values == [.boolean(true), .boolean(false)])
    }

    @Test("Struct fields: null under a null struct, names resolved exactly then ignoring case")
    func fields() throws {
        let people = try GlueTransformsTests.people()
        let city = try #require(ScalarExpression.column(at: "address.CITY", in: people.schema))
        #expect(city.dataType == .string)
        #expect(city.description == "#3.city")
        #expect(try city.evaluate(people).values == [.string("Zürich"), .string("Berlin"), .null, .string("東京")])
        #expect(ScalarExpression.column(at: "address.country", in: people.schema) == nil)
        #expect(ScalarExpression.column(at: "name.first", in: people.schema) == nil)
        #expect(throws: GlueError.self) { try ScalarExpression.field(.column(1, .string), named: "x") }
        #expect(city.referencedColumns == [3])
        #expect(city.remappingColumns([3: 0]).referencedColumns == [0])
    }

    @Test("<=> against a constant takes the scalar path with the same outcome as two columns")
    func nullSafeEqualConstant() throws {
        let numbers = try RecordBatch(["n": Column(int32: [1, nil, 3]), "k": Column(int32: [3, 3, 3])])
        let constant = ScalarExpression.nullSafeEqual(.column(0, .int), .literal(.integer(3), .int))
        let columns = ScalarExpression.nullSafeEqual(.column(0, .int), .column(1, .int))
        #expect(try constant.evaluate(numbers).values == [.boolean(false), .boolean(false), .boolean(true)])
        #expect(try columns.evaluate(numbers).values == (try constant.evaluate(numbers)).values)
        let flipped = ScalarExpression.nullSafeEqual(.literal(.integer(3), .int), .column(0, .int))
        #expect(try flipped.evaluate(numbers).values == (try constant.evaluate(numbers)).values)
        #expect(try constant.evaluate(numbers).validity == nil)
    }
}
