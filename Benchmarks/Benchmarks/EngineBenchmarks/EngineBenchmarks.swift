// The engine's building blocks, one benchmark each, on the events shape of the performance
// workloads (shared/reference/performance-anchors.md): CSV decode, Parquet encode and decode,
// hash join build and probe, hash aggregate, one IAM decision, and one S3 listing page.
//
// Every input is generated before timing from fixed values, so runs measure the same bytes.
// `throughput` counts iterations per second; each benchmark's name says what one iteration is.

import Benchmark
import GlueCSV
import GlueColumnar
import GlueCore
import GlueExecution
import GlueIAM
import GlueParquet
import GlueStorage
import GlueTransforms

/// The events of the workloads, `rows` of them, as CSV text (with some quoted notes holding a
/// comma, a doubled quote and a line break) and as typed batches.
struct EventsData {
    static let countries = ["United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia", "Italy", "Spain"]
    static let categories = ["electronics", "books", "clothing", "home", "garden", "toys", "sports", "beauty"]
    static let schema = Schema([
        Field("order_id", .bigint), Field("customer_id", .bigint), Field("country", .string), Field("category", .string),
        Field("event_time", .timestamp), Field("quantity", .int), Field("unit_price", .double), Field("discount", .double),
        Field("note", .string),
    ])

    let csv: [UInt8]
    let batches: [RecordBatch]

    init(rows: Int) throws {
        var text = "order_id,customer_id,country,category,event_time,quantity,unit_price,discount,note\n"
        text.reserveCapacity(rows * 96)
        for row in 0..<rows {
            let country = Self.countries[(row * 7 + row / 3) % Self.countries.count]
            let category = Self.categories[(row * 5) % Self.categories.count]
            let month = row % 12 + 1, day = row % 28 + 1, second = row % 60
            let stamp = "2025-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T10:20:\(second < 10 ? "0" : "")\(second).\(100 + row % 900)"
            let price = "\(row % 500).\(10 + row % 90)"
            let discount = row % 20 == 0 ? "" : "0.\(row % 9 + 1)"
            let note = row % 4 == 0 ? "" : (row % 50 == 1 ? "\"gift, \"\"wrap\"\"\nplease\"" : "call before delivery")
            text += "\(row + 1),\(row * 31 % 100_000),\(country),\(category),\(stamp),\(row % 20 + 1),\(price),\(discount),\(note)\n"
        }
        csv = Array(text.utf8)
        let reader = try CSVReader(schema: Self.schema, options: CSVOptions(withHeader: true, multiLine: true), workers: 1)
        batches = try reader.read(bytes: csv).batches
    }
}

/// Five policies of ten statements, the allowing one last: every statement is looked at.
func rolePolicies() throws -> PolicySet {
    var documents: [PolicyDocument] = []
    for policy in 0..<5 {
        let statements = (0..<10).map { index -> String in
            let n = policy * 10 + index
            return index % 2 == 0
                ? #"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::bucket-\#(n)", "arn:aws:s3:::bucket-\#(n)/*"]}"#
                : #"{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::kept-\#(n)/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#
        }
        documents.append(try PolicyDocument(json: #"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ","))]}"#, name: "p\(policy)"))
    }
    return PolicySet(identityPolicies: documents)
}

/// Runs one pipeline: `source batches -> operator -> counting sink`.
func runThrough(_ batches: [RecordBatch], _ operation: some BatchOperator) throws {
    var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
    let source = pipeline.addSource(try InMemorySource(batches, schema: EventsData.schema))
    let node = try pipeline.add(operation, inputs: [source])
    try pipeline.add(CountingSink(), inputs: [node])
    _ = try pipeline.run()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(2), maxIterations: 10_000)
    let events: EventsData
    let parquet: [UInt8]
    let policies: PolicySet
    let store = InMemoryObjectStore()
    do {
        events = try EventsData(rows: 65_536)
        parquet = try ParquetWriter.write(events.batches, schema: EventsData.schema)
        policies = try rolePolicies()
        _ = try store.createBucket("lake")
        for index in 0..<10_000 {
            _ = try store.putObject(bucket: "lake", key: "events/day=\(index % 100)/part-\(index).parquet", bytes: [])
        }
    } catch {
        print("could not generate the benchmark data: \(error)")
        return
    }

    Benchmark("CSV decode: 65,536 events rows (\(events.csv.count / 1_000) kB), 9 typed columns, 1 worker") { benchmark in
        let reader = try CSVReader(schema: EventsData.schema, options: CSVOptions(withHeader: true, multiLine: true), workers: 1)
        for _ in benchmark.scaledIterations { blackHole(try reader.read(bytes: events.csv).batches.count) }
    }
    Benchmark("CSV decode: 65,536 events rows, 9 typed columns, 2 workers") { benchmark in
        let reader = try CSVReader(schema: EventsData.schema, options: CSVOptions(withHeader: true, multiLine: true), workers: 2, blockSize: 1 << 20)
        for _ in benchmark.scaledIterations { blackHole(try reader.read(bytes: events.csv).batches.count) }
    }
    Benchmark("Parquet encode: 65,536 events rows, snappy, dictionary") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ParquetWriter.write(events.batches, schema: EventsData.schema).count) }
    }
    Benchmark("Parquet decode: 65,536 events rows (\(parquet.count / 1_000) kB), all columns") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = try ParquetFileReader(source: InMemoryParquetSource(parquet), name: "events.parquet")
            let groups = try reader.readRowGroups(Array(0..<reader.metadata.rowGroups.count), columns: Array(0..<EventsData.schema.count))
            blackHole(groups.count)
        }
    }
    Benchmark("Hash aggregate: 65,536 rows, GROUP BY country, category (80 groups), sum and count") { benchmark in
        let aggregate = try Aggregate(groups: ["country", "category"], aggregations: [.init(.sum, "unit_price"), .init(.count, "order_id")])
        for _ in benchmark.scaledIterations { try runThrough(events.batches, aggregate) }
    }
    Benchmark("Hash join: 65,536 probe rows against a 65,536-row build side on order_id") { benchmark in
        let renamed = Schema(EventsData.schema.fields.map { Field("b_" + $0.name, $0.dataType) })
        let build = try events.batches.map { try $0.withSchema(renamed) }
        for _ in benchmark.scaledIterations {
            var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
            let left = pipeline.addSource(try InMemorySource(events.batches, schema: EventsData.schema))
            let right = pipeline.addSource(try InMemorySource(build, schema: renamed))
            let join = try pipeline.addJoin(try Join(.equijoin, leftKeys: ["order_id"], rightKeys: ["b_order_id"]), left: left, right: right)
            try pipeline.add(CountingSink(), inputs: [join])
            _ = try pipeline.run()
        }
    }
    Benchmark("IAM decision: s3:GetObject against 5 policies / 50 statements, allowed by the last") { benchmark in
        let request = AuthorizationRequest(
            principal: ARN.assumedRole(account: "123456789012", roleName: "job-role", sessionName: "GlueJobRunnerSession"),
            action: "s3:GetObject", resource: "arn:aws:s3:::bucket-48/day=1/part-00000.parquet", context: ["aws:SecureTransport": ["true"]])
        for _ in benchmark.scaledIterations { blackHole(PolicyEvaluator.evaluate(request, policies: policies).decision == .allowed) }
    }
    Benchmark("ListObjectsV2: one 1,000-key page of 10,000 keys, prefix events/") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try store.listObjectsV2(bucket: "lake", request: ListObjectsV2Request(prefix: "events/", maxKeys: 1_000)).contents.count)
        }
    }
}
