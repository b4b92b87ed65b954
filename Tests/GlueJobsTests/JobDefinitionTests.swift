import Foundation
import GlueCore
import GlueJobs
import Testing

@Suite struct JobDefinitionTests {
    static let exampleURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData/jobs/orders-csv-to-parquet.json")

    func example() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.exampleURL)) as? [String: Any] ?? [:]
    }

    func decode(_ object: [String: Any]) throws -> JobDefinition {
        try JobDefinition.decode(json: JSONSerialization.data(withJSONObject: object))
    }

    func expectInvalid(_ object: [String: Any], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try decode(object)
            Issue.record("expected InvalidInputException containing \"\(fragment)\"", sourceLocation: sourceLocation)
        } catch let error as GlueError {
            #expect(error.code == .invalidInput, sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "message: \(error.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    func mutatingNode(_ id: String, _ body: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var job = try example()
        var nodes = job["CodeGenConfigurationNodes"] as? [String: Any] ?? [:]
        var node = nodes[id] as? [String: Any] ?? [:]
        body(&node)
        nodes[id] = node
        job["CodeGenConfigurationNodes"] = nodes
        return job
    }

    func mutatingMember(_ id: String, _ member: String, _ body: (inout [String: Any]) -> Void) throws -> [String: Any] {
        try mutatingNode(id) { node in
            var fields = node[member] as? [String: Any] ?? [:]
            body(&fields)
            node[member] = fields
        }
    }

    @Test("The Glue Studio example job decodes, validates and orders its nodes")
    func exampleJob() throws {
        let job = try decode(try example())
        #expect(job.name == "orders-csv-to-parquet")
        #expect(job.jobMode == "VISUAL")
        #expect(job.effectiveTimeoutMinutes == 60)
        #expect(job.maxConcurrentRuns == 1)
        let graph = try JobGraph(nodes: try #require(job.codeGenConfigurationNodes))
        #expect(graph.order == ["node-1", "node-2", "node-3", "node-4"])
        #expect(graph.consumers(of: "node-2") == ["node-3"])
        guard case .s3CsvSource(let source)? = graph.nodes["node-1"] else {
            Issue.record("node-1 is not an S3CsvSource")
            return
        }
        #expect(source.withHeader == true)
        #expect(source.outputSchemas?.first?.columns?.map(\.name) == ["order_id", "amount", "country", "order_date"])
        // Encoding and decoding again gives the same definition.
        let reencoded = try JSONEncoder().encode(job)
        #expect(try JobDefinition.decode(json: reencoded) == job)
    }

    @Test("The mutations Glue's strict checker rejects are rejected, naming the node")
    func strictChecks() throws {
        expectInvalid(try mutatingMember("node-3", "Filter") { $0["LogicalOperator"] = "XOR" }, "Node node-3 (Filter \"Large orders\"): LogicalOperator \"XOR\"")
        expectInvalid(try mutatingMember("node-2", "ApplyMapping") { $0["Inputs"] = ["node-1", "node-3"] }, "Inputs must name exactly 1 node, found 2")
        expectInvalid(try mutatingMember("node-1", "S3CsvSource") { $0["QuoteChar"] = nil }, "missing required field QuoteChar")
    }

    @Test("Graph rules: dangling inputs, cycles, arity, unsupported and unknown node types")
    func graphRules() throws {
        expectInvalid(try mutatingMember("node-2", "ApplyMapping") { $0["Inputs"] = ["node-9"] }, "\"node-9\", which is not a node of this job")
        var cyclic = try mutatingMember("node-2", "ApplyMapping") { $0["Inputs"] = ["node-3"] }
        expectInvalid(cyclic, "form a cycle")
        cyclic = try example()
        var nodes = cyclic["CodeGenConfigurationNodes"] as? [String: Any] ?? [:]
        nodes["node-5"] = ["JDBCConnectorSource": ["Name": "Orders DB", "ConnectionName": "c", "ConnectorName": "n", "ConnectionType": "jdbc"]]
        cyclic["CodeGenConfigurationNodes"] = nodes
        expectInvalid(cyclic, "JDBCConnectorSource nodes cannot run locally")
        nodes["node-5"] = ["MagicSource": ["Name": "x"]]
        cyclic["CodeGenConfigurationNodes"] = nodes
        expectInvalid(cyclic, "MagicSource is not a Glue node type")
        nodes["node-5"] = ["S3JsonSource": ["Name": "a", "Paths": ["s3://b/"]], "S3ParquetSource": ["Name": "b", "Paths": ["s3://b/"]]]
        cyclic["CodeGenConfigurationNodes"] = nodes
        expectInvalid(cyclic, "exactly one node type, but sets S3JsonSource, S3ParquetSource")
        expectInvalid(try mutatingMember("node-4", "S3GlueParquetTarget") { $0["Path"] = "/local/path" }, "is not an S3 location")
        expectInvalid(try mutatingMember("node-2", "ApplyMapping") { $0["Mapping"] = [["ToKey": "a", "FromPath": ["a"], "FromType": "string", "ToType": "strng"]] }, "\"strng\", which is not a Glue type")
        expectInvalid(try mutatingMember("node-3", "Filter") { $0["Inputs"] = ["node-4"] }, "names the target node node-4")
    }

    @Test("Top-level fields: unknown names and out-of-range values are rejected")
    func topLevelFields() throws {
        var job = try example()
        job["Timeot"] = 5
        expectInvalid(job, "Unknown parameter in input: \"Timeot\"")
        job = try example()
        job["Timeout"] = 0
        expectInvalid(job, "Timeout must be between 1 and 10080")
        job = try example()
        job["Name"] = "bad\nname"
        expectInvalid(job, "failed to satisfy constraint")
        job = try example()
        job["CodeGenConfigurationNodes"] = ["node-1": (job["CodeGenConfigurationNodes"] as? [String: Any])?["node-1"] as Any]
        expectInvalid(job, "no target node")
    }

    @Test("Timeout defaults follow the Glue version")
    func defaultTimeouts() {
        var job = JobDefinition(name: "j", role: "r")
        #expect(job.effectiveTimeoutMinutes == 480)
        job.glueVersion = "4.0"
        #expect(job.effectiveTimeoutMinutes == 2_880)
    }
}
