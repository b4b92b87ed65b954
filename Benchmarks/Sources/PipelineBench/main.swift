// PipelineBench: the compute side of the pipeline engine, on data already in memory.
//
//   PipelineBench w3 FILE [RUNS]   W3's compute portion: events Parquet loaded into batches (not
//                                  timed), then revenue = quantity * unit_price, GROUP BY country,
//                                  category: sum(revenue), count(order_id), sorted; median of RUNS
//                                  at parallelism 2, and at 1
//   PipelineBench ops [ROWS]       rows/s of Filter, ApplyMapping, hash join build and probe, and
//                                  hash aggregate on generated rows (parallelism 2)
//   PipelineBench filter [ROWS]    rows/s of Studio Filter specs on one thread (the operator
//                                  alone: no pipeline), on generated rows with nulls
import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueParquet
import GlueTransforms

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

/// revenue = quantity * unit_price (a custom columnar transform: Glue's Aggregate takes columns).
struct Revenue: CustomBatchTransform {
    var explainName: String { "Revenue" }
    func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        Schema([Field("country", .string), Field("category", .string), Field("order_id", .bigint), Field("revenue", .double)])
    }
    func transform(_ batch: RecordBatch, context: inout OperatorContext) throws(GlueError) -> RecordBatch {
        guard let country = batch.column(named: "country"), let category = batch.column(named: "category"),
              let orderID = batch.column(named: "order_id"), let quantityColumn = batch.column(named: "quantity"),
              let price = batch.column(named: "unit_price")
        else { throw GlueError(.invalidInput, "events columns missing") }
        let quantity = try quantityColumn.cast(to: .double)
        guard case .float64(let q) = quantity.storage, case .float64(let p) = price.storage else {
            throw GlueError(.invalidInput, "quantity or unit_price is not numeric")
        }
        var revenue = [Double](repeating: 0, count: batch.rowCount)
        for index in 0..<batch.rowCount { revenue[index] = q[index] * p[index] }
        let column = Column(.double, storage: .float64(revenue), validity: ValidityBitmap.intersection(quantity.validity, price.validity))
        return try RecordBatch(schema: context.outputSchema, columns: [country, category, orderID, column])
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func runW3(_ batches: [RecordBatch], parallelism: Int) throws -> RecordBatch {
    var pipeline = Pipeline(options: ExecutionOptions(parallelism: parallelism))
    let source = pipeline.addSource(try InMemorySource(batches))
    let revenue = try pipeline.add(Revenue(), inputs: [source])
    let aggregate = try pipeline.add(try Aggregate(groups: ["country", "category"], aggregations: [.init(.sum, "revenue"), .init(.count, "order_id")]), inputs: [revenue])
    let sink = CollectingSink()
    try pipeline.add(sink, inputs: [aggregate])
    _ = try pipeline.run()
    let result = try sink.collected()
    let order = Column.sortIndices(by: [SortKey(result.columns[0]), SortKey(result.columns[1])])
    return result.take(order)
}

func generated(_ rows: Int, keys: Int) -> [RecordBatch] {
    let schema = Schema([Field("id", .bigint), Field("key", .bigint), Field("quantity", .int), Field("price", .double), Field("country", .string)])
    let countries = (0..<50).map { "country-\($0)" }
    return stride(from: 0, to: rows, by: RecordBatch.defaultRowCount).map { start in
        let range = start..<min(start + RecordBatch.defaultRowCount, rows)
        var buffer = VariableWidthBuffer()
        for row in range { buffer.append(countries[(row * 7) % 50].utf8) }
        return (try? RecordBatch(schema: schema, columns: [
            Column(.bigint, storage: .int64(range.map { Int64($0) })),
            Column(.bigint, storage: .int64(range.map { Int64(($0 &* 2_654_435_761) % keys) })),
            Column(.int, storage: .int32(range.map { Int32($0 % 20 + 1) })),
            Column(.double, storage: .float64(range.map { Double($0 % 1_000) / 4 })),
            Column(.string, storage: .bytes(buffer)),
        ])) ?? RecordBatch.empty(schema)
    }
}

func rate(_ label: String, rows: Int, runs: Int = 3, _ body: () throws -> Void) throws {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try time(body)) }
    let seconds = median(times)
    print(String(format: "%-26@ %10.1f M rows/s  (%.4f s for %d rows)", label as NSString, Double(rows) / seconds / 1e6, seconds, rows))
}

func runOps(rows: Int) throws {
    let batches = generated(rows, keys: 100_000)
    let filter = Filter(FilterSpec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")])]))
    let mapping = try ApplyMapping([.init("id", "long", "order_id", "long"), .init("quantity", "int", "qty", "long"), .init("price", "double", "amount", "decimal(12,2)")])
    func single(_ operation: some BatchOperator) throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let source = pipeline.addSource(try InMemorySource(batches))
        let node = try pipeline.add(operation, inputs: [source])
        try pipeline.add(CountingSink(), inputs: [node])
        _ = try pipeline.run()
    }
    try rate("source -> sink (baseline)", rows: rows) { try single(SelectFields(["id", "key", "quantity", "price", "country"])) }
    try rate("Filter quantity > 2", rows: rows) { try single(filter) }
    try rate("ApplyMapping (3 casts)", rows: rows) { try single(mapping) }
    try rate("hash aggregate (50 groups)", rows: rows) {
        try single(try Aggregate(groups: ["country"], aggregations: [.init(.sum, "price"), .init(.count, "id")]))
    }
    try rate("hash aggregate (100k groups)", rows: rows) {
        try single(try Aggregate(groups: ["key"], aggregations: [.init(.sum, "price"), .init(.count, "id")]))
    }
    // Build: all rows into the table (the probe side is empty); probe: all rows against 100k keys.
    let buildSide = generated(100_000, keys: 100_000).map { (try? $0.withSchema(Schema([Field("b_id", .bigint), Field("b_key", .bigint), Field("b_quantity", .int), Field("b_price", .double), Field("b_country", .string)]))) ?? $0 }
    func join(build: [RecordBatch], probe: [RecordBatch]) throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let left = pipeline.addSource(try InMemorySource(probe, schema: batches[0].schema))
        let right = pipeline.addSource(try InMemorySource(build, schema: buildSide[0].schema))
        let node = try pipeline.addJoin(try Join(.equijoin, leftKeys: ["key"], rightKeys: ["b_key"]), left: left, right: right)
        try pipeline.add(CountingSink(), inputs: [node])
        _ = try pipeline.run()
    }
    let renamedAll = batches.map { (try? $0.withSchema(buildSide[0].schema)) ?? $0 }
    try rate("hash join build", rows: rows) { try join(build: renamedAll, probe: []) }
    try rate("hash join probe (100k keys)", rows: rows) { try join(build: buildSide, probe: batches) }
}

/// Studio `Filter` specs of the shapes Glue Studio users build, on one thread: the evaluator alone.
func runFilters(rows: Int) throws {
    let schema = Schema([Field("id", .bigint), Field("quantity", .int), Field("price", .double), Field("country", .string)])
    let countries = (0..<50).map { "country-\($0)" }
    let batches = stride(from: 0, to: rows, by: RecordBatch.defaultRowCount).map { start in
        let range = start..<min(start + RecordBatch.defaultRowCount, rows)
        var buffer = VariableWidthBuffer()
        for row in range { buffer.append(countries[(row * 7) % 50].utf8) }
        // Every 10th quantity and every 13th price is null.
        let quantity = Column(.int, storage: .int32(range.map { Int32($0 % 20 + 1) }), validity: ValidityBitmap(range.map { $0 % 10 != 0 }))
        let price = Column(.double, storage: .float64(range.map { Double($0 % 1_000) / 4 }), validity: ValidityBitmap(range.map { $0 % 13 != 0 }))
        return (try? RecordBatch(schema: schema, columns: [
            Column(.bigint, storage: .int64(range.map { Int64($0) })), quantity, price, Column(.string, storage: .bytes(buffer)),
        ])) ?? RecordBatch.empty(schema)
    }
    func spec(_ logical: FilterSpec.LogicalOperator, _ expressions: [FilterExpression]) -> Filter { Filter(FilterSpec(logical, expressions)) }
    let cases: [(String, Filter)] = [
        ("GT quantity 2", spec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")])])),
        ("GT AND LT (nulls)", spec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")]), FilterExpression(.lt, [.column("price"), .constant("100")])])),
        ("LTE OR GTE (nulls)", spec(.or, [FilterExpression(.lte, [.column("quantity"), .constant("3")]), FilterExpression(.gte, [.column("price"), .constant("200")])])),
        ("EQ string", spec(.and, [FilterExpression(.eq, [.column("country"), .constant("country-7")])])),
        ("NOT EQ string", spec(.and, [FilterExpression(.eq, negated: true, [.column("country"), .constant("country-7")])])),
        ("ISNULL negated", spec(.and, [FilterExpression(.isNull, negated: true, [.column("price")])])),
        ("REGEX", spec(.and, [FilterExpression(.regex, [.column("country"), .constant("country-1")])])),
    ]
    for (label, filter) in cases {
        var kept = 0
        try rate("Filter \(label)", rows: rows) {
            let (output, _) = try filter.run([batches])
            kept = output.reduce(0) { $0 + $1.rowCount }
        }
        print("    kept \(kept) rows")
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: PipelineBench w3 FILE [RUNS] | ops [ROWS] | filter [ROWS]") }
do {
    switch arguments[1] {
    case "w3":
        guard arguments.count >= 3, let data = FileManager.default.contents(atPath: arguments[2]) else { fail("usage: PipelineBench w3 FILE [RUNS]") }
        let runs = arguments.count >= 4 ? Int(arguments[3]) ?? 5 : 5
        let reader = try ParquetFileReader(source: InMemoryParquetSource(Array(data)), name: arguments[2])
        let columns = try reader.columnIndices(["order_id", "country", "category", "quantity", "unit_price"])
        let batches = try reader.readRowGroups(Array(0..<reader.metadata.rowGroups.count), columns: columns).flatMap { group in
            stride(from: 0, to: group.rowCount, by: RecordBatch.defaultRowCount).map { group.slice($0..<min($0 + RecordBatch.defaultRowCount, group.rowCount)) }
        }
        let rows = batches.reduce(0) { $0 + $1.rowCount }
        var result = RecordBatch.empty(Schema([]))
        for parallelism in [2, 1] {
            var times: [Double] = []
            for _ in 0..<runs { times.append(try time { result = try runW3(batches, parallelism: parallelism) }) }
            print(String(format: "W3 compute, parallelism %d: %.4f s median of %d (%d rows, %d groups, %.1f M rows/s)",
                         parallelism, median(times), runs, rows, result.rowCount, Double(rows) / median(times) / 1e6))
        }
        print(RecordBatch.prettyPrint([result.slice(0..<min(3, result.rowCount))], schema: result.schema))
    case "ops":
        try runOps(rows: arguments.count >= 3 ? Int(arguments[2]) ?? 2_000_000 : 2_000_000)
    case "filter":
        try runFilters(rows: arguments.count >= 3 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000)
    default:
        fail("usage: PipelineBench w3 FILE [RUNS] | ops [ROWS] | filter [ROWS]")
    }
} catch {
    fail("\(error)")
}
