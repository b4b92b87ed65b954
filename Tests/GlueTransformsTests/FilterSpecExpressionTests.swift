import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

/// Studio's Filter spec compiled into the expression engine: per row true, false, or null where
/// the generated Python lambda raises (see `FilterSpec.expression(for:)`).
@Suite struct FilterSpecExpressionTests {
    let batch: RecordBatch
    init() throws { batch = try people() }

    /// The outcome per row: "T", "F" or "raise" (null).
    func outcome(_ expression: FilterExpression) throws -> [String] {
        try outcome(try expression.expression(for: batch.schema))
    }

    func outcome(_ expression: ScalarExpression) throws -> [String] {
        let column = try expression.evaluate(batch)
        return column.values.map { value in
            switch value {
            case .boolean(true): "T"
            case .boolean(false): "F"
            default: "raise"
            }
        }
    }

    func compare(_ op: FilterExpression.Operation, _ column: String, _ constant: String, negated: Bool = false) -> FilterExpression {
        FilterExpression(op, negated: negated, [.column(FieldPath(parsing: column)), .constant(constant)])
    }

    @Test("Ordering comparisons take constants typed like the column; a null raises, negated too")
    func orderingComparisons() throws {
        // age: 34, 17, null, 61
        #expect(try outcome(compare(.gt, "age", "20")) == ["T", "F", "raise", "T"])
        #expect(try outcome(compare(.gt, "age", "20", negated: true)) == ["F", "T", "raise", "F"])
        #expect(try outcome(compare(.lt, "age", "34")) == ["F", "T", "raise", "F"])
        #expect(try outcome(compare(.lte, "age", "34")) == ["T", "T", "raise", "F"])
        #expect(try outcome(compare(.gte, "age", "61")) == ["F", "F", "raise", "T"])
        // The constant on the left: "20" < age.
        let mirrored = FilterExpression(.lt, [.constant("20"), .column("age")])
        #expect(try outcome(mirrored) == ["T", "F", "raise", "T"])
        let compiled = try compare(.gt, "age", "20").expression(for: batch.schema)
        #expect(compiled.description == "(#2 > 20)")
        #expect(compiled.dataType == .boolean)
    }

    @Test("EQ is Python's ==: false against None, never raising; negated EQ keeps the nulls")
    func equality() throws {
        // name: "Zoë", null, "", "Ada"
        #expect(try outcome(compare(.eq, "name", "Ada")) == ["F", "F", "F", "T"])
        #expect(try outcome(compare(.eq, "name", "Ada", negated: true)) == ["T", "T", "T", "F"])
        #expect(try outcome(compare(.eq, "name", "")) == ["F", "F", "T", "F"])
        #expect(try outcome(compare(.eq, "age", "17")) == ["F", "T", "F", "F"])
        // Two columns: two nulls are equal (None == None).
        let pairs = try RecordBatch(["a": Column(int32: [1, nil, nil, 4]), "b": Column(int64: [1, 2, nil, 5])])
        let both = try FilterExpression(.eq, [.column("a"), .column("b")]).expression(for: pairs.schema)
        #expect(try both.evaluate(pairs).values == [.boolean(true), .boolean(false), .boolean(true), .boolean(false)])
        let ordered = try FilterExpression(.lt, [.column("a"), .column("b")]).expression(for: pairs.schema)
        #expect(try ordered.evaluate(pairs).values == [.boolean(false), .null, .null, .boolean(true)])
        // Two constants compare as text.
        #expect(try FilterExpression(.eq, [.constant("x"), .constant("x")]).expression(for: batch.schema).literalValue == .boolean(true))
        #expect(try FilterExpression(.gt, [.constant("10"), .constant("9")]).expression(for: batch.schema).literalValue == .boolean(false))
    }

    @Test("ISNULL tests for null and never raises; nested paths reach struct fields, null under a null struct")
    func nullsAndPaths() throws {
        #expect(try outcome(FilterExpression(.isNull, [.column("name")])) == ["F", "T", "F", "F"])
        #expect(try outcome(FilterExpression(.isNull, negated: true, [.column("age")])) == ["T", "T", "F", "T"])
        // address is null on row 3; its zip is null on rows 2 and 3.
        #expect(try outcome(FilterExpression(.isNull, [.column("address.zip")])) == ["F", "T", "T", "F"])
        #expect(try outcome(compare(.eq, "address.city", "Berlin")) == ["F", "T", "F", "F"])
        #expect(try outcome(compare(.eq, "ADDRESS.City", "Berlin")) == ["F", "T", "F", "F"])
    }

    @Test("REGEX is re.match: anchored at the start, null raises, a non-text column raises on every row")
    func regex() throws {
        // address.city: Zürich, Berlin, null (null struct), 東京
        #expect(try outcome(compare(.regex, "address.city", "[BZ]")) == ["T", "T", "raise", "F"])
        #expect(try outcome(compare(.regex, "address.city", "erl")) == ["F", "F", "raise", "F"])
        #expect(try outcome(compare(.regex, "address.city", ".*erl")) == ["F", "T", "raise", "F"])
        #expect(try outcome(compare(.regex, "address.city", "東")) == ["F", "F", "raise", "T"])
        #expect(try outcome(compare(.regex, "address.city", "[BZ]", negated: true)) == ["F", "F", "raise", "T"])
        #expect(try outcome(compare(.regex, "age", "3")) == ["raise", "raise", "raise", "raise"])
        #expect(try outcome(compare(.regex, "age", "3", negated: true)) == ["raise", "raise", "raise", "raise"])
    }

    @Test("AND and OR short-circuit left to right: a raising left side drops the row, a deciding one skips the right")
    func logicalOperators() throws {
        func spec(_ logical: FilterSpec.LogicalOperator, _ filters: [FilterExpression]) throws -> [String] {
            try outcome(try FilterSpec(logical, filters).expression(for: batch.schema))
        }
        // `None > 20 or id == 3` raises before the right side is tried.
        #expect(try spec(.or, [compare(.gt, "age", "20"), compare(.eq, "id", "3")]) == ["T", "F", "raise", "T"])
        // `id == 3 or None > 20` never evaluates the right side on row 3.
        #expect(try spec(.or, [compare(.eq, "id", "3"), compare(.gt, "age", "20")]) == ["T", "F", "T", "T"])
        // `id == 3 and None > 20` raises; `id == 1 and None > 20` is false without raising.
        #expect(try spec(.and, [compare(.eq, "id", "3"), compare(.gt, "age", "20")]) == ["F", "F", "raise", "F"])
        #expect(try spec(.and, [compare(.gt, "age", "20"), compare(.eq, "id", "4")]) == ["F", "F", "raise", "T"])
        #expect(try spec(.and, [compare(.gt, "age", "10"), compare(.lt, "age", "60"), compare(.eq, "name", "Zoë", negated: true)]) == ["F", "T", "raise", "F"])
        #expect(try spec(.and, []) == ["T", "T", "T", "T"])
        let compiled = try FilterSpec(.or, [compare(.eq, "id", "3"), compare(.gt, "age", "20")]).expression(for: batch.schema)
        #expect(compiled.description == "((#0 <=> 3) or (#2 > 20))")
    }

    @Test("Bad specs are errors that name the problem")
    func errors() throws {
        func message(_ expression: FilterExpression) -> String {
            do {
                _ = try expression.expression(for: batch.schema)
                return "no error"
            } catch {
                return error.message
            }
        }
        #expect(message(compare(.gt, "age", "old")) == "Filter constant 'old' is not a valid int value.")
        #expect(message(compare(.gt, "id", "")) == "Filter constant '' is not a valid bigint value.")
        #expect(message(compare(.gt, "missing", "1")).hasPrefix("Filter column missing is not in the input"))
        #expect(message(compare(.eq, "address.country", "DE")).hasPrefix("Filter column address.country is not in the input"))
        #expect(message(FilterExpression(.eq, [.column("age")])) == "Filter operation EQ takes 2 values, not 1.")
        #expect(message(FilterExpression(.isNull, [.constant("x")])) == "ISNULL needs a column (COLUMNEXTRACTED) value.")
        #expect(message(FilterExpression(.regex, [.constant("x"), .constant("y")])) == "REGEX needs a column and a constant pattern.")
        #expect(message(compare(.regex, "name", "(")).hasPrefix("Filter REGEX: The regular expression '(' is not valid"))
        // Columns whose types cannot meet fail when the Filter's plan is built.
        #expect(throws: GlueError.self) {
            try Filter(FilterSpec(.and, [FilterExpression(.lt, [.column("age"), .column("address")])])).outputSchema(for: [self.batch.schema])
        }
    }

    @Test("The Filter operator keeps the true rows and caches the compiled spec per schema")
    func operatorUsesTheEngine() throws {
        let filter = Filter(FilterSpec(.or, [compare(.eq, "name", "Ada"), compare(.lt, "age", "20")]))
        #expect(int64s(try filter.apply([batch])) == [2, 4])
        // Batches with different schemas on one worker each get their own compilation.
        let other = try RecordBatch(["age": Column(int64: [5, 50]), "name": Column(strings: ["Ada", "x"])])
        let (outputs, _) = try filter.run([[batch, batch]])
        #expect(outputs.map(\.rowCount) == [2, 2])
        #expect(try filter.apply([other]).rowCount == 1)
        #expect(filter.explainDetail == "EQ(name, 'Ada') OR LT(age, '20')")
    }
}
