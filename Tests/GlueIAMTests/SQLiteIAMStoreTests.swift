import GRDB
import GlueCore
import Testing

@testable import GlueIAM

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite struct SQLiteIAMStoreTests {
    let account = "123456789012"

    func store() throws -> SQLiteIAMStore {
        try SQLiteIAMStore(database: try DatabaseQueue(), accountID: account, now: { Date(timeIntervalSince1970: 1_767_225_600) })
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: sampleDataURL("iam/\(name)"), encoding: .utf8)
    }

    /// The sample world's job role, as the design documents built it.
    func jobRole(_ store: SQLiteIAMStore, corrected: Bool = false) throws {
        try store.createRole(roleName: "data-lake-test-job-role", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json"))
        try store.attachRolePolicy(roleName: "data-lake-test-job-role", policyArn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
        try store.putRolePolicy(
            roleName: "data-lake-test-job-role", policyName: "s3-access",
            policyDocument: try sample(corrected ? "data-lake-test-job-role.s3-policy.corrected.json" : "data-lake-test-job-role.s3-policy.json"))
        try store.putRolePolicy(roleName: "data-lake-test-job-role", policyName: "kms-decrypt", policyDocument: try sample("data-lake-test-job-role.kms-policy.json"))
    }

    @Test("Roles: create, get (by name or ARN, any case), list, trust update, delete with conflicts")
    func roles() throws {
        let store = try store()
        let role = try store.createRole(
            roleName: "Data-Role", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json"), path: "/etl/", description: "d")
        #expect(role.arn == "arn:aws:iam::123456789012:role/etl/Data-Role")
        #expect(role.roleId.hasPrefix("AROA") && role.roleId.count == 21)
        #expect(try store.getRole(roleName: "data-role").roleName == "Data-Role")
        #expect(try store.getRole(roleName: "arn:aws:iam::123456789012:role/etl/Data-Role").path == "/etl/")
        #expect(throws: GlueError.self) { try store.createRole(roleName: "DATA-ROLE", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json")) }
        do {
            _ = try store.getRole(roleName: "missing")
            Issue.record("found a missing role")
        } catch {
            #expect(error.code == .noSuchEntity)
            #expect(error.message == "The role with name missing cannot be found.")
        }
        #expect(try store.listRoles().map(\.roleName) == ["Data-Role"])
        #expect(try store.listRoles(pathPrefix: "/other/").isEmpty)
        // Trust policies need principals and no resources; identity policies no principals.
        #expect(throws: GlueError.self) { try store.updateAssumeRolePolicy(roleName: "Data-Role", policyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}"#) }
        #expect(throws: GlueError.self) { try store.putRolePolicy(roleName: "Data-Role", policyName: "p", policyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}"#) }
        #expect(throws: GlueError.self) { try store.putRolePolicy(roleName: "Data-Role", policyName: "p", policyDocument: "{") }
        try store.putRolePolicy(roleName: "Data-Role", policyName: "p", policyDocument: try sample("data-engineer.policy.json"))
        do {
            try store.deleteRole(roleName: "Data-Role")
            Issue.record("deleted a role with policies")
        } catch {
            #expect(error.code == .deleteConflict)
        }
        try store.deleteRolePolicy(roleName: "Data-Role", policyName: "p")
        try store.deleteRole(roleName: "Data-Role")
        #expect(try store.listRoles().isEmpty)
    }

    @Test("Paths follow IAM's pattern: / at both ends, printable ASCII without spaces in between")
    func paths() throws {
        let store = try store()
        let document = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#
        #expect(try store.createPolicy(policyName: "odd", policyDocument: document, path: "/$(id)`x`\"/").arn == "arn:aws:iam::123456789012:policy/$(id)`x`\"/odd")
        for bad in ["/a b/", "/tab\t/", "/é/", "no-slash/", "/no-slash"] {
            #expect(throws: GlueError.self) { try store.createPolicy(policyName: "p", policyDocument: document, path: bad) }
            #expect(throws: GlueError.self) {
                try store.createRole(roleName: "r", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json"), path: bad)
            }
        }
        do {
            _ = try store.createPolicy(policyName: "p", policyDocument: document, path: "/a b/")
            Issue.record("a path with a space was accepted")
        } catch {
            #expect(error.code == .validationError)
            #expect(error.message.contains("Member must satisfy regular expression pattern"))
        }
        // Nothing was stored by the refused calls: the names are still free.
        #expect(try store.createPolicy(policyName: "p", policyDocument: document, path: "/ok/").arn == "arn:aws:iam::123456789012:policy/ok/p")
        #expect(try store.createRole(roleName: "r", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json")).roleName == "r")
    }

    @Test("Inline and managed policies, attachments and boundaries")
    func policies() throws {
        let store = try store()
        try jobRole(store)
        #expect(try store.listRolePolicies(roleName: "data-lake-test-job-role") == ["kms-decrypt", "s3-access"])
        #expect(try store.getRolePolicy(roleName: "data-lake-test-job-role", policyName: "s3-access").policyDocument.contains("arn:aws:s3::data-lake-test-target-s3/*"))
        #expect(try store.listAttachedRolePolicies(roleName: "data-lake-test-job-role") == [
            IAMAttachedPolicy(policyName: "AWSGlueServiceRole", policyArn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
        ])
        let custom = try store.createPolicy(policyName: "boundary", policyDocument: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "glue:*", "kms:*", "logs:*"], "Resource": "*"}]}"#)
        #expect(custom.arn == "arn:aws:iam::123456789012:policy/boundary")
        #expect(custom.createDate == "2026-01-01T00:00:00+00:00")
        #expect(throws: GlueError.self) { try store.createPolicy(policyName: "boundary", policyDocument: #"{"Statement": []}"#) }
        try store.putRolePermissionsBoundary(roleName: "data-lake-test-job-role", permissionsBoundary: custom.arn)
        #expect(try store.managedPolicy(arn: custom.arn).attachmentCount == 0)
        try store.attachRolePolicy(roleName: "data-lake-test-job-role", policyArn: custom.arn)
        #expect(try store.managedPolicy(arn: custom.arn).attachmentCount == 1)
        try store.detachRolePolicy(roleName: "data-lake-test-job-role", policyArn: custom.arn)
        #expect(throws: GlueError.self) { try store.attachRolePolicy(roleName: "data-lake-test-job-role", policyArn: "arn:aws:iam::aws:policy/NoSuchPolicy") }
        let set = try store.policySet(roleName: "data-lake-test-job-role")
        #expect(set.identityPolicies.count == 3)
        #expect(set.permissionsBoundary != nil)
    }

    @Test("The sample job role: Glue may assume it; its write to the target is denied until the ARN is fixed")
    func sampleWorld() throws {
        let store = try store()
        try jobRole(store)
        #expect(try store.authorizeAssumeRole(roleName: "data-lake-test-job-role", servicePrincipal: "glue.amazonaws.com").decision == .allowed)
        do {
            _ = try store.assumeRole(roleName: "data-lake-test-job-role", servicePrincipal: "lambda.amazonaws.com", sessionName: "s")
            Issue.record("lambda assumed the Glue role")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message.contains("because no role trust policy allows the sts:AssumeRole action"))
        }
        let caller = try store.assumeRole(roleName: "data-lake-test-job-role", servicePrincipal: "glue.amazonaws.com", sessionName: "GlueJobRunnerSession")
        #expect(caller.arn.description == "arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession")
        #expect(caller.authorize(action: "s3:GetObject", resource: "arn:aws:s3:::data-lake-snapshot-rds-test-s3/e/part-0.parquet").decision == .allowed)
        let write = caller.authorize(action: "s3:PutObject", resource: "arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet")
        #expect(write.decision == .implicitDeny)
        #expect(write.denialMessage() == #"User: arn:aws:sts::123456789012:assumed-role/data-lake-test-job-role/GlueJobRunnerSession is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet" because no identity-based policy allows the s3:PutObject action"#)
        #expect(caller.authorize(action: "glue:GetTable", resource: "arn:aws:glue:us-east-1:123456789012:table/db/t").decision == .allowed)
        try store.putRolePolicy(roleName: "data-lake-test-job-role", policyName: "s3-access", policyDocument: try sample("data-lake-test-job-role.s3-policy.corrected.json"))
        let fixed = try store.callerIdentity(roleName: "data-lake-test-job-role", sessionName: "GlueJobRunnerSession")
        #expect(fixed.authorize(action: "s3:PutObject", resource: "arn:aws:s3:::data-lake-test-target-s3/out/part-0.parquet").decision == .allowed)
    }

    @Test("The store migrates idempotently on a shared file database")
    func sharedDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("iam-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pool = try DatabasePool(path: path)
        try SQLiteIAMStore(database: pool, accountID: account).createRole(roleName: "r", assumeRolePolicyDocument: try sample("data-lake-test-job-role.trust-policy.json"))
        let again = try SQLiteIAMStore(database: pool, accountID: account)
        #expect(try again.getRole(roleName: "r").roleName == "r")
        let identifiers = try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(identifiers == ["iam.v1-roles"])
    }
}
