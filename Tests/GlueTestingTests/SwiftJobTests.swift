import Foundation
import GlueColumnar
import GlueCore
import GlueJobs
import GlueTesting
import Testing

/// The example job of these tests: orders (CSV) joined with customers (JSON), shipped orders
/// only, written as Parquet.
let shippedOrdersJob = SwiftJob("shipped-orders") { glueContext in
    let args = try getResolvedOptions(glueContext.arguments, ["JOB_NAME", "orders", "customers", "output"])
    let job = try Job(glueContext, name: args["JOB_NAME"], arguments: args)
    let orders = try glueContext.createDynamicFrame(
        connectionOptions: ["paths": [args["orders"] ?? ""]], format: "csv", formatOptions: ["withHeader": true],
        transformationContext: "orders")
    let customers = try glueContext.createDynamicFrame(
        connectionOptions: ["paths": [args["customers"] ?? ""]], format: "json", transformationContext: "customers")
    let shipped = try orders
        .applyMapping([
            ("order_id", "long", "order_id", "long"), ("customer", "string", "customer_id", "string"),
            ("status", "string", "status", "string"), ("amount", "double", "amount", "double"),
        ])
        .filter(transformationContext: "shipped") { record in record["status"] == .string("SHIPPED") }
    let enriched = try shipped.join(["customer_id"], ["id"], customers, transformationContext: "enriched").dropFields(["id", "status"])
    try glueContext.writeDynamicFrame(
        enriched, connectionOptions: ["path": .text(args["output"] ?? "")], format: "parquet", transformationContext: "sink")
    job.commit()
}

@Suite struct SwiftJobTests {
    static let ordersCSV = """
        order_id,customer,status,amount
        1,ada,SHIPPED,12.5
        2,bob,PENDING,3.0
        3,ada,SHIPPED,7.25
        4,cyd,SHIPPED,1.0
        """

    func makeLake(rolePolicy: String = InMemoryLake.allowAllPolicy) throws -> InMemoryLake {
        let lake = try InMemoryLake(buckets: ["raw", "curated"], rolePolicy: rolePolicy)
        try lake.putObject("s3://raw/orders/part-1.csv", Self.ordersCSV)
        try lake.putObject("s3://raw/customers/all.json", """
            {"id": "ada", "name": "Ada Lovelace"}
            {"id": "bob", "name": "Bob Babbage"}
            {"id": "cyd", "name": "Cyd Hopper"}
            """)
        return lake
    }

    let arguments = ["--orders": "s3://raw/orders/", "--customers": "s3://raw/customers/", "--output": "s3://curated/shipped/"]

    @Test("A Swift job runs through the runner as the job's role and publishes its output")
    func wholeJob() async throws {
        let lake = try makeLake()
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let warm = try makeLake()
            let started = clock.now
            _ = try await warm.run(shippedOrdersJob, arguments: arguments)
            print("SwiftJobTests.wholeJob: whole Swift job against the in-memory lake in \(clock.now - started)")
        }
        let run = try await lake.run(shippedOrdersJob, arguments: arguments)
        #expect(run.jobRunState == .succeeded, "\(run.errorMessage ?? "")")
        let keys = try lake.keys(under: "s3://curated/shipped/")
        #expect(keys.count == 1)
        #expect(keys.first?.hasSuffix(".snappy.parquet") == true)
        let written = try DynamicFrame.read(from: lake.objectStore, paths: ["s3://curated/shipped/"], format: "parquet")
        try expectFrame(written, equals: """
            +----------+-------------+--------+--------------+
            | order_id | customer_id | amount | name         |
            +----------+-------------+--------+--------------+
            | 1        | ada         | 12.5   | Ada Lovelace |
            | 3        | ada         | 7.25   | Ada Lovelace |
            | 4        | cyd         | 1.0    | Cyd Hopper   |
            +----------+-------------+--------+--------------+
            """, order: .any)
    }

    @Test("A role whose policy does not allow writing the target fails the run and publishes nothing")
    func deniedWrite() async throws {
        let readOnly = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]}
            """
        let lake = try makeLake(rolePolicy: readOnly)
        let run = try await lake.run(shippedOrdersJob, arguments: arguments)
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("AccessDenied") == true, "\(run.errorMessage ?? "")")
        #expect(try lake.keys(under: "s3://curated/").isEmpty)
    }

    @Test("A role Glue may not assume fails the run with Glue's message")
    func untrustedRole() async throws {
        let lake = try makeLake()
        try lake.createRole(
            "ec2-only", policy: InMemoryLake.allowAllPolicy,
            trustPolicy: """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                """)
        let run = try await lake.run(shippedOrdersJob, role: "ec2-only", arguments: arguments)
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("unable to assume provided role") == true, "\(run.errorMessage ?? "")")
    }

    @Test("A missing required argument fails the run with getResolvedOptions' message")
    func missingArgument() async throws {
        let lake = try makeLake()
        let run = try await lake.run(shippedOrdersJob, arguments: ["--orders": "s3://raw/orders/"])
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("the following arguments are required: --customers, --output") == true, "\(run.errorMessage ?? "")")
    }

    @Test("With bookmarks enabled a second run reads only the new object; without commit the bookmark stays")
    func bookmarks() async throws {
        let lake = try makeLake()
        let counted = CountLog()
        let countingJob = SwiftJob("count-orders") { glueContext in
            let job = try Job(glueContext)
            let orders = try glueContext.createDynamicFrame(
                connectionOptions: ["paths": ["s3://raw/orders/"]], format: "csv", formatOptions: ["withHeader": true],
                transformationContext: "orders")
            counted.append(try orders.count())
            if glueContext.arguments["--commit"] != "false" { job.commit() }
        }
        let enable = ["--job-bookmark-option": "job-bookmark-enable"]
        #expect(try await lake.run(countingJob, defaultArguments: enable).jobRunState == .succeeded)
        try await Task.sleep(for: .milliseconds(5))
        try lake.putObject("s3://raw/orders/part-2.csv", "order_id,customer,status,amount\n5,bob,SHIPPED,2.0\n")
        try await Task.sleep(for: .milliseconds(5))
        #expect(try await lake.run(countingJob, arguments: ["--commit": "false"], defaultArguments: enable).jobRunState == .succeeded)
        #expect(try await lake.run(countingJob, defaultArguments: enable).jobRunState == .succeeded)
        #expect(try await lake.run(countingJob, defaultArguments: enable).jobRunState == .succeeded)
        #expect(counted.values == [4, 1, 1, 0])
    }

    @Test("A JSON job runs against the in-memory lake")
    func jsonJob() async throws {
        let lake = try makeLake()
        let run = try await lake.run(jobJSON: """
            {"Name": "orders-to-json", "Command": {"Name": "glueetl"}, "CodeGenConfigurationNodes": {
              "node-src": {"S3CsvSource": {"Name": "orders", "Paths": ["s3://raw/orders/"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}},
              "node-sel": {"SelectFields": {"Name": "select", "Inputs": ["node-src"], "Paths": [["order_id"], ["amount"]]}},
              "node-out": {"S3DirectTarget": {"Name": "out", "Inputs": ["node-sel"], "Path": "s3://curated/json/", "Format": "json"}}
            }}
            """)
        #expect(run.jobRunState == .succeeded, "\(run.errorMessage ?? "")")
        let written = try DynamicFrame.read(from: lake.objectStore, paths: ["s3://curated/json/"], format: "json")
        #expect(try written.count() == 4)
    }

    @Test("A Swift job that is not registered fails with a message saying where to run it")
    func unregistered() async throws {
        let lake = try makeLake()
        var definition = JobDefinition(name: "ghost", role: InMemoryLake.defaultRoleName, command: JobCommand(scriptLocation: "swift:ghost"))
        definition.defaultArguments = [:]
        let run = try await lake.run(definition)
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("Swift job ghost is not part of this program") == true, "\(run.errorMessage ?? "")")
    }
}

/// Values appended by job bodies (which run on other threads).
final class CountLog: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ value: Int) { storage.withLock { $0.append(value) } }
    var values: [Int] { storage.withLock { $0 } }
}

import Synchronization
