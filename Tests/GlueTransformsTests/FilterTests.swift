import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct FilterTests {
    func expression(_ op: FilterExpression.Operation, _ column: String, _ constant: String, negated: Bool = false) -> FilterExpression {
        FilterExpression(op, negated: negated, [.column(FieldPath(parsing: column)), .constant(constant)])
    }

    func ids(_ batch: RecordBatch) -> [Int64] { int64s(batch) }

    @Test("Studio comparisons with typed constants, AND and OR")
    func comparisons() throws {
        let both = Filter(FilterSpec(.and, [expression(.gt, "age", "15"), expression(.lt, "age", "60")]))
        expectTable(try SelectFields(["id", "age"]).apply([both.apply([people()])]), """
            +----+-----+
            | id | age |
            +----+-----+
            | 1  | 34  |
            | 2  | 17  |
            +----+-----+
            """)
        let either = Filter(FilterSpec(.or, [expression(.lte, "age", "17"), expression(.gte, "age", "61")]))
        #expect(ids(try either.apply([people()])) == [2, 4])
        let equal = Filter(FilterSpec(.and, [expression(.eq, "name", "Zoë")]))
        #expect(ids(try equal.apply([people()])) == [1])
    }

    @Test("Nulls behave as in the generated Python: comparisons drop them even negated, EQ negated keeps them")
    func nulls() throws {
        let notGreater = Filter(FilterSpec(.and, [expression(.gt, "age", "20", negated: true)]))
        #expect(ids(try notGreater.apply([people()])) == [2])
        let notEqual = Filter(FilterSpec(.and, [expression(.eq, "name", "Ada", negated: true)]))
        #expect(ids(try notEqual.apply([people()])) == [1, 2, 3])
        let isNull = Filter(FilterSpec(.and, [FilterExpression(.isNull, [.column("name")])]))
        #expect(ids(try isNull.apply([people()])) == [2])
        let notNull = Filter(FilterSpec(.and, [FilterExpression(.isNull, negated: true, [.column("age")])]))
        #expect(ids(try notNull.apply([people()])) == [1, 2, 4])
        // `None > 20 or ...` raises before the right side is tried: the record is dropped.
        let orAfterNull = Filter(FilterSpec(.or, [expression(.gt, "age", "20"), expression(.eq, "id", "3")]))
        #expect(ids(try orAfterNull.apply([people()])) == [1, 4])
        // `... or None > 20` is never evaluated when the left side is true.
        let orBeforeNull = Filter(FilterSpec(.or, [expression(.eq, "id", "3"), expression(.gt, "age", "20")]))
        #expect(ids(try orBeforeNull.apply([people()])) == [1, 3, 4])
    }

    @Test("REGEX anchors at the start like re.match; strings may hold non-ASCII text")
    func regex() throws {
        let starts = Filter(FilterSpec(.and, [expression(.regex, "address.city", "[BZ]")]))
        #expect(ids(try starts.apply([people()])) == [1, 2])
        let middle = Filter(FilterSpec(.and, [expression(.regex, "address.city", "erl")]))
        #expect(ids(try middle.apply([people()])) == [])
        let kanji = Filter(FilterSpec(.and, [expression(.regex, "address.city", "東")]))
        #expect(ids(try kanji.apply([people()])) == [4])
        let negated = Filter(FilterSpec(.and, [expression(.regex, "address.city", "[BZ]", negated: true)]))
        #expect(ids(try negated.apply([people()])) == [4])
    }

    @Test("Bad specs fail when the plan is built")
    func validation() throws {
        let schema = try people().schema
        #expect(throws: GlueError.self) { try Filter(FilterSpec(.and, [self.expression(.gt, "age", "old")])).outputSchema(for: [schema]) }
        #expect(throws: GlueError.self) { try Filter(FilterSpec(.and, [self.expression(.gt, "missing", "1")])).outputSchema(for: [schema]) }
        #expect(throws: GlueError.self) { try Filter(FilterSpec(.and, [FilterExpression(.eq, [.column("age")])])).outputSchema(for: [schema]) }
        #expect(throws: GlueError.self) { try Filter(FilterSpec(.and, [self.expression(.regex, "name", "(")])).outputSchema(for: [schema]) }
    }

    @Test("Record predicates route throwing records to the error output; columnar masks filter directly")
    func predicates() throws {
        let predicate = Filter(predicate: { record in
            if record["id"] == .integer(3) { throw Boom() }
            return record["age"] != .null
        })
        let (batches, errors) = try predicate.run([[people()]])
        #expect(ids(try RecordBatch.concatenate(batches)) == [1, 2, 4])
        #expect(errors.map(\.message) == ["boom on Ada"])
        let mask = Filter(mask: { batch throws(GlueError) in try batch.columns[0].compare(.greaterThan, .integer(2)) })
        #expect(ids(try mask.apply([people()])) == [3, 4])
        let empty = try Filter(FilterSpec(.and, [expression(.gt, "age", "1")])).apply([RecordBatch.empty(people().schema)])
        #expect(empty.rowCount == 0)
    }
}
