import GlueColumnar
import GlueCore
import GlueJobs
import GlueTesting
import GlueTransforms
import Testing

/// The Swift API's Spark SQL expressions on frames: `filter(where:)`, `filter(_ expression:)`,
/// `selectExpr` and `withColumn`, on the engine SparkSQL nodes use.
@Suite struct FrameExpressionTests {
    func orders() throws -> DynamicFrame {
        try FrameBuilder.rows("order_id: bigint, country: string, quantity: int, unit_price: double", [
            [1, "DE", 3, 40.0],
            [2, "FR", 1, 150.0],
            [3, "US", 10, 20.0],
            [4, "DE", nil, 99.0],
            [5, "FR", 2, 60.0],
            [6, nil, 5, 30.0],
        ])
    }

    @Test("filter(where:) takes a Spark SQL condition; a null condition drops the record")
    func filterWhere() throws {
        let result = try orders().filter(where: "quantity * unit_price > 100 AND country IN ('DE','FR')")
        try expectFrame(result.selectFields(["order_id"]), equals: """
            +----------+
            | order_id |
            +----------+
            | 1        |
            | 2        |
            | 5        |
            +----------+
            """)
        #expect(try orders().filter(where: "Country = 'de' OR lower(COUNTRY) = 'us'").count() == 1)
        #expect(try orders().filter(where: "quantity IS NULL OR country IS NULL").count() == 2)
        #expect(try orders().filter(where: "unit_price BETWEEN 30 AND 60 AND NOT (country LIKE 'F%')").count() == 1)
        #expect(try orders().filter(where: "NULL").count() == 0)
    }

    @Test("An unknown column is an AnalysisException naming it and the closest columns, before any data is read")
    func unknownColumn() throws {
        // The method itself throws: no action has run, so no data was read.
        let frame = try orders()
        do {
            _ = try frame.filter(where: "quantiy > 2")
            Issue.record("An unknown column was accepted.")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.hasPrefix("AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `quantiy` cannot be resolved. Did you mean one of the following? [`quantity`"))
        }
        #expect(throws: GlueError.self) { try frame.filter(where: "quantity >") }
        #expect(throws: GlueError.self) { try frame.filter(where: "quantity > 2 extra") }
        #expect(throws: GlueError.self) { try frame.filter(where: "sum(quantity) > 2") }
        do {
            _ = try frame.filter(where: "quantity + 1")
            Issue.record("A non-boolean condition was accepted.")
        } catch {
            #expect(error.message.contains("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN]"))
            #expect(error.message.contains("of type \"INT\" is not a boolean"))
        }
        do {
            _ = try frame.filter(where: "upperr(country) = 'DE'")
            Issue.record("An unknown function was accepted.")
        } catch {
            #expect(error.message.contains("[UNRESOLVED_ROUTINE] Cannot resolve function `upperr`"))
            #expect(error.message.contains("`upper`"))
        }
    }

    @Test("filter with a bound expression, and the Studio spec, run on the same engine")
    func boundExpression() throws {
        let frame = try orders()
        let condition = try ScalarExpression.compare(.greaterThan, .column(2, .int), .literal(.integer(2), .int))
        #expect(try frame.filter(condition).count() == 3)
        #expect(throws: GlueError.self) { try frame.filter(ScalarExpression.column(2, .int)) }
        let spec = FilterSpec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")])])
        #expect(try frame.filter(spec).count() == 3)
        #expect(try frame.filter(condition).explain().contains("Filter"))
    }

    @Test("selectExpr and withColumn compute columns with Spark's names and types")
    func projections() throws {
        let selected = try orders().filter(where: "order_id <= 2").selectExpr("order_id", "quantity * unit_price AS amount", "upper(country)")
        #expect(selected.schema.fields.map(\.name) == ["order_id", "amount", "upper(country)"])
        #expect(selected.schema.fields.map(\.dataType) == [.bigint, .double, .string])
        try expectFrame(selected, equals: """
            +----------+--------+----------------+
            | order_id | amount | upper(country) |
            +----------+--------+----------------+
            | 1        | 120.0  | DE             |
            | 2        | 150.0  | FR             |
            +----------+--------+----------------+
            """)
        let widened = try orders().withColumn("amount", "round(quantity * unit_price, 1)").withColumn("COUNTRY", "coalesce(country, '??')")
        #expect(widened.schema.fields.map(\.name) == ["order_id", "COUNTRY", "quantity", "unit_price", "amount"])
        #expect(try widened.filter(where: "country = '??'").count() == 1)
        #expect(try orders().selectExpr("*").schema == (try orders()).schema)
        #expect(throws: GlueError.self) { try orders().selectExpr("nope + 1 AS x") }
    }
}
