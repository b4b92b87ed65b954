import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam put-role-permissions-boundary`. Mirrors IAM `PutRolePermissionsBoundary`.
struct PutRolePermissionsBoundary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-role-permissions-boundary", abstract: "Set a role's permissions boundary (IAM PutRolePermissionsBoundary).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("permissions-boundary"), help: "The managed policy's ARN.") var permissionsBoundary: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:PutRolePermissionsBoundary", resource: lake.roleARN(roleName), operation: "PutRolePermissionsBoundary")
            try lake.iamStore().putRolePermissionsBoundary(roleName: roleName, permissionsBoundary: permissionsBoundary)
        } catch {
            throw error.during("PutRolePermissionsBoundary")
        }
    }
}
