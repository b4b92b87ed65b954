import Foundation
import GlueCore
import GlueIAM

extension LakeContext {
    /// The lake's IAM store (roles and policies), on the lake's database.
    ///
    /// - Throws: `InternalServiceException` when the IAM tables cannot be migrated.
    public func iamStore() throws(GlueError) -> SQLiteIAMStore {
        try SQLiteIAMStore(database: database, accountID: configuration.accountID.rawValue)
    }

    /// Who is calling: a session of the `--as-role` role (`assumed-role/ROLE/localglue-cli`, trust
    /// policy not checked), or the account's administrator.
    ///
    /// - Throws: `NoSuchEntity` when the `--as-role` role does not exist.
    public func caller() throws(GlueError) -> CallerIdentity {
        guard let asRole else { return CallerIdentity.administrator(accountID: configuration.accountID.rawValue) }
        return try iamStore().callerIdentity(roleName: SQLiteIAMStore.roleName(fromNameOrARN: asRole), sessionName: "localglue-cli")
    }

    /// Authorizes an IAM call by the caller, as IAM does.
    ///
    /// - Throws: `AccessDenied` with AWS's message when denied.
    func authorizeIAM(_ action: String, resource: String, operation: String) throws(GlueError) {
        // Every IAM resource of the lake is the account's own (AWS managed policies included).
        let result = try caller().authorize(action: action, resource: resource, resourceAccount: configuration.accountID.rawValue)
        guard result.decision == .allowed else {
            throw GlueError(.accessDenied, result.denialMessage(), operation: operation)
        }
    }

    /// The ARN of a role of this lake's account.
    func roleARN(_ name: String) -> String {
        "arn:aws:iam::\(configuration.accountID.rawValue):role/\(SQLiteIAMStore.roleName(fromNameOrARN: name))"
    }
}
