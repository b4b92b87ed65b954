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

/// `avg` over decimals: Spark's `decimal(min(38,p+4), min(38,s+4))`, exact and HALF_UP.
@Suite struct DecimalAverageTests {
    func average(_ unscaled: [Int128?], precision: Int, scale: Int, groups: [Int64]? = nil) throws -> (DataType, [String]) {
        var builder = ColumnBuilder(.decimal(precision: precision, scale: scale))
        for value in unscaled { try builder.append(value.map { .decimal(unscaled: $0, scale: scale) } ?? .null) }
        let keys = groups ?? Array(repeating: 0, count: unscaled.count)
        let batch = try RecordBatch(["g": Column(int64: keys), "x": builder.finish()])
        let result = try Aggregate(groups: ["g"], aggregations: [.init(.avg, "x")]).apply([batch])
        let column = result.columns[1]
        return (column.dataType, column.values.map { $0.displayText(as: column.dataType) })
    }

    @Test("The result type follows Spark's Average: decimal(p+4, s+4), bounded at 38")
    func types() throws {
        #expect(try AggFunc.avg.resultType(for: .decimal(precision: 10, scale: 2)) == .decimal(precision: 14, scale: 6))
        #expect(try AggFunc.avg.resultType(for: .decimal(precision: 36, scale: 2)) == .decimal(precision: 38, scale: 6))
        #expect(try AggFunc.avg.resultType(for: .decimal(precision: 38, scale: 36)) == .decimal(precision: 38, scale: 38))
        #expect(try AggFunc.avg.resultType(for: .int) == .double)
        #expect(try AggFunc.var_pop.resultType(for: .decimal(precision: 10, scale: 2)) == .double)
    }

    @Test("Values are exact and rounded HALF_UP (away from zero); nulls are skipped; an empty group is null")
    func values() throws {
        // (1.00 + 2.00 + 2.00) / 3 = 1.666666|67 -> 1.666667
        #expect(try average([100, 200, 200, nil], precision: 10, scale: 2) == (.decimal(precision: 14, scale: 6), ["1.666667"]))
        #expect(try average([-100, -200, -200], precision: 10, scale: 2).1 == ["-1.666667"])
        // 0.0000005 rounds away from zero at scale 6: (0.01 + 0.00 + ... ) over 20_000 values.
        let tiny: [Int128?] = [1] + Array(repeating: 0, count: 19_999)
        #expect(try average(tiny, precision: 10, scale: 2).1 == ["0.000001"])
        #expect(try average(tiny.map { $0.map { -$0 } }, precision: 10, scale: 2).1 == ["-0.000001"])
        #expect(try average([nil, nil], precision: 10, scale: 2).1 == ["NULL"])
        // Groups, with values beyond 64 bits.
        let big = Int128(10).multipliedReportingOverflow(by: Int128(1) << 80).partialValue
        let (_, grouped) = try average([big, big + 1, 7, 8], precision: 30, scale: 0, groups: [1, 1, 2, 2])
        #expect(grouped == ["\(big).5000", "7.5000"])
    }

    @Test("At 38 digits the division keeps Spark's reduced scale, and a result past the precision is null")
    func wide() throws {
        // decimal(38,10): the division's scale is max(38 - 28, 6) = 10, so avg is decimal(38,14)
        // with zeros past the 10th place: 0.0000000001 / 3 rounds to 0 at the 10th place.
        let (type, thirds) = try average([1, 0, 0], precision: 38, scale: 10)
        #expect(type == .decimal(precision: 38, scale: 14))
        #expect(thirds == ["0.00000000000000"])
        let (_, twoThirds) = try average([20_000_000_000, 0, 0], precision: 38, scale: 10)
        #expect(twoThirds == ["0.66666666670000"])
        // decimal(38,0) values near 10^37 average to a number that needs 37 + 4 > 38 digits at scale 4: null.
        let huge = Decimal128.powersOfTen[37]
        #expect(try average([huge, huge], precision: 38, scale: 0).1 == ["NULL"])
    }
}
