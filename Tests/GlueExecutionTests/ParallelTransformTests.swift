import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Testing

/// Deterministic synthetic orders: `id, customer, country, quantity, price` with nulls.
func syntheticOrders(_ count: Int, morselRows: Int = 257) -> GeneratedSource {
    let countries = ["DE", "FR", "Ελλάδα", "日本", "US"]
    return GeneratedSource(schema: Schema([Field("id", .bigint), Field("customer", .bigint), Field("country", .string), Field("quantity", .int), Field("price", .double)]),
                           rowCount: count, morselRows: morselRows) { range throws(GlueError) in
        try RecordBatch([
            "id": Column(int64: range.map { Int64($0) }),
            "customer": Column(int64: range.map { $0 % 11 == 0 ? nil : Int64($0 * 7 % 97) }),
            "country": Column(strings: range.map { $0 % 13 == 0 ? nil : countries[$0 * 31 % countries.count] }),
            "quantity": Column(int32: range.map { $0 % 17 == 0 ? nil : Int32($0 % 20 + 1) }),
            "price": Column(float64: range.map { Double($0 % 1000) / 8 }),
        ])
    }
}

func customersSource() throws -> InMemorySource {
    let ids = (0..<120).map { Int64($0 % 100) }
    return try InMemorySource(RecordBatch([
        "cust_id": Column(int64: ids + [nil]),
        "segment": Column(strings: ids.map { "segment-\($0 % 7)" } + ["none"]),
    ]), morselRows: 16)
}

/// Runs a plan built by `build` at a parallelism and returns the collected result.
func runPlan(parallelism: Int, _ build: (inout Pipeline) throws -> Pipeline.NodeID) async throws -> (RecordBatch, PipelineResult) {
    var pipeline = Pipeline(options: ExecutionOptions(parallelism: parallelism, channelCapacity: 3))
    let output = try build(&pipeline)
    let sink = CollectingSink()
    try pipeline.add(sink, inputs: [output], name: "collect")
    let result = try await pipeline.run()
    return (try sink.collected(), result)
}

func sortedRows(_ batch: RecordBatch) -> [String] {
    (0..<batch.rowCount).map { row in batch.columns.map { $0.value(at: row).displayText(as: $0.dataType) }.joined(separator: "|") }.sorted()
}

@Suite struct ParallelTransformTests {
    @Test("Filter -> ApplyMapping -> Aggregate gives the same result at parallelism 1, 2 and 4")
    func aggregatePlan() async throws {
        func plan(_ pipeline: inout Pipeline) throws -> Pipeline.NodeID {
            let source = pipeline.addSource(syntheticOrders(20_000))
            let filter = try pipeline.add(Filter(FilterSpec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")])])), inputs: [source])
            let mapped = try pipeline.add(try ApplyMapping([.init("country", "string", "country", "string"), .init("quantity", "int", "qty", "long"), .init("price", "double", "price", "decimal(12,2)")]), inputs: [filter])
            return try pipeline.add(try Aggregate(groups: ["country"], aggregations: [
                .init(.sum, "qty"), .init(.count, "price"), .init(.sum, "price"), .init(.var_pop, "qty"), .init(.first, "price"), .init(.countDistinct, "price"),
            ]), inputs: [mapped])
        }
        let (one, _) = try await runPlan(parallelism: 1, plan)
        #expect(one.rowCount == 6)
        for parallelism in [2, 4] {
            let (many, _) = try await runPlan(parallelism: parallelism, plan)
            // Groups come out in order of first appearance. Moments merged from several workers may
            // differ in the last bits, so var_pop is compared with a tolerance.
            let exact = [0, 1, 2, 3, 5, 6]
            #expect(many.project(exact).prettyPrinted() == one.project(exact).prettyPrinted())
            for row in 0..<one.rowCount {
                if case .double(let a) = one.columns[4].value(at: row), case .double(let b) = many.columns[4].value(at: row) {
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(a)))
                } else {
                    #expect(one.columns[4].value(at: row) == many.columns[4].value(at: row))
                }
            }
        }
    }

    @Test("Hash joins of every type give the same rows at parallelism 1 and 3", arguments: Join.JoinType.allCases)
    func joins(type: Join.JoinType) async throws {
        func plan(_ pipeline: inout Pipeline) throws -> Pipeline.NodeID {
            let orders = pipeline.addSource(syntheticOrders(3_000))
            let customers = pipeline.addSource(try customersSource())
            return try pipeline.addJoin(try Join(type, leftKeys: ["customer"], rightKeys: ["cust_id"]), left: orders, right: customers)
        }
        let (one, _) = try await runPlan(parallelism: 1, plan)
        let (three, metrics) = try await runPlan(parallelism: 3, plan)
        #expect(sortedRows(three) == sortedRows(one))
        #expect(one.rowCount > 0)
        let buildRows = type == .right ? 3_000 : 121
        #expect(metrics.metrics.contains { $0.name.hasSuffix(".build") && $0.rowsIn == buildRows })
    }

    @Test("DropDuplicates and Union DISTINCT keep the first rows in input order at any parallelism")
    func deduplicate() async throws {
        func plan(_ pipeline: inout Pipeline) throws -> Pipeline.NodeID {
            let source = pipeline.addSource(syntheticOrders(10_000, morselRows: 100))
            let narrow = try pipeline.add(SelectFields(["country", "quantity"]), inputs: [source])
            let distinct = try pipeline.add(DropDuplicates(columns: ["country", "quantity"]), inputs: [narrow])
            let other = try pipeline.add(SelectFields(["country", "quantity"]), inputs: [source])
            return try pipeline.add(Union.make(.distinct), inputs: [distinct, other])
        }
        let (one, _) = try await runPlan(parallelism: 1, plan)
        let (two, _) = try await runPlan(parallelism: 2, plan)
        #expect(one.rowCount > 20)
        #expect(two.prettyPrinted() == one.prettyPrinted())
    }

    @Test("Map error records are counted per stage and kept with their reasons")
    func errorRecords() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let source = pipeline.addSource(syntheticOrders(1_000, morselRows: 64))
        let map = try pipeline.add(Map { record in
            if case .integer(let id) = record["id"], id % 100 == 7 { throw Boom(id: id) }
            return record
        }, inputs: [source], name: "checked")
        let sink = CountingSink()
        try pipeline.add(sink, inputs: [map])
        let result = try await pipeline.run()
        #expect(sink.rowCount == 990)
        #expect(result.metrics(named: "checked")?.errorRecords == 10)
        #expect(result.errorCount == 10)
        #expect(Set(result.errorRecords.map(\.message)) == Set((0..<10).map { "bad id \($0 * 100 + 7)" }))
        #expect(result.errorBatch.rowCount == 10)
    }
}

struct Boom: Error, CustomStringConvertible {
    var id: Int64
    var description: String { "bad id \(id)" }
}
