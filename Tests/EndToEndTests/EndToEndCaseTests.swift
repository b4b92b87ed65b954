import Foundation
import Testing

/// The end-to-end cases of `Cases/*.json`, each played against a fresh lake by ``CaseRunner``.
@Suite struct EndToEndCaseTests {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases", isDirectory: true)

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: casesFolder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not a JSON object")
    }

    @Test("Each case file: a fresh lake, the job run through localglue, its states, rows, objects and catalog as expected", arguments: caseNames)
    func playCase(_ name: String) async throws {
        let spec = try Self.load(name)
        await CaseGate.shared.acquire()
        defer { Task { await CaseGate.shared.release() } }
        try await withTemporaryDirectory { folder in
            var runner = CaseRunner(name: name, spec: spec, folder: folder)
            let setUpStarted = ContinuousClock.now
            try await runner.setUp()
            if ProcessInfo.processInfo.environment["LOCALGLUE_E2E_TIMES"] != nil { print("case \(name): set-up \(ContinuousClock.now - setUpStarted)") }
            let started = ContinuousClock.now
            try await runner.runSteps()
            if ProcessInfo.processInfo.environment["LOCALGLUE_E2E_TIMES"] != nil { print("case \(name): steps \(ContinuousClock.now - started)") }
        }
    }

    @Test("The cases use every node type LocalGlue runs")
    func coverage() throws {
        var used = Set<String>()
        for name in Self.caseNames {
            let nodes = (try Self.load(name)["Job"] as? [String: Any])?["CodeGenConfigurationNodes"] as? [String: [String: Any]] ?? [:]
            for node in nodes.values { used.formUnion(node.keys) }
        }
        let supported: Set<String> = [
            "S3CsvSource", "S3JsonSource", "S3ParquetSource", "CatalogSource", "S3CatalogSource", "ApplyMapping", "SelectFields",
            "DropFields", "RenameField", "Spigot", "Join", "SplitFields", "SelectFromCollection", "FillMissingValues", "Filter",
            "DropNullFields", "Union", "Aggregate", "DropDuplicates", "S3DirectTarget", "S3GlueParquetTarget", "CatalogTarget", "S3CatalogTarget",
        ]
        #expect(supported.subtracting(used).sorted() == [])
    }
}
