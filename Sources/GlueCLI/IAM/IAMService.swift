import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam ...`: roles, policies and the policy simulator.
struct IAMService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iam",
        abstract: "The AWS IAM API: roles, inline and managed policies, permissions boundaries, and the policy simulator.",
        subcommands: [
            CreateRole.self, GetRole.self, ListRoles.self, DeleteRole.self, UpdateAssumeRolePolicy.self,
            PutRolePolicy.self, GetRolePolicy.self, ListRolePolicies.self, DeleteRolePolicy.self,
            CreatePolicy.self, GetPolicy.self, AttachRolePolicy.self, DetachRolePolicy.self,
            ListAttachedRolePolicies.self, PutRolePermissionsBoundary.self,
            SimulateCustomPolicy.self, SimulatePrincipalPolicy.self, SimulateCases.self,
        ])
}
