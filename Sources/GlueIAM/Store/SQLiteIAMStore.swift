import GRDB
import GlueCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The lake's IAM state in SQLite: roles with trust policies, inline policies, attached managed
/// policies and permissions boundaries, and customer managed policies. AWS managed policies come
/// from the bundled documents (``AWSManagedPolicies``). Methods mirror the IAM API.
///
/// The store runs its own migrator (identifiers `iam.v1-...`) on the writer it is given, so it can
/// share the lake's database with the other areas.
public final class SQLiteIAMStore: Sendable {
    private let writer: any DatabaseWriter
    /// The account the roles and policies belong to.
    public let accountID: String
    private let now: @Sendable () -> Date

    /// Opens the store on a database, migrating it.
    ///
    /// - Throws: `InternalServiceException` when the migration fails.
    public init(database: any DatabaseWriter, accountID: String, now: @escaping @Sendable () -> Date = { Date() })
        throws(GlueError)
    {
        self.writer = database
        self.accountID = accountID
        self.now = now
        do {
            try SQLiteIAMStore.migrator.migrate(database)
        } catch {
            throw GlueError(.internalService, "Cannot migrate the IAM tables: \(error)", cause: SendableDescription(error))
        }
    }

    /// The IAM area's migrations.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("iam.v1-roles") { db in
            try db.execute(
                sql: """
                    CREATE TABLE iam_role (
                        role_name TEXT PRIMARY KEY COLLATE NOCASE,
                        role_id TEXT NOT NULL,
                        path TEXT NOT NULL,
                        assume_role_policy_document TEXT NOT NULL,
                        description TEXT,
                        max_session_duration INTEGER NOT NULL DEFAULT 3600,
                        permissions_boundary_arn TEXT,
                        create_date REAL NOT NULL
                    );
                    CREATE TABLE iam_role_policy (
                        role_name TEXT NOT NULL COLLATE NOCASE REFERENCES iam_role(role_name) ON DELETE CASCADE,
                        policy_name TEXT NOT NULL,
                        policy_document TEXT NOT NULL,
                        PRIMARY KEY (role_name, policy_name)
                    );
                    CREATE TABLE iam_policy (
                        arn TEXT PRIMARY KEY,
                        policy_name TEXT NOT NULL,
                        policy_id TEXT NOT NULL,
                        path TEXT NOT NULL,
                        description TEXT,
                        default_version_id TEXT NOT NULL,
                        policy_document TEXT NOT NULL,
                        create_date REAL NOT NULL,
                        update_date REAL NOT NULL
                    );
                    CREATE TABLE iam_role_attached_policy (
                        role_name TEXT NOT NULL COLLATE NOCASE REFERENCES iam_role(role_name) ON DELETE CASCADE,
                        policy_arn TEXT NOT NULL,
                        PRIMARY KEY (role_name, policy_arn)
                    );
                    """)
        }
        return migrator
    }

    // MARK: - Helpers

    private func read<T>(_ body: @Sendable (Database) throws -> T) throws(GlueError) -> T {
        do {
            return try writer.read(body)
        } catch let error as GlueError {
            throw error
        } catch {
            throw GlueError(.internalService, "IAM store read failed: \(error)", cause: SendableDescription(error))
        }
    }

    private func write<T>(_ body: @Sendable (Database) throws -> T) throws(GlueError) -> T {
        do {
            return try writer.write(body)
        } catch let error as GlueError {
            throw error
        } catch {
            throw GlueError(.internalService, "IAM store write failed: \(error)", cause: SendableDescription(error))
        }
    }

    private static func validateName(_ name: String, what: String, maximum: Int) throws(GlueError) {
        let allowed = name.unicodeScalars.allSatisfy(SQLiteIAMStore.isNameScalar)
        guard !name.isEmpty, name.count <= maximum, allowed else {
            throw GlueError(
                .validationError,
                "1 validation error detected: Value '\(name)' at '\(what)' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length between 1 and \(maximum)")
        }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x30 && value <= 0x39 { return true }
        if value >= 0x41 && value <= 0x5A { return true }
        if value >= 0x61 && value <= 0x7A { return true }
        return "+=,.@_-".unicodeScalars.contains(scalar)
    }

    private static func validatePath(_ path: String) throws(GlueError) {
        guard path.hasPrefix("/"), path.hasSuffix("/"), path.count <= 512 else {
            throw GlueError(
                .validationError,
                "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.")
        }
        // IAM's pattern for paths: (\u002F)|(\u002F[\u0021-\u007E]+\u002F), printable ASCII without spaces.
        guard path.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
            throw GlueError(
                .validationError,
                "1 validation error detected: Value '\(path)' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")
        }
    }

    private static func randomID(_ prefix: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<17).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// Parses an identity policy as IAM does on save: the JSON must parse and must not name a principal.
    static func checkIdentityPolicy(_ json: String) throws(GlueError) -> PolicyDocument {
        let document = try PolicyDocument(json: json)
        if document.statements.contains(where: { $0.principals != nil }) {
            throw GlueError(.malformedPolicyDocument, "Policy document should not specify a principal.")
        }
        return document
    }

    /// Parses a trust policy as IAM does on save: every statement names a principal, none a resource.
    static func checkTrustPolicy(_ json: String) throws(GlueError) -> PolicyDocument {
        let document = try PolicyDocument(json: json)
        for statement in document.statements {
            if statement.resources != nil {
                throw GlueError(.malformedPolicyDocument, "Has prohibited field Resource")
            }
            if statement.principals == nil {
                throw GlueError(.malformedPolicyDocument, "Missing required field Principal")
            }
        }
        return document
    }

    private static func role(_ row: Row, accountID: String) -> IAMRole {
        let name: String = row["role_name"]
        let path: String = row["path"]
        return IAMRole(
            roleName: name, roleId: row["role_id"], arn: "arn:aws:iam::\(accountID):role\(path)\(name)", path: path,
            assumeRolePolicyDocument: row["assume_role_policy_document"], description: row["description"],
            maxSessionDuration: row["max_session_duration"], permissionsBoundaryArn: row["permissions_boundary_arn"],
            createDate: Date(timeIntervalSince1970: row["create_date"]))
    }

    private static func noSuchRole(_ name: String) -> GlueError {
        GlueError(.noSuchEntity, "The role with name \(name) cannot be found.")
    }

    // MARK: - Roles

    /// Mirrors IAM `CreateRole`.
    ///
    /// - Throws: `EntityAlreadyExists`, `MalformedPolicyDocument`, `ValidationError`, `NoSuchEntity`
    ///   (boundary policy).
    @discardableResult
    public func createRole(
        roleName: String, assumeRolePolicyDocument: String, path: String = "/", description: String? = nil,
        maxSessionDuration: Int = 3600, permissionsBoundary: String? = nil
    ) throws(GlueError) -> IAMRole {
        try SQLiteIAMStore.validateName(roleName, what: "roleName", maximum: 64)
        try SQLiteIAMStore.validatePath(path)
        _ = try SQLiteIAMStore.checkTrustPolicy(assumeRolePolicyDocument)
        if let permissionsBoundary { _ = try managedPolicy(arn: permissionsBoundary) }
        let roleID = SQLiteIAMStore.randomID("AROA")
        let created = now().timeIntervalSince1970
        let account = accountID
        return try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM iam_role WHERE role_name = ?", arguments: [roleName]) != nil {
                throw GlueError(.entityAlreadyExists, "Role with name \(roleName) already exists.")
            }
            try db.execute(
                sql: """
                    INSERT INTO iam_role (role_name, role_id, path, assume_role_policy_document, description,
                        max_session_duration, permissions_boundary_arn, create_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [roleName, roleID, path, assumeRolePolicyDocument, description, maxSessionDuration, permissionsBoundary, created])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM iam_role WHERE role_name = ?", arguments: [roleName]) else {
                throw SQLiteIAMStore.noSuchRole(roleName)
            }
            return SQLiteIAMStore.role(row, accountID: account)
        }
    }

    /// Mirrors IAM `GetRole`. Accepts a role name or a role ARN.
    ///
    /// - Throws: `NoSuchEntity`.
    public func getRole(roleName: String) throws(GlueError) -> IAMRole {
        let name = SQLiteIAMStore.roleName(fromNameOrARN: roleName)
        let account = accountID
        guard let role = try read({ db in
            try Row.fetchOne(db, sql: "SELECT * FROM iam_role WHERE role_name = ?", arguments: [name]).map {
                SQLiteIAMStore.role($0, accountID: account)
            }
        }) else { throw SQLiteIAMStore.noSuchRole(name) }
        return role
    }

    /// The role name of `text`, which may be a role ARN (`arn:aws:iam::A:role/path/NAME`).
    public static func roleName(fromNameOrARN text: String) -> String {
        if let arn = ARNParts(text), arn.service == "iam", arn.resource.hasPrefix("role/") {
            return arn.resource.split(separator: "/").last.map(String.init) ?? text
        }
        return text
    }

    /// Mirrors IAM `ListRoles`, sorted by name.
    public func listRoles(pathPrefix: String = "/") throws(GlueError) -> [IAMRole] {
        let account = accountID
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM iam_role ORDER BY role_name COLLATE NOCASE").map {
                SQLiteIAMStore.role($0, accountID: account)
            }
        }.filter { $0.path.hasPrefix(pathPrefix) }
    }

    /// Mirrors IAM `DeleteRole`: the role must have no inline or attached policies.
    ///
    /// - Throws: `NoSuchEntity`, `DeleteConflict`.
    public func deleteRole(roleName: String) throws(GlueError) {
        try write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM iam_role WHERE role_name = ?", arguments: [roleName]) != nil else {
                throw SQLiteIAMStore.noSuchRole(roleName)
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iam_role_policy WHERE role_name = ?", arguments: [roleName]) ?? 0 > 0 {
                throw GlueError(.deleteConflict, "Cannot delete entity, must delete policies first.")
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iam_role_attached_policy WHERE role_name = ?", arguments: [roleName]) ?? 0 > 0 {
                throw GlueError(.deleteConflict, "Cannot delete entity, must detach all policies first.")
            }
            try db.execute(sql: "DELETE FROM iam_role WHERE role_name = ?", arguments: [roleName])
        }
    }

    /// Mirrors IAM `UpdateAssumeRolePolicy`.
    ///
    /// - Throws: `NoSuchEntity`, `MalformedPolicyDocument`.
    public func updateAssumeRolePolicy(roleName: String, policyDocument: String) throws(GlueError) {
        _ = try SQLiteIAMStore.checkTrustPolicy(policyDocument)
        try write { db in
            try db.execute(sql: "UPDATE iam_role SET assume_role_policy_document = ? WHERE role_name = ?", arguments: [policyDocument, roleName])
            if db.changesCount == 0 { throw SQLiteIAMStore.noSuchRole(roleName) }
        }
    }

    // MARK: - Inline policies

    /// Mirrors IAM `PutRolePolicy` (creates or replaces). A malformed ARN is accepted (it matches
    /// nothing), so the design documents' typo can be reproduced; `validate-policy` reports it.
    ///
    /// - Throws: `NoSuchEntity`, `MalformedPolicyDocument`, `ValidationError`.
    public func putRolePolicy(roleName: String, policyName: String, policyDocument: String) throws(GlueError) {
        try SQLiteIAMStore.validateName(policyName, what: "policyName", maximum: 128)
        _ = try SQLiteIAMStore.checkIdentityPolicy(policyDocument)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role_name FROM iam_role WHERE role_name = ?", arguments: [roleName]) else {
                throw SQLiteIAMStore.noSuchRole(roleName)
            }
            let storedName: String = row["role_name"]
            try db.execute(
                sql: "INSERT OR REPLACE INTO iam_role_policy (role_name, policy_name, policy_document) VALUES (?, ?, ?)",
                arguments: [storedName, policyName, policyDocument])
        }
    }

    /// Mirrors IAM `GetRolePolicy`.
    ///
    /// - Throws: `NoSuchEntity`.
    public func getRolePolicy(roleName: String, policyName: String) throws(GlueError) -> IAMRolePolicy {
        let role = try getRole(roleName: roleName)
        guard let document = try read({ db in
            try String.fetchOne(db, sql: "SELECT policy_document FROM iam_role_policy WHERE role_name = ? AND policy_name = ?", arguments: [role.roleName, policyName])
        }) else {
            throw GlueError(.noSuchEntity, "The role policy with name \(policyName) cannot be found.")
        }
        return IAMRolePolicy(roleName: role.roleName, policyName: policyName, policyDocument: document)
    }

    /// Mirrors IAM `ListRolePolicies`.
    ///
    /// - Throws: `NoSuchEntity`.
    public func listRolePolicies(roleName: String) throws(GlueError) -> [String] {
        let role = try getRole(roleName: roleName)
        return try read { db in
            try String.fetchAll(db, sql: "SELECT policy_name FROM iam_role_policy WHERE role_name = ? ORDER BY policy_name", arguments: [role.roleName])
        }
    }

    /// Mirrors IAM `DeleteRolePolicy`.
    ///
    /// - Throws: `NoSuchEntity`.
    public func deleteRolePolicy(roleName: String, policyName: String) throws(GlueError) {
        let role = try getRole(roleName: roleName)
        try write { db in
            try db.execute(sql: "DELETE FROM iam_role_policy WHERE role_name = ? AND policy_name = ?", arguments: [role.roleName, policyName])
            if db.changesCount == 0 { throw GlueError(.noSuchEntity, "The role policy with name \(policyName) cannot be found.") }
        }
    }

    // MARK: - Managed policies

    /// Mirrors IAM `CreatePolicy` (a customer managed policy).
    ///
    /// - Throws: `EntityAlreadyExists`, `MalformedPolicyDocument`, `ValidationError`.
    @discardableResult
    public func createPolicy(policyName: String, policyDocument: String, path: String = "/", description: String? = nil)
        throws(GlueError) -> ManagedPolicy
    {
        try SQLiteIAMStore.validateName(policyName, what: "policyName", maximum: 128)
        try SQLiteIAMStore.validatePath(path)
        _ = try SQLiteIAMStore.checkIdentityPolicy(policyDocument)
        let arn = "arn:aws:iam::\(accountID):policy\(path)\(policyName)"
        let policyID = SQLiteIAMStore.randomID("ANPA")
        let created = now().timeIntervalSince1970
        try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM iam_policy WHERE arn = ?", arguments: [arn]) != nil {
                throw GlueError(.entityAlreadyExists, "A policy called \(policyName) already exists. Duplicate names are not allowed.")
            }
            try db.execute(
                sql: """
                    INSERT INTO iam_policy (arn, policy_name, policy_id, path, description, default_version_id, policy_document,
                        create_date, update_date) VALUES (?, ?, ?, ?, ?, 'v1', ?, ?, ?)
                    """,
                arguments: [arn, policyName, policyID, path, description, policyDocument, created, created])
        }
        return try managedPolicy(arn: arn)
    }

    /// Mirrors IAM `GetPolicy` (with the document of its default version): customer managed
    /// policies from the lake, AWS managed policies from the bundle.
    ///
    /// - Throws: `NoSuchEntity`.
    public func managedPolicy(arn: String) throws(GlueError) -> ManagedPolicy {
        if var bundled = AWSManagedPolicies.policy(arn: arn) {
            bundled.attachmentCount = try read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iam_role_attached_policy WHERE policy_arn = ?", arguments: [arn]) ?? 0
            }
            return bundled
        }
        let row = try read { db -> (Row, Int)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM iam_policy WHERE arn = ?", arguments: [arn]) else { return nil }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iam_role_attached_policy WHERE policy_arn = ?", arguments: [arn]) ?? 0
            return (row, count)
        }
        guard let (row, count) = row else {
            throw GlueError(.noSuchEntity, "Policy \(arn) does not exist or is not attachable.")
        }
        let json: String = row["policy_document"]
        let document = try PolicyDocument(json: json, name: arn)
        return ManagedPolicy(
            policyName: row["policy_name"], policyId: row["policy_id"], arn: arn, path: row["path"],
            defaultVersionId: row["default_version_id"], description: row["description"],
            createDate: SQLiteIAMStore.awsDate(row["create_date"]), updateDate: SQLiteIAMStore.awsDate(row["update_date"]),
            attachmentCount: count, documentJSON: json, document: document)
    }

    /// `2026-11-22T12:00:00+00:00`, as the AWS CLI prints IAM dates.
    static func awsDate(_ seconds: Double) -> String {
        let date = Date(timeIntervalSince1970: seconds.rounded(.down))
        let text = date.ISO8601Format()
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }

    /// Mirrors IAM `AttachRolePolicy`.
    ///
    /// - Throws: `NoSuchEntity` for the role or the policy.
    public func attachRolePolicy(roleName: String, policyArn: String) throws(GlueError) {
        let role = try getRole(roleName: roleName)
        _ = try managedPolicy(arn: policyArn)
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO iam_role_attached_policy (role_name, policy_arn) VALUES (?, ?)", arguments: [role.roleName, policyArn])
        }
    }

    /// Mirrors IAM `DetachRolePolicy`.
    ///
    /// - Throws: `NoSuchEntity` when the role does not exist or the policy is not attached.
    public func detachRolePolicy(roleName: String, policyArn: String) throws(GlueError) {
        let role = try getRole(roleName: roleName)
        try write { db in
            try db.execute(sql: "DELETE FROM iam_role_attached_policy WHERE role_name = ? AND policy_arn = ?", arguments: [role.roleName, policyArn])
            if db.changesCount == 0 { throw GlueError(.noSuchEntity, "Policy \(policyArn) was not found.") }
        }
    }

    /// Mirrors IAM `ListAttachedRolePolicies`.
    ///
    /// - Throws: `NoSuchEntity`.
    public func listAttachedRolePolicies(roleName: String) throws(GlueError) -> [IAMAttachedPolicy] {
        let role = try getRole(roleName: roleName)
        let arns = try read { db in
            try String.fetchAll(db, sql: "SELECT policy_arn FROM iam_role_attached_policy WHERE role_name = ? ORDER BY policy_arn", arguments: [role.roleName])
        }
        return arns.map { IAMAttachedPolicy(policyName: $0.split(separator: "/").last.map(String.init) ?? $0, policyArn: $0) }
    }

    /// Mirrors IAM `PutRolePermissionsBoundary`.
    ///
    /// - Throws: `NoSuchEntity` for the role or the policy.
    public func putRolePermissionsBoundary(roleName: String, permissionsBoundary: String) throws(GlueError) {
        let role = try getRole(roleName: roleName)
        _ = try managedPolicy(arn: permissionsBoundary)
        try write { db in
            try db.execute(sql: "UPDATE iam_role SET permissions_boundary_arn = ? WHERE role_name = ?", arguments: [permissionsBoundary, role.roleName])
        }
    }

    /// Mirrors IAM `DeleteRolePermissionsBoundary`.
    ///
    /// - Throws: `NoSuchEntity`.
    public func deleteRolePermissionsBoundary(roleName: String) throws(GlueError) {
        let role = try getRole(roleName: roleName)
        try write { db in
            try db.execute(sql: "UPDATE iam_role SET permissions_boundary_arn = NULL WHERE role_name = ?", arguments: [role.roleName])
        }
    }

    // MARK: - Sessions

    /// The policies that apply to a role's sessions: inline and attached policies, and the boundary.
    ///
    /// - Throws: `NoSuchEntity`; `MalformedPolicyDocument` if a stored document no longer parses.
    public func policySet(roleName: String) throws(GlueError) -> PolicySet {
        let role = try getRole(roleName: roleName)
        var identity: [PolicyDocument] = []
        let inline = try read { db in
            try Row.fetchAll(db, sql: "SELECT policy_name, policy_document FROM iam_role_policy WHERE role_name = ? ORDER BY policy_name", arguments: [role.roleName])
                .map { (name: $0["policy_name"] as String, json: $0["policy_document"] as String) }
        }
        for policy in inline {
            identity.append(try PolicyDocument(json: policy.json, name: "\(role.roleName)/\(policy.name)"))
        }
        for attached in try listAttachedRolePolicies(roleName: role.roleName) {
            identity.append(try managedPolicy(arn: attached.policyArn).document)
        }
        let boundary = try role.permissionsBoundaryArn.map { arn throws(GlueError) in try managedPolicy(arn: arn).document }
        return PolicySet(identityPolicies: identity, permissionsBoundary: boundary)
    }

    /// The caller a session of the role is: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` with the
    /// role's policies. The trust policy is not checked (see ``assumeRole(roleName:servicePrincipal:sessionName:)``).
    ///
    /// - Throws: `NoSuchEntity`.
    public func callerIdentity(roleName: String, sessionName: String) throws(GlueError) -> CallerIdentity {
        let role = try getRole(roleName: roleName)
        return CallerIdentity(
            arn: ARN.assumedRole(account: accountID, roleName: role.roleName, sessionName: sessionName),
            accountID: accountID, policies: try policySet(roleName: role.roleName))
    }

    /// Decides whether a service principal (`glue.amazonaws.com`) may assume the role, by its trust policy.
    ///
    /// - Throws: `NoSuchEntity`, `MalformedPolicyDocument`.
    public func authorizeAssumeRole(roleName: String, servicePrincipal: String) throws(GlueError) -> AuthorizationResult {
        let role = try getRole(roleName: roleName)
        let trust = try PolicyDocument(json: role.assumeRolePolicyDocument, name: "\(role.roleName) trust policy")
        let request = AuthorizationRequest(
            servicePrincipal: servicePrincipal, action: "sts:AssumeRole", resource: role.arn, resourceAccount: accountID)
        return PolicyEvaluator.evaluate(request, policies: PolicySet(resourcePolicy: trust))
    }

    /// Assumes the role as a service would (a Glue job run as `glue.amazonaws.com`): checks the
    /// trust policy, then returns the session's caller.
    ///
    /// - Throws: `AccessDenied` with AWS's message when the trust policy does not allow the service;
    ///   `NoSuchEntity`.
    public func assumeRole(roleName: String, servicePrincipal: String, sessionName: String) throws(GlueError) -> CallerIdentity {
        let decision = try authorizeAssumeRole(roleName: roleName, servicePrincipal: servicePrincipal)
        guard decision.decision == .allowed else {
            throw GlueError(.accessDenied, decision.denialMessage(), operation: "AssumeRole")
        }
        return try callerIdentity(roleName: roleName, sessionName: sessionName)
    }
}

/// A non-Sendable error's description, kept as a `cause`.
struct SendableDescription: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
