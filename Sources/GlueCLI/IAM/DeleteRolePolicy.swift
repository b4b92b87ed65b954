import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam delete-role-policy`. Mirrors IAM `DeleteRolePolicy`.
struct DeleteRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-role-policy", abstract: "Delete a role's inline policy (IAM DeleteRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-name"), help: "The inline policy's name.") var policyName: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:DeleteRolePolicy", resource: lake.roleARN(roleName), operation: "DeleteRolePolicy")
            try lake.iamStore().deleteRolePolicy(roleName: roleName, policyName: policyName)
        } catch {
            throw error.during("DeleteRolePolicy")
        }
    }
}
