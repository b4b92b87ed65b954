import Foundation
import GlueCore
import GlueExport
import GlueJobs
import Testing

/// What cannot be exported with LocalGlue's semantics is refused by name, at export time.
@Suite struct RefusalTests {
    func job(_ nodes: String, role: String = "GlueJobRole") throws -> JobDefinition {
        try JobDefinition.decode(json: Data("""
            {"Name": "refused", "Role": "\(role)", "Command": {"Name": "glueetl"}, "CodeGenConfigurationNodes": {\(nodes)}}
            """.utf8))
    }

    func refusal(_ job: JobDefinition, _ target: ExportTarget) throws -> GlueError? {
        do {
            _ = try ExportTestLake().exporter(job).export(target)
            return nil
        } catch let error as GlueError {
            return error
        }
    }

    static let target = #""out": {"S3DirectTarget": {"Name": "Out", "Inputs": ["step"], "Path": "s3://curated/out/", "Format": "parquet"}}"#
    static let parquet = #""src": {"S3ParquetSource": {"Name": "Src", "Paths": ["s3://raw/in/"]}}"#

    @Test func spigotWithProbIsRefusedForPySparkByName() throws {
        let spigot = try job(Self.parquet + #", "step": {"Spigot": {"Name": "Peek", "Inputs": ["src"], "Path": "s3://s/p/", "Prob": 0.5}}, "# + Self.target)
        let error = try #require(try refusal(spigot, .pyspark))
        #expect(error.code == .invalidInput)
        #expect(error.message.hasPrefix("node 'Peek' [step] (Spigot) cannot be exported to pyspark: Spigot with Prob"))
        #expect(try refusal(spigot, .glue) == nil)
        let topk = try job(Self.parquet + #", "step": {"Spigot": {"Name": "Peek", "Inputs": ["src"], "Path": "s3://s/p/", "Topk": 5}}, "# + Self.target)
        #expect(try refusal(topk, .pyspark) == nil)
    }

    @Test func csvSourceWithoutDeclaredColumnsIsRefusedForPySpark() throws {
        let csv = try job(
            #""src": {"S3CsvSource": {"Name": "Raw", "Paths": ["s3://raw/in/"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}}, "step": {"DropDuplicates": {"Name": "Dedupe", "Inputs": ["src"]}}, "#
                + Self.target)
        let error = try #require(try refusal(csv, .pyspark))
        #expect(error.message.contains("node 'Raw' [src] (S3CsvSource)"))
        #expect(error.message.contains("OutputSchemas"))
        #expect(try refusal(csv, .glue) == nil)
    }

    @Test func unsupportedSQLIsRefusedWithTheParserMessage() throws {
        let sql = try job(
            Self.parquet
                + #", "step": {"SparkSQL": {"Name": "Ranked", "Inputs": ["src"], "SqlQuery": "SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) AS r FROM t", "SqlAliases": [{"From": "src", "Alias": "t"}]}}, "#
                + Self.target)
        let error = try #require(try refusal(sql, .pyspark))
        #expect(error.message.hasPrefix("node 'Ranked' [step] (SparkSQL) cannot be exported to pyspark: its query is not SQL LocalGlue runs"))
    }

    @Test func untypedNumericFilterConstantIsRefusedForGlue() throws {
        let filter = try job(
            Self.parquet
                + #", "step": {"Filter": {"Name": "Big", "Inputs": ["src"], "LogicalOperator": "AND", "Filters": [{"Operation": "GT", "Values": [{"Type": "COLUMNEXTRACTED", "Value": ["amount"]}, {"Type": "CONSTANT", "Value": ["100"]}]}]}}, "#
                + Self.target)
        let error = try #require(try refusal(filter, .glue))
        #expect(error.message.hasPrefix("node 'Big' [step] (Filter) cannot be exported to glue: the type of column 'amount' is not known"))
        // PySpark types the constant at run time, like the column it meets.
        #expect(try refusal(filter, .pyspark) == nil)
    }

    @Test func nestedFieldsAreRefusedForPySpark() throws {
        let select = try job(Self.parquet + #", "step": {"SelectFields": {"Name": "Pick", "Inputs": ["src"], "Paths": [["address", "city"]]}}, "# + Self.target)
        #expect(try refusal(select, .pyspark)?.message.contains("(SelectFields) cannot be exported to pyspark: SelectFields of nested fields") == true)
    }

    @Test func missingRoleIsNoSuchEntityNamingIt() throws {
        let plain = try job(Self.parquet + #", "step": {"DropDuplicates": {"Name": "D", "Inputs": ["src"]}}, "# + Self.target, role: "arn:aws:iam::123456789012:role/absent-role")
        let error = try #require(try refusal(plain, .glue))
        #expect(error.code == .noSuchEntity)
        #expect(error.message.contains("absent-role"))
        #expect(try refusal(plain, .pyspark) == nil)
    }

    @Test func unsupportedNodeTypesAreRejectedByName() throws {
        let text = #"{"Name": "refused", "Role": "GlueJobRole", "Command": {"Name": "glueetl"}, "CodeGenConfigurationNodes": {"src": {"RedshiftSource": {"Name": "Warehouse", "Database": "d", "Table": "t"}}, "step": {"DropDuplicates": {"Name": "D", "Inputs": ["src"]}}, "#
            + Self.target + "}}"
        do {
            let job = try JobDefinition.decode(json: Data(text.utf8))
            Issue.record("decoded \(job.name)")
        } catch {
            #expect(error.message.contains("RedshiftSource"))
        }
    }
}
