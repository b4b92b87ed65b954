import GlueCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An IAM role as the lake stores it. Mirrors IAM's `Role`.
public struct IAMRole: Sendable, Hashable {
    /// `RoleName` (unique in the account, compared without case).
    public var roleName: String
    /// `RoleId` (`AROA...`).
    public var roleId: String
    /// `Arn`: `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
    public var arn: String
    /// `Path`, `/` by default.
    public var path: String
    /// `AssumeRolePolicyDocument`: the trust policy's JSON text.
    public var assumeRolePolicyDocument: String
    /// `Description`.
    public var description: String?
    /// `MaxSessionDuration` in seconds.
    public var maxSessionDuration: Int
    /// The ARN of the managed policy set as permissions boundary.
    public var permissionsBoundaryArn: String?
    /// `CreateDate`.
    public var createDate: Date
}

/// An inline policy of a role. Mirrors IAM `GetRolePolicy`'s answer.
public struct IAMRolePolicy: Sendable, Hashable {
    /// `RoleName`.
    public var roleName: String
    /// `PolicyName`.
    public var policyName: String
    /// `PolicyDocument`: the JSON text.
    public var policyDocument: String
}

/// A managed policy attached to a role. Mirrors IAM's `AttachedPolicy`.
public struct IAMAttachedPolicy: Sendable, Hashable {
    /// `PolicyName`.
    public var policyName: String
    /// `PolicyArn`.
    public var policyArn: String
}
