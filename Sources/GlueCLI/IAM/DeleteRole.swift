import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam delete-role`. Mirrors IAM `DeleteRole`.
struct DeleteRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-role", abstract: "Delete a role without policies (IAM DeleteRole).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:DeleteRole", resource: lake.roleARN(roleName), operation: "DeleteRole")
            try lake.iamStore().deleteRole(roleName: roleName)
        } catch {
            throw error.during("DeleteRole")
        }
    }
}
