import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam get-role`. Mirrors IAM `GetRole`.
struct GetRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-role", abstract: "Show a role (IAM GetRole).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:GetRole", resource: lake.roleARN(roleName), operation: "GetRole")
            let role = try lake.iamStore().getRole(roleName: roleName)
            try OutputPrinter(format: global.output).print(CreateRole.Output(Role: IAMOutput.Role(role)))
        } catch let error as GlueError {
            throw error.during("GetRole")
        }
    }
}
