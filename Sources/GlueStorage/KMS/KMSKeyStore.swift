#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GRDB
import GlueCore

/// The lake's KMS keys (`storage_kms_keys`): enough of KMS to authorize SSE-KMS objects.
///
/// LocalGlue never encrypts bytes; a key exists so that reading an `aws:kms` object needs
/// `kms:Decrypt` and writing one needs `kms:GenerateDataKey`, decided with the caller's identity
/// policies and the key policy, as AWS decides.
public struct KMSKeyStore: Sendable {
    private let database: any DatabaseWriter
    /// The account new keys belong to.
    public let account: AccountID
    /// The region of new keys.
    public let region: String

    /// Opens the key store, migrating `database` if needed.
    ///
    /// - Throws: `InternalError` when SQLite fails.
    public init(database: any DatabaseWriter, account: AccountID = .default, region: String = "us-east-1") throws(GlueError) {
        self.database = database
        self.account = account
        self.region = region
        try StorageSchema.migrate(database)
    }

    /// The key policy KMS gives a key created without one: the account delegates to IAM.
    public static func defaultKeyPolicy(account: AccountID) -> String {
        """
        {
            "Version": "2012-10-17",
            "Id": "key-default-1",
            "Statement": [
                {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::\(account.rawValue):root"},
                    "Action": "kms:*",
                    "Resource": "*"
                }
            ]
        }
        """
    }

    /// Mirrors KMS `CreateKey` (symmetric encrypt/decrypt keys only).
    ///
    /// - Parameter policy: the key policy text, already validated by the caller; `nil` uses
    ///   ``defaultKeyPolicy(account:)``.
    /// - Throws: `InternalError` when SQLite fails.
    public func createKey(description: String = "", policy: String? = nil) throws(GlueError) -> KMSKeyMetadata {
        let keyID = UUID().uuidString.lowercased()
        let metadata = KMSKeyMetadata(
            keyID: keyID, arn: "arn:aws:kms:\(region):\(account.rawValue):key/\(keyID)", awsAccountID: account.rawValue,
            description: description, keyUsage: "ENCRYPT_DECRYPT", keySpec: "SYMMETRIC_DEFAULT", keyState: "Enabled", creationDate: Date())
        let policyText = policy ?? Self.defaultKeyPolicy(account: account)
        do {
            try database.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO storage_kms_keys (key_id, arn, account, region, description, key_usage, key_spec, key_state, creation_date, policy)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        keyID, metadata.arn, account.rawValue, region, description, metadata.keyUsage, metadata.keySpec, metadata.keyState,
                        metadata.creationDate.timeIntervalSince1970, policyText,
                    ])
            }
        } catch { throw .database(error) }
        return metadata
    }

    /// Mirrors KMS `ListKeys`: every key's ID and ARN, by ID.
    public func listKeys() throws(GlueError) -> [(keyID: String, keyArn: String)] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT key_id, arn FROM storage_kms_keys ORDER BY key_id").map { ($0["key_id"], $0["arn"]) }
            }
        } catch { throw .database(error) }
    }

    /// Mirrors KMS `DescribeKey`; accepts a key ID or a key ARN.
    ///
    /// - Throws: `NotFoundException` ("Key 'ARN' does not exist"), `InternalError`.
    public func describeKey(_ keyID: String) throws(GlueError) -> KMSKeyMetadata {
        try row(keyID).metadata
    }

    /// Mirrors KMS `GetKeyPolicy` (the only policy name is `default`).
    ///
    /// - Throws: `NotFoundException`, `InternalError`.
    public func keyPolicy(_ keyID: String) throws(GlueError) -> String {
        try row(keyID).policy
    }

    /// Mirrors KMS `PutKeyPolicy`; the caller validates the document.
    ///
    /// - Throws: `NotFoundException`, `InternalError`.
    public func putKeyPolicy(_ keyID: String, policy: String) throws(GlueError) {
        let key = try row(keyID).metadata
        do {
            try database.write { db in
                try db.execute(sql: "UPDATE storage_kms_keys SET policy = ? WHERE key_id = ?", arguments: [policy, key.keyID])
            }
        } catch { throw .database(error) }
    }

    private func row(_ keyID: String) throws(GlueError) -> (metadata: KMSKeyMetadata, policy: String) {
        let id: String
        if keyID.hasPrefix("arn:") {
            guard let arn = ARN(keyID), arn.service == "kms", arn.resource.hasPrefix("key/") else {
                throw GlueError(.notFound, "Invalid arn \(keyID)")
            }
            id = String(arn.resource.dropFirst("key/".count))
        } else if keyID.hasPrefix("alias/") {
            throw GlueError(.notFound, "Alias arn:aws:kms:\(region):\(account.rawValue):\(keyID) is not found.")
        } else {
            id = keyID
        }
        let found: Row?
        do {
            found = try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM storage_kms_keys WHERE key_id = ?", arguments: [id]) }
        } catch { throw .database(error) }
        guard let found else {
            let arn = keyID.hasPrefix("arn:") ? keyID : "arn:aws:kms:\(region):\(account.rawValue):key/\(keyID)"
            throw GlueError(.notFound, "Key '\(arn)' does not exist")
        }
        let metadata = KMSKeyMetadata(
            keyID: found["key_id"], arn: found["arn"], awsAccountID: found["account"], description: found["description"],
            keyUsage: found["key_usage"], keySpec: found["key_spec"], keyState: found["key_state"],
            creationDate: Date(timeIntervalSince1970: found["creation_date"]))
        return (metadata, found["policy"])
    }
}
