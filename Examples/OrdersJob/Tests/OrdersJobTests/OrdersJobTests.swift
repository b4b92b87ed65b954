import Foundation
import GlueJobs
import GlueTesting
import OrdersJob
import Testing

@Suite struct OrdersJobTests {
    static let customersJSON = """
        {"id": "c1", "name": "Ada", "country": "GB"}
        {"id": "c2", "name": "Bob", "country": "DE"}
        {"id": "c3", "name": "Cyd", "country": "DE"}
        """

    static let ordersCSV = """
        order_id,customer_id,status,amount
        1,c1,SHIPPED,10.5
        2,c2,SHIPPED,20.0
        3,c3,CANCELLED,99.0
        4,c3,SHIPPED,5.25
        """

    static let arguments = [
        "--orders_path": "s3://raw/orders/", "--customers_path": "s3://raw/customers/", "--output_path": "s3://curated/revenue/",
    ]

    /// A lake with the inputs in place.
    func makeLake(rolePolicy: String = InMemoryLake.allowAllPolicy) throws -> InMemoryLake {
        let lake = try InMemoryLake(buckets: ["raw", "curated"], rolePolicy: rolePolicy)
        try lake.putObject("s3://raw/orders/2024-06-01.csv", Self.ordersCSV)
        try lake.putObject("s3://raw/customers/customers.json", Self.customersJSON)
        return lake
    }

    @Test("The transform on frames built from literals")
    func transform() throws {
        let orders = try FrameBuilder.rows("order_id: bigint, customer_id: string, status: string, amount: double", [
            [1, "c1", "SHIPPED", 10.5],
            [2, "c2", "SHIPPED", 20.0],
            [3, "c2", "PENDING", 1.0],
        ])
        let customers = try FrameBuilder.csv("""
            id,name,country
            c1,Ada,GB
            c2,Bob,DE
            """)
        try expectFrame(try OrdersTransform.revenueByCountry(orders: orders, customers: customers), equals: """
            +---------+---------+--------+
            | country | revenue | orders |
            +---------+---------+--------+
            | DE      | 20.0    | 1      |
            | GB      | 10.5    | 1      |
            +---------+---------+--------+
            """, order: .any)
    }

    @Test("The whole job against the in-memory lake: partitioned Parquet, published on success")
    func wholeJob() async throws {
        let lake = try makeLake()
        let clock = ContinuousClock()
        let started = clock.now
        let run = try await lake.run(ordersJob, arguments: Self.arguments)
        let elapsed = clock.now - started
        print("OrdersJobTests.wholeJob: the whole job ran against the in-memory lake in \(elapsed)")
        #expect(run.jobRunState == .succeeded, "\(run.errorMessage ?? "")")
        let keys = try lake.keys(under: "s3://curated/revenue/")
        #expect(keys.map { $0.split(separator: "/").dropLast().joined(separator: "/") } == ["revenue/country=DE", "revenue/country=GB"])
        let germany = try DynamicFrame.read(from: lake.objectStore, paths: ["s3://curated/revenue/country=DE/"], format: "parquet")
        try GoldenFile.check(try germany.show(), named: "revenue-country-DE.txt")
    }

    @Test("With bookmarks, a second run reads only the new order file")
    func incremental() async throws {
        let lake = try makeLake()
        let bookmarked = ["--job-bookmark-option": "job-bookmark-enable"]
        let first = try await lake.run(ordersJob, arguments: Self.arguments, defaultArguments: bookmarked)
        #expect(first.jobRunState == .succeeded, "\(first.errorMessage ?? "")")
        try await Task.sleep(for: .milliseconds(2))
        try lake.putObject("s3://raw/orders/2024-06-02.csv", "order_id,customer_id,status,amount\n5,c1,SHIPPED,1.5\n")
        try await Task.sleep(for: .milliseconds(2))
        let second = try await lake.run(ordersJob, arguments: Self.arguments, defaultArguments: bookmarked)
        #expect(second.jobRunState == .succeeded, "\(second.errorMessage ?? "")")
        let britain = try DynamicFrame.read(from: lake.objectStore, paths: ["s3://curated/revenue/country=GB/"], format: "parquet")
        try expectFrame(britain, equals: """
            +---------+--------+
            | revenue | orders |
            +---------+--------+
            | 10.5    | 1      |
            | 1.5     | 1      |
            +---------+--------+
            """, order: .any)
    }

    @Test("A role that may not write the output bucket fails the run and leaves no files")
    func deniedOutput() async throws {
        let lake = try makeLake(rolePolicy: """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"},
              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::raw/*"}]}
            """)
        let run = try await lake.run(ordersJob, arguments: Self.arguments)
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("AccessDenied") == true, "\(run.errorMessage ?? "")")
        #expect(try lake.keys(under: "s3://curated/").isEmpty)
    }

    @Test("Timing: the whole job against the in-memory lake (a figure for the log, not an assertion)")
    func timing() async throws {
        let clock = ContinuousClock()
        var durations: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<10 {
            let lake = try makeLake()
            let started = clock.now
            let cpuStarted = clock_t(Foundation.clock())
            let run = try await lake.run(ordersJob, arguments: Self.arguments)
            cpu.append(Double(Foundation.clock() - cpuStarted) * 1_000 / Double(CLOCKS_PER_SEC))
            let elapsed = clock.now - started
            durations.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
            #expect(run.jobRunState == .succeeded)
        }
        durations.sort()
        cpu.sort()
        // Wall time depends on the machine's load; CPU time (the whole process's) much less.
        print(String(
            format: "OrdersJobTests.timing: whole job, 10 runs: wall min %.1f ms, median %.1f ms, max %.1f ms; process CPU median %.1f ms",
            durations[0], durations[durations.count / 2], durations[durations.count - 1], cpu[cpu.count / 2]))
    }
}
