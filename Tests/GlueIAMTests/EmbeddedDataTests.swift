import GlueCore
import Testing

@testable import GlueIAM

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite struct EmbeddedDataTests {
    func sourcesFolder(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GlueIAM").appendingPathComponent(relative)
    }

    func files(_ folder: String) throws -> [String: String] {
        let url = sourcesFolder(folder)
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".json") {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            out[String(name.dropLast(5))] = text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        return out
    }

    @Test("The embedded copies match the JSON files (run scripts/iam-embed-data.py after editing them)")
    func inSync() throws {
        #expect(try files("ManagedPolicies") == AWSManagedPolicies.embeddedFiles)
        #expect(try files("Validation/ActionTables") == ActionTables.embeddedFiles)
    }

    @Test("The bundled managed policies parse, with AWS's names and ARNs")
    func managedPolicies() throws {
        #expect(AWSManagedPolicies.all.map(\.policyName) == [
            "AWSGlueConsoleFullAccess", "AWSGlueServiceRole", "AdministratorAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess",
        ])
        let glue = try #require(AWSManagedPolicies.policy(named: "AWSGlueServiceRole"))
        #expect(glue.arn == "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
        #expect(glue.path == "/service-role/")
        #expect(glue.document.statements.count == 6)
        #expect(AWSManagedPolicies.policy(arn: "arn:aws:iam::aws:policy/AdministratorAccess")?.document.statements.first?.actions == ["*"])
        #expect(ActionTables.shared.services.keys.sorted() == ["glue", "iam", "kms", "logs", "s3", "sts"])
        #expect(ActionTables.shared.services["s3"]?.actions["listbucket"]?.resourceTypes == ["bucket*"])
    }
}
