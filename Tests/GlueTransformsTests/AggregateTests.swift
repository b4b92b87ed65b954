import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

@Suite struct AggregateTests {
    func sales() throws -> RecordBatch {
        try RecordBatch([
            "country": Column(strings: ["DE", "FR", "DE", nil, "FR", "DE", "Ελλάδα"]),
            "quantity": Column(int32: [1, 2, 3, 4, nil, 3, 5]),
            "price": Column(float64: [1.5, 2.0, 2.5, 1.0, 3.0, nil, -0.5]),
        ])
    }

    @Test("Spark output names, group order of first appearance, null keys as one group")
    func basic() throws {
        let aggregate = try Aggregate(groups: ["country"], aggregations: [
            .init(.sum, "quantity"), .init(.count, "price"), .init(.avg, "price"), .init(.max, "quantity"), .init(.countDistinct, "quantity"),
        ])
        expectTable(try aggregate.apply([sales()]), """
            +---------+---------------+--------------+------------+---------------+--------------------------+
            | country | sum(quantity) | count(price) | avg(price) | max(quantity) | count(DISTINCT quantity) |
            +---------+---------------+--------------+------------+---------------+--------------------------+
            | DE      | 7             | 2            | 2.0        | 3             | 2                        |
            | FR      | 2             | 2            | 2.5        | 2             | 1                        |
            | NULL    | 4             | 1            | 1.0        | 4             | 1                        |
            | Ελλάδα  | 5             | 1            | -0.5       | 5             | 1                        |
            +---------+---------------+--------------+------------+---------------+--------------------------+
            """)
    }

    @Test("Every Studio AggFunc has Spark's name and type")
    func allFunctions() throws {
        let aggregations = AggFunc.allCases.map { Aggregation($0, "quantity") }
        let aggregate = try Aggregate(groups: [], aggregations: aggregations)
        let schema = try aggregate.outputSchema(for: [sales().schema])
        #expect(schema.description == "avg(quantity) double, count(quantity) bigint, count(DISTINCT quantity) bigint, first(quantity) int, last(quantity) int, kurtosis(quantity) double, max(quantity) int, min(quantity) int, skewness(quantity) double, stddev_samp(quantity) double, stddev_pop(quantity) double, sum(quantity) bigint, sum(DISTINCT quantity) bigint, var_samp(quantity) double, var_pop(quantity) double")
        let row = try aggregate.apply([sales()]).row(at: 0)
        // quantity values: 1 2 3 4 3 5 (one null): n 6, mean 3, M2 10.
        #expect(row[0] == .double(3))
        #expect(row[1] == .integer(6))
        #expect(row[2] == .integer(5))
        #expect(row[3] == .integer(1))
        #expect(row[4] == .integer(5))
        #expect(row[6] == .integer(5) && row[7] == .integer(1))
        #expect(row[11] == .integer(18) && row[12] == .integer(15))
        if case .double(let varSamp) = row[13], case .double(let varPop) = row[14], case .double(let sdSamp) = row[9], case .double(let sdPop) = row[10] {
            #expect(abs(varSamp - 2.0) < 1e-12 && abs(varPop - 10.0 / 6) < 1e-12)
            #expect(abs(sdSamp - 2.0.squareRoot()) < 1e-12 && abs(sdPop - (10.0 / 6).squareRoot()) < 1e-12)
        } else {
            Issue.record("variance results are not doubles: \(row)")
        }
        // M3 = 0 (symmetric), M4 = 16+1+0+1+0+16 = 34: kurtosis = 6*34/100 - 3.
        if case .double(let skew) = row[8], case .double(let kurt) = row[5] {
            #expect(abs(skew) < 1e-12)
            #expect(abs(kurt - (6.0 * 34 / 100 - 3)) < 1e-12)
        } else {
            Issue.record("moment results are not doubles: \(row)")
        }
    }

    @Test("Empty input: a global aggregate gives one row, a grouped one gives none")
    func empty() throws {
        let empty = RecordBatch.empty(try sales().schema)
        let global = try Aggregate(groups: [], aggregations: [.init(.count, "quantity"), .init(.sum, "price"), .init(.var_samp, "price")])
        expectTable(try global.apply([empty]), """
            +-----------------+------------+-----------------+
            | count(quantity) | sum(price) | var_samp(price) |
            +-----------------+------------+-----------------+
            | 0               | NULL       | NULL            |
            +-----------------+------------+-----------------+
            """)
        #expect(try Aggregate(groups: ["country"], aggregations: [.init(.count, "quantity")]).apply([empty]).rowCount == 0)
    }

    @Test("All-null columns, first/last in input order, single-value variance")
    func nullsAndOrder() throws {
        let batch = try RecordBatch(["k": Column(strings: ["a", "a", "b"]), "v": Column.nulls(.double, count: 3), "w": Column(int64: [nil, 2, 3])])
        let output = try Aggregate(groups: ["k"], aggregations: [
            .init(.sum, "v"), .init(.min, "v"), .init(.first, "w"), .init(.last, "w"), .init(.stddev_samp, "w"), .init(.kurtosis, "w"),
        ]).apply([batch.slice(0..<1), batch.slice(1..<3)])
        expectTable(output, """
            +---+--------+--------+----------+---------+----------------+-------------+
            | k | sum(v) | min(v) | first(w) | last(w) | stddev_samp(w) | kurtosis(w) |
            +---+--------+--------+----------+---------+----------------+-------------+
            | a | NULL   | NULL   | NULL     | 2       | NULL           | NULL        |
            | b | NULL   | NULL   | 3        | 3       | NULL           | NULL        |
            +---+--------+--------+----------+---------+----------------+-------------+
            """)
    }

    @Test("Aggregations are validated: count, types, missing columns")
    func validation() throws {
        #expect(throws: GlueError.self) { try Aggregate(groups: ["a"], aggregations: []) }
        #expect(throws: GlueError.self) { try Aggregate(groups: [], aggregations: [.init(.sum, "nope")]).outputSchema(for: [sales().schema]) }
        #expect(throws: GlueError.self) { try Aggregate(groups: ["nope"], aggregations: [.init(.sum, "price")]).outputSchema(for: [sales().schema]) }
        let nested = try RecordBatch(["s": Column(.struct([Field("x", .int)]), storage: .structure([Column(int32: [1])]))])
        #expect(throws: GlueError.self) { try Aggregate(groups: [], aggregations: [.init(.sum, "s")]).outputSchema(for: [nested.schema]) }
    }
}
