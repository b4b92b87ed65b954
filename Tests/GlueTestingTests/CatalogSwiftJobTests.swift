import Foundation
import GlueCatalog
import GlueJobs
import GlueTesting
import Testing

/// Orders (CSV files) joined with a catalog table of customers, written into a partitioned
/// catalog table whose new partitions are registered.
let catalogOrdersJob = SwiftJob("catalog-orders") { glueContext in
    let job = try Job(glueContext)
    let orders = try glueContext.createDynamicFrame(
        connectionOptions: ["paths": ["s3://raw/orders/"]], format: "csv", formatOptions: ["withHeader": true], transformationContext: "orders")
    let customers = try glueContext.createDynamicFrame(fromCatalog: "sales", tableName: "customers", transformationContext: "customers")
    let joined = try orders.join(["customer"], ["id"], customers).selectFields(["order_id", "amount", "country"])
    try glueContext.writeDynamicFrame(
        joined, fromCatalog: "sales", tableName: "orders_by_country", additionalOptions: ["enableUpdateCatalog": true],
        transformationContext: "sink")
    job.commit()
}

@Suite struct CatalogSwiftJobTests {
    func makeLake(rolePolicy: String = InMemoryLake.allowAllPolicy) throws -> InMemoryLake {
        let lake = try InMemoryLake(buckets: ["raw", "curated"], rolePolicy: rolePolicy)
        try lake.putObject("s3://raw/orders/a.csv", "order_id,customer,amount\n1,ada,12.5\n2,bob,3.0\n3,ada,1.5\n")
        try lake.putObject("s3://raw/customers/all.json", "{\"id\": \"ada\", \"country\": \"GB\"}\n{\"id\": \"bob\", \"country\": \"DE\"}\n")
        try lake.createTable(database: "sales", name: "customers", columns: "id: string, country: string", location: "s3://raw/customers/", format: "json")
        try lake.createTable(
            database: "sales", name: "orders_by_country", columns: "order_id: bigint, amount: double", location: "s3://curated/orders/",
            format: "parquet", partitionKeys: "country: string")
        return lake
    }

    @Test("fromCatalog reads a table and writeDynamicFrame(fromCatalog:) registers the partitions it wrote")
    func catalogJob() async throws {
        let lake = try makeLake()
        let run = try await lake.run(catalogOrdersJob)
        #expect(run.jobRunState == .succeeded, "\(run.errorMessage ?? "")")
        let partitions = try lake.catalog.getPartitions(GetPartitionsRequest(databaseName: "sales", tableName: "orders_by_country"))
        #expect((partitions.partitions ?? []).compactMap { $0.values?.first }.sorted() == ["DE", "GB"])
        let written = try DynamicFrame.read(from: lake.objectStore, paths: ["s3://curated/orders/country=GB/"], format: "parquet")
        try expectFrame(written, equals: """
            +----------+--------+
            | order_id | amount |
            +----------+--------+
            | 1        | 12.5   |
            | 3        | 1.5    |
            +----------+--------+
            """, order: .any)
    }

    @Test("A role without glue:GetTable cannot read the catalog table, and the run writes nothing")
    func catalogDenied() async throws {
        let lake = try makeLake(rolePolicy: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
            """)
        let run = try await lake.run(catalogOrdersJob)
        #expect(run.jobRunState == .failed)
        #expect(run.errorMessage?.contains("AccessDeniedException") == true, "\(run.errorMessage ?? "")")
        #expect(try lake.keys(under: "s3://curated/").isEmpty)
    }
}
