import Foundation
import GlueCore
import GlueIAM
import GlueStorage

extension LakeContext {
    /// The lake's KMS keys.
    func kmsKeyStore() throws -> KMSKeyStore {
        try KMSKeyStore(database: database, account: configuration.accountID, region: configuration.region)
    }

    /// The object store every `s3`/`s3api` command uses: the lake's buckets, each call authorized
    /// for the caller (the administrator, or the `--as-role` session).
    func s3ObjectStore() throws -> PolicyEnforcingObjectStore {
        PolicyEnforcingObjectStore(wrapping: try objectStore(), caller: try storageCaller(), kmsKeys: try kmsKeyStore())
    }

    /// The caller of storage commands: the account's administrator, or with `--as-role` the
    /// session `arn:aws:sts::ACCOUNT:assumed-role/ROLE/localglue-cli` with the role's policies.
    ///
    /// - Throws: `NoSuchEntity` when the role is unknown (the lake's IAM role store resolves it).
    func storageCaller() throws -> CallerIdentity {
        try caller()
    }
}
