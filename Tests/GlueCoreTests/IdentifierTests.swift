import GlueCore
import Testing

@Suite struct ARNTests {
    @Test("ARNs parse into their parts and print back")
    func parseAndPrint() throws {
        let arn = try ARN(parsing: "arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession")
        #expect(arn.partition == "aws")
        #expect(arn.service == "sts")
        #expect(arn.region == "")
        #expect(arn.account == "123456789012")
        #expect(arn.resource == "assumed-role/data-lake-test-job-role/GlueJobRunnerSession")
        #expect(arn.description == "arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession")
        let object = try ARN(parsing: "arn:aws:s3:::bucket/a:b/c")
        #expect(object.resource == "bucket/a:b/c")
        #expect(ARN.s3Object(bucket: "bucket", key: "a:b/c") == object)
        #expect(ARN.glueTable(region: "us-east-1", account: "123456789012", database: "db", name: "t").description
            == "arn:aws:glue:us-east-1:123456789012:table/db/t")
    }

    @Test("Malformed ARNs are rejected", arguments: [
        "arn:aws:s3::data-lake-test-target-s3/*", "aws:s3:::b", "arn::s3:::b", "arn:aws::::b", "", "arn:aws:s3:::",
    ])
    func malformed(text: String) {
        if text == "arn:aws:s3:::" {
            #expect(ARN(text)?.resource == "")
        } else {
            #expect(ARN(text) == nil)
            #expect(throws: GlueError.self) { try ARN(parsing: text) }
        }
    }
}

@Suite struct NameTests {
    @Test("Database and table names fold to lower case; job names keep case")
    func caseFolding() throws {
        #expect(try GlueName("Sales_DB", kind: .database).rawValue == "sales_db")
        #expect(try GlueName("Orders", kind: .table).rawValue == "orders")
        #expect(try GlueName("Nightly-Load", kind: .job).rawValue == "Nightly-Load")
    }

    @Test("Name rules: length and single line")
    func nameRules() {
        #expect(throws: GlueError.self) { try GlueName("", kind: .table) }
        #expect(throws: GlueError.self) { try GlueName(String(repeating: "a", count: 256), kind: .table) }
        #expect(throws: GlueError.self) { try GlueName("a\nb", kind: .database) }
        #expect((try? GlueName(String(repeating: "a", count: 255), kind: .table)) != nil)
        #expect((try? GlueName("tab\there ünïcode", kind: .job)) != nil)
    }

    @Test("S3 bucket naming rules", arguments: [
        ("data-lake-test-target-s3", true), ("ab", false), ("a.b.c", true), ("A-bucket", false),
        ("bucket-", false), ("a..b", false), ("192.168.1.1", false), ("xn--abc", false), ("abc-s3alias", false),
        (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false), ("my_bucket", false),
    ])
    func bucketNames(name: String, isValid: Bool) {
        #expect(((try? BucketName(name)) != nil) == isValid)
    }

    @Test("Account IDs are 12 digits")
    func accountIDs() throws {
        #expect(try AccountID("444455556666").rawValue == "444455556666")
        #expect(throws: GlueError.self) { try AccountID("12345") }
        #expect(throws: GlueError.self) { try AccountID("12345678901a") }
        #expect(AccountID.default.rawValue == "123456789012")
    }
}

@Suite struct GlueErrorTests {
    @Test("Errors print as the AWS CLI prints them")
    func description() {
        let error = GlueError(.entityNotFound, "Table orders not found.", operation: "GetTable")
        #expect(error.description == "An error occurred (EntityNotFoundException) when calling the GetTable operation: Table orders not found.")
        let noOperation = GlueError(.noSuchKey, "The specified key does not exist.")
        #expect(noOperation.during("GetObject").operation == "GetObject")
        #expect(noOperation.during("GetObject").during("HeadObject").operation == "GetObject")
        let withContext = noOperation.adding(context: "inner").adding(context: "outer")
        #expect(withContext.context == ["outer", "inner"])
        #expect(withContext.detailedDescription.contains("outer"))
    }

    @Test("Codes match thrown errors in catch clauses")
    func matching() {
        func fail() throws { throw GlueError(.noSuchKey, "missing") }
        var matched = false
        do { try fail() } catch GlueError.Code.noSuchKey { matched = true } catch {}
        #expect(matched)
        #expect(!(GlueError.Code.noSuchBucket ~= GlueError(.noSuchKey, "x")))
    }
}

@Suite struct S3LocationTests {
    @Test("S3 locations parse into bucket and key")
    func parse() throws {
        let location = try S3Location(parsing: "s3://data-lake-test-target-s3/orders/2024/")
        #expect(location.bucket == "data-lake-test-target-s3")
        #expect(location.key == "orders/2024/")
        #expect(location.folderPrefix == "orders/2024/")
        #expect(try S3Location(parsing: "s3://b").key == "")
        #expect(try S3Location(parsing: "s3a://b/k").description == "s3://b/k")
        #expect(try S3Location(parsing: "s3://b/k").appending("part-0.csv").key == "k/part-0.csv")
        #expect(throws: GlueError.self) { try S3Location(parsing: "/local/path") }
        #expect(throws: GlueError.self) { try S3Location(parsing: "s3:///key") }
    }
}
