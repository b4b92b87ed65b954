import Foundation
import GlueCLI
import Testing

/// The crawler commands end to end on a lake with the sample buckets, as the crawler's role.
@Suite struct CrawlerCommandTests {
    func lg(_ lake: URL, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async -> String {
        let result = await runLocalGlue(arguments + ["--lake", lake.path])
        #expect(result.exitCode == 0, "\(arguments.prefix(2)): \(result.error)", sourceLocation: sourceLocation)
        return result.output
    }

    /// A lake with the sample buckets, the database `crawled` and a role Glue may assume with `policy`.
    func makeLake(_ folder: URL, policy: String) async -> URL {
        let lake = folder.appendingPathComponent("lake")
        for bucket in ["data-lake-snapshot-rds-test-s3", "sagemaker-rawdata"] {
            _ = await lg(lake, ["s3", "mb", "s3://\(bucket)"])
            _ = await lg(lake, ["s3", "cp", repositoryRoot.appendingPathComponent("SampleData/buckets/\(bucket)").path, "s3://\(bucket)/", "--recursive"])
        }
        let trust = repositoryRoot.appendingPathComponent("SampleData/iam/data-lake-test-job-role.trust-policy.json").path
        _ = await lg(lake, ["iam", "create-role", "--role-name", "crawler-role", "--assume-role-policy-document", "file://" + trust])
        _ = await lg(lake, ["iam", "put-role-policy", "--role-name", "crawler-role", "--policy-name", "p", "--policy-document", policy])
        _ = await lg(lake, ["glue", "create-database", "--database-input", #"{"Name": "crawled"}"#])
        return lake
    }

    static let readAndCatalog = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "glue:*"], "Resource": "*"}]}"#
    static let catalogOnly = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "glue:*"], "Resource": "*"}]}"#
    static let targets = #"{"S3Targets": [{"Path": "s3://sagemaker-rawdata/raw/events/"}, {"Path": "s3://data-lake-snapshot-rds-test-s3/csv/products/"}]}"#

    @Test("create-crawler, start-crawler, get-crawler(s): the crawl makes the tables; the output matches botocore's model")
    func crawl() async throws {
        try await withTemporaryDirectory { folder in
            let lake = await makeLake(folder, policy: Self.readAndCatalog)
            _ = await lg(lake, [
                "glue", "create-crawler", "--name", "raw", "--role", "crawler-role", "--database-name", "crawled",
                "--targets", Self.targets, "--schema-change-policy", "UpdateBehavior=UPDATE_IN_DATABASE,DeleteBehavior=LOG",
                "--schedule", "cron(0 12 * * ? *)",
            ])
            let duplicate = await runLocalGlue(["glue", "create-crawler", "--name", "raw", "--role", "r", "--targets", Self.targets, "--lake", lake.path])
            #expect(duplicate.exitCode == 254)
            #expect(duplicate.error.contains("(AlreadyExistsException) when calling the CreateCrawler operation"))
            _ = await lg(lake, ["glue", "start-crawler", "--name", "raw"])
            let crawler = jsonObject(await lg(lake, ["glue", "get-crawler", "--name", "raw"]))["Crawler"] as? [String: Any]
            #expect(crawler?["State"] as? String == "READY")
            #expect((crawler?["LastCrawl"] as? [String: Any])?["Status"] as? String == "SUCCEEDED")
            let tables = jsonObject(await lg(lake, ["glue", "get-tables", "--database-name", "crawled"]))["TableList"] as? [[String: Any]]
            #expect(tables?.compactMap { $0["Name"] as? String } == ["events", "products"])
            let partitions = jsonObject(await lg(lake, ["glue", "get-partitions", "--database-name", "crawled", "--table-name", "events"]))
            #expect((partitions["Partitions"] as? [[String: Any]])?.first?["Values"] as? [String] == ["2024", "10", "28"])
            let metrics = jsonObject(await lg(lake, ["glue", "get-crawler-metrics", "--crawler-name-list", "raw"]))
            #expect(((metrics["CrawlerMetricsList"] as? [[String: Any]])?.first?["TablesCreated"] as? Int) == 2)
            #expect(jsonObject(await lg(lake, ["glue", "list-crawlers"]))["CrawlerNames"] as? [String] == ["raw"])
            _ = await lg(lake, ["glue", "update-crawler", "--name", "raw", "--table-prefix", "raw_"])
            let updated = jsonObject(await lg(lake, ["glue", "get-crawler", "--name", "raw"]))["Crawler"] as? [String: Any]
            #expect(updated?["Version"] as? Int == 2 && updated?["TablePrefix"] as? String == "raw_")
            let stop = await runLocalGlue(["glue", "stop-crawler", "--name", "raw", "--lake", lake.path])
            #expect(stop.exitCode == 254 && stop.error.contains("CrawlerNotRunningException"))

            guard let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"] else {
                print("CrawlerCommandTests: LOCALGLUE_PYTHON is not set; skipping the botocore shape checks (make test runs them)")
                return
            }
            let checks: [(String, [String])] = [
                ("GetCrawler", ["glue", "get-crawler", "--name", "raw"]),
                ("GetCrawlers", ["glue", "get-crawlers"]),
                ("ListCrawlers", ["glue", "list-crawlers"]),
                ("GetCrawlerMetrics", ["glue", "get-crawler-metrics"]),
                ("GetTable", ["glue", "get-table", "--database-name", "crawled", "--name", "events"]),
                ("GetPartitions", ["glue", "get-partitions", "--database-name", "crawled", "--table-name", "events"]),
            ]
            for (operation, arguments) in checks {
                let file = folder.appendingPathComponent("\(operation).json")
                try await lg(lake, arguments).write(to: file, atomically: true, encoding: .utf8)
                let check = try CatalogCommandTests().runPython(python, ["validate", operation, file.path])
                #expect(check.exitCode == 0, "\(operation): \(check.output)")
            }
        }
    }

    @Test("A role that cannot read the objects: the crawl ends FAILED with AWS's AccessDenied and writes nothing")
    func denied() async throws {
        await withTemporaryDirectory { folder in
            let lake = await makeLake(folder, policy: Self.catalogOnly)
            _ = await lg(lake, ["glue", "create-crawler", "--name", "raw", "--role", "crawler-role", "--database-name", "crawled", "--targets", Self.targets])
            let start = await runLocalGlue(["glue", "start-crawler", "--name", "raw", "--lake", lake.path])
            #expect(start.exitCode == 0)
            #expect(start.error.contains("Crawl FAILED"))
            let crawler = jsonObject(await lg(lake, ["glue", "get-crawler", "--name", "raw"]))["Crawler"] as? [String: Any]
            let last = crawler?["LastCrawl"] as? [String: Any]
            #expect(last?["Status"] as? String == "FAILED")
            #expect((last?["ErrorMessage"] as? String)?.contains("assumed-role/crawler-role/AWS-Crawler is not authorized to perform: s3:GetObject") == true)
            let tables = jsonObject(await lg(lake, ["glue", "get-tables", "--database-name", "crawled"]))["TableList"] as? [Any]
            #expect(tables?.isEmpty == true)

            // A role Glue may not assume fails the crawl the same way.
            let trust = repositoryRoot.appendingPathComponent("SampleData/iam/data-engineer.trust-policy.json").path
            _ = await lg(lake, ["iam", "create-role", "--role-name", "engineer", "--assume-role-policy-document", "file://" + trust])
            _ = await lg(lake, ["glue", "update-crawler", "--name", "raw", "--role", "engineer"])
            _ = await runLocalGlue(["glue", "start-crawler", "--name", "raw", "--lake", lake.path])
            let again = jsonObject(await lg(lake, ["glue", "get-crawler", "--name", "raw"]))["Crawler"] as? [String: Any]
            #expect(((again?["LastCrawl"] as? [String: Any])?["ErrorMessage"] as? String)?.contains("Service is unable to assume provided role") == true)

            // --as-role needs glue:CreateCrawler on the crawler's ARN.
            _ = await lg(lake, ["iam", "put-role-policy", "--role-name", "engineer", "--policy-name", "p", "--policy-document", #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:GetCrawler", "Resource": "*"}]}"#])
            let denied = await runLocalGlue(["--as-role", "engineer", "glue", "create-crawler", "--name", "x", "--role", "crawler-role", "--targets", Self.targets, "--lake", lake.path])
            #expect(denied.exitCode == 254)
            #expect(denied.error.contains("(AccessDeniedException) when calling the CreateCrawler operation"))
            #expect(denied.error.contains("glue:CreateCrawler on resource: arn:aws:glue:us-east-1:123456789012:crawler/x"))
        }
    }
}
