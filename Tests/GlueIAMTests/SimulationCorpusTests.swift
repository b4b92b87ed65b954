import GlueCore
import Testing

@testable import GlueIAM

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The repository's `SampleData/`, found from this file's path.
func sampleDataURL(_ relative: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData").appendingPathComponent(relative)
}

@Suite struct SimulationCorpusTests {
    @Test("Every case of SampleData/iam/cases decides as expected")
    func corpus() throws {
        let folder = sampleDataURL("iam/cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 10)
        var total = 0
        var ids = Set<String>()
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let outcomes = try SimulationCaseRunner.run(json: text)
            for outcome in outcomes {
                total += 1
                #expect(ids.insert(outcome.id).inserted, "duplicate id \(outcome.id)")
                #expect(outcome.error == nil, "\(file): \(outcome.id): \(outcome.error ?? "")")
                #expect(outcome.expected != nil, "\(file): \(outcome.id) has no expectation")
                #expect(outcome.passed, "\(file): \(outcome.jsonLine) \(outcome.message ?? "")")
            }
        }
        #expect(total >= 250)
    }

    @Test("Case lines, errors and the service-principal form")
    func runnerShapes() throws {
        let text = #"""
            [{"id": "a", "policies": {"identity": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}]},
              "request": {"principal": "arn:aws:iam::111122223333:role/R", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
                          "context": {"aws:SecureTransport": true, "aws:TagKeys": ["x", 1]}}, "expect": "explicit-deny"},
             {"id": "b", "policies": {"identity": [{"Statement": {"Effect": "Maybe", "Action": "*"}}]},
              "request": {"principal": "arn:aws:iam::111122223333:role/R", "action": "s3:GetObject", "resource": "*"}},
             {"id": "c", "policies": {"identity": [], "resource": [{"Statement": {"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}}]},
              "request": {"principal": "glue.amazonaws.com", "action": "sts:AssumeRole", "resource": "arn:aws:iam::111122223333:role/R"}, "expect": "allow"}]
            """#
        let outcomes = try SimulationCaseRunner.run(json: text)
        #expect(outcomes.map(\.jsonLine) == [
            #"{"id":"a","decision":"allow","expected":"explicit-deny"}"#,
            #"{"id":"b","error":"case b, policy at $[1].policies.identity[0]: Invalid effect: \"Maybe\" (Effect must be \"Allow\" or \"Deny\") (at line 3, column 19, path $.Statement.Effect)"}"#,
            #"{"id":"c","decision":"allow"}"#,
        ])
        #expect(outcomes.map(\.passed) == [false, false, true])
        #expect(throws: GlueError.self) { try SimulationCaseRunner.run(json: "[1,") }
    }
}
