import Foundation
import GRDB
import GlueCore
import GlueJobs
import GlueStorage
import Testing

/// A SparkSQL JOIN and a Swift job's join take the job's join memory budget, as the Join node does.
@Suite struct SparkSQLJoinBudgetTests {
    /// Orders joined with customers, either by a SparkSQL node or by a Join node.
    static func job(sparkSQL: Bool) -> String {
        let join = sparkSQL
            ? #"""
            "joined": {"SparkSQL": {"Name": "Joined", "Inputs": ["orders", "customers"],
                "SqlQuery": "SELECT o.order_id, c.name FROM o JOIN c ON o.cust = c.customer_id",
                "SqlAliases": [{"From": "orders", "Alias": "o"}, {"From": "customers", "Alias": "c"}]}}
            """#
            : #"""
            "joined": {"Join": {"Name": "Joined", "Inputs": ["orders", "customers"], "JoinType": "equijoin",
                "Columns": [{"From": "orders", "Keys": [["cust"]]}, {"From": "customers", "Keys": [["customer_id"]]}]}}
            """#
        return #"""
            {"Name": "budget", "Role": "arn:aws:iam::123456789012:role/job", "Command": {"Name": "glueetl"},
             "CodeGenConfigurationNodes": {
                "orders": {"S3CsvSource": {"Name": "Orders", "Paths": ["s3://raw/orders.csv"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}},
                "customers": {"S3CsvSource": {"Name": "Customers", "Paths": ["s3://raw/customers.csv"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}},
                \#(join),
                "out": {"S3DirectTarget": {"Name": "Out", "Inputs": ["joined"], "Path": "s3://out/joined/", "Format": "json"}}}}
            """#
    }

    /// The same join as a Swift job.
    static let swiftJoin = SwiftJob("budget-swift") { glueContext in
        let orders = try glueContext.createDynamicFrame(
            fromOptions: "s3", connectionOptions: ["paths": ["s3://raw/orders.csv"]], format: "csv", formatOptions: ["withHeader": true])
        let customers = try glueContext.createDynamicFrame(
            fromOptions: "s3", connectionOptions: ["paths": ["s3://raw/customers.csv"]], format: "csv", formatOptions: ["withHeader": true])
        try glueContext.writeDynamicFrame(
            try orders.join(["cust"], ["customer_id"], customers), fromOptions: "s3", connectionOptions: ["path": "s3://out/joined/"], format: "json")
    }

    static func run(sparkSQL: Bool, budget: Int?, swift: Bool = false) async throws -> (JobRun, InMemoryObjectStore) {
        let store = InMemoryObjectStore()
        try store.createBucket("raw")
        try store.createBucket("out")
        var customers = "customer_id,name\n"
        for id in 0..<2_000 { customers += "\(id),customer number \(id)\n" }
        _ = try store.putObject(bucket: "raw", key: "customers.csv", bytes: Array(customers.utf8))
        _ = try store.putObject(bucket: "raw", key: "orders.csv", bytes: Array("order_id,cust\n1,10\n2,11\n3,99999\n".utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sparksql-budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ExecutionEnvironment(objectStore: { _ in store }, temporaryFolder: folder, parallelism: 2)
        environment.joinMemoryBudget = budget
        let jobs = try JobStore(database: DatabaseQueue())
        let registry = SwiftJobRegistry()
        registry.register(swiftJoin)
        let definition = swift
            ? JobDefinition(name: "budget", role: "arn:aws:iam::123456789012:role/job", command: JobCommand(name: "glueetl", scriptLocation: swiftJoin.scriptLocation))
            : try JobDefinition.decode(json: Data(job(sparkSQL: sparkSQL).utf8))
        try jobs.createJob(definition)
        let runner = JobRunner(store: jobs, executor: SwiftJobExecutor(environment: environment, registry: registry))
        let run = await runner.execute(try runner.startJobRun(jobName: "budget"))
        return (run, store)
    }

    @Test("A SparkSQL JOIN past the budget fails with ResourceNumberLimitExceededException, like the Join node; within it, it runs")
    func budget() async throws {
        for sparkSQL in [false, true] {
            let (failed, store) = try await Self.run(sparkSQL: sparkSQL, budget: 4_096)
            #expect(failed.jobRunState == .failed, "SparkSQL: \(sparkSQL)")
            #expect(failed.errorMessage?.contains("ResourceNumberLimitExceededException") == true, "\(failed.errorMessage ?? "")")
            #expect(failed.errorMessage?.contains("memory budget") == true, "\(failed.errorMessage ?? "")")
            #expect(try store.listObjectsV2(bucket: "out", request: ListObjectsV2Request(prefix: "joined/")).contents.isEmpty)
            let (succeeded, _) = try await Self.run(sparkSQL: sparkSQL, budget: 64 << 20)
            #expect(succeeded.jobRunState == .succeeded, "\(succeeded.errorMessage ?? "")")
        }
    }

    @Test("A Swift job's DynamicFrame join takes the run's budget too")
    func swiftJob() async throws {
        let (failed, store) = try await Self.run(sparkSQL: false, budget: 4_096, swift: true)
        #expect(failed.jobRunState == .failed)
        #expect(failed.errorMessage?.contains("ResourceNumberLimitExceededException") == true, "\(failed.errorMessage ?? "")")
        #expect(try store.listObjectsV2(bucket: "out", request: ListObjectsV2Request(prefix: "joined/")).contents.isEmpty)
        let (succeeded, _) = try await Self.run(sparkSQL: false, budget: nil, swift: true)
        #expect(succeeded.jobRunState == .succeeded, "\(succeeded.errorMessage ?? "")")
    }
}
